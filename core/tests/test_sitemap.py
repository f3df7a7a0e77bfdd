"""sitemap.xml covers every language, with alternates between translations only."""

import defusedxml.ElementTree as ET
import pytest
from wagtail.models import PageViewRestriction

from core.factories import translate_page
from news.factories import NewsPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return entries


@pytest.fixture
def news(site_tree):
    translated = NewsPageFactory(parent=site_tree.news_index, title="Übersetzt", slug="uebersetzt")
    english = translate_page(translated, "en", title="Translated")
    german_only = NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch", slug="nur-de")
    return translated, english, german_only


def test_the_sitemap_lists_pages_of_every_language(client, news):
    entries = _sitemap(client)
    assert "http://localhost/aktuelles/uebersetzt/" in entries
    assert "http://localhost/en/aktuelles/uebersetzt/" in entries
    assert "http://localhost/en/" in entries


def test_translations_point_at_each_other_with_x_default_german(client, news):
    alternates = _sitemap(client)["http://localhost/en/aktuelles/uebersetzt/"]
    assert alternates == {
        "de": "http://localhost/aktuelles/uebersetzt/",
        "en": "http://localhost/en/aktuelles/uebersetzt/",
        "x-default": "http://localhost/aktuelles/uebersetzt/",
    }


def test_an_untranslated_page_has_no_alternates_and_no_english_url(client, news):
    entries = _sitemap(client)
    assert entries["http://localhost/aktuelles/nur-de/"] == {}
    assert "http://localhost/en/aktuelles/nur-de/" not in entries


def test_drafts_and_private_pages_are_left_out(client, news):
    translated, english, german_only = news
    german_only.unpublish()
    PageViewRestriction.objects.create(page=english, restriction_type="login")
    entries = _sitemap(client)
    assert "http://localhost/aktuelles/nur-de/" not in entries
    assert "http://localhost/en/aktuelles/uebersetzt/" not in entries
    assert entries["http://localhost/aktuelles/uebersetzt/"] == {}


def test_the_sitemap_costs_the_same_queries_for_more_pages(client, news, site_tree,
                                                           django_assert_max_num_queries):
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(12) as small:
        client.get("/sitemap.xml")
    for number in range(8):
        page = NewsPageFactory(parent=site_tree.news_index, title=f"Mehr {number}")
        translate_page(page, "en", title=f"More {number}")
    with django_assert_max_num_queries(12) as large:
        client.get("/sitemap.xml")
    assert len(large.captured_queries) == len(small.captured_queries)

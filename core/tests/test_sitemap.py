"""sitemap.xml covers every language, with alternates between translations only."""

from urllib.parse import urlsplit

import defusedxml.ElementTree as ET
import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from core.factories import translate_page
from core.sitemap import MultilingualSitemap
from news.factories import NewsPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap(client):
    """Every URL of every section listed in the sitemap index, with its alternates."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [loc.text for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", NS)]
    assert sections
    entries = {}
    for section in sections:
        response = client.get(_local(section))
        assert response.status_code == 200
        entries.update(_entries(ET.fromstring(response.content)))
    return entries


def _local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _entries(root):
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
    english = translate_page(translated, "en", title="Translated", slug="translated")
    german_only = NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch", slug="nur-de")
    return translated, english, german_only


def test_the_sitemap_lists_pages_of_every_language(client, news):
    entries = _sitemap(client)
    assert "http://localhost/aktuelles/uebersetzt/" in entries
    assert "http://localhost/en/news/translated/" in entries
    assert "http://localhost/en/" in entries


def test_translations_point_at_each_other_with_x_default_german(client, news):
    alternates = _sitemap(client)["http://localhost/en/news/translated/"]
    assert alternates == {
        "de": "http://localhost/aktuelles/uebersetzt/",
        "en": "http://localhost/en/news/translated/",
        "x-default": "http://localhost/aktuelles/uebersetzt/",
    }


def test_an_untranslated_page_has_no_alternates_and_no_english_url(client, news):
    entries = _sitemap(client)
    assert entries["http://localhost/aktuelles/nur-de/"] == {}
    assert "http://localhost/en/news/nur-de/" not in entries


def test_drafts_and_private_pages_are_left_out(client, news):
    translated, english, german_only = news
    german_only.unpublish()
    PageViewRestriction.objects.create(page=english, restriction_type="login")
    entries = _sitemap(client)
    assert "http://localhost/aktuelles/nur-de/" not in entries
    assert "http://localhost/en/news/translated/" not in entries
    assert entries["http://localhost/aktuelles/uebersetzt/"] == {}


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-pages.xml"])
def test_the_sitemap_costs_the_same_queries_for_more_pages(client, news, site_tree, url,
                                                           django_assert_max_num_queries):
    cache.clear()
    client.get(url)
    cache.clear()
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for number in range(8):
        page = NewsPageFactory(parent=site_tree.news_index, title=f"Mehr {number}")
        translate_page(page, "en", title=f"More {number}")
    cache.clear()
    with django_assert_max_num_queries(12) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_sitemap_is_cached_until_the_next_publication(client, news, site_tree,
                                                          django_assert_num_queries):
    before = _sitemap(client)
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").status_code == 200
        assert client.get("/sitemap-pages.xml").status_code == 200

    NewsPageFactory(parent=site_tree.news_index, title="Neu", slug="neu").save_revision().publish()

    after = _sitemap(client)
    assert set(after) - set(before) == {"http://localhost/aktuelles/neu/"}


def test_the_index_splits_the_sitemap_into_sections(client, news, monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", 3)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert [_local(section) for section in sections[:2]] == [
        "/sitemap-pages.xml", "/sitemap-pages.xml?p=2"]
    sizes = [len(_entries(ET.fromstring(client.get(_local(section)).content)))
             for section in sections]
    assert max(sizes) == 3
    assert sum(sizes) == len(_sitemap(client))
    assert MultilingualSitemap.limit <= 50_000

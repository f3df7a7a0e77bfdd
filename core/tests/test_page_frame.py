"""The page's frame (the head: metadata, links and assets; the header with menu, search and
language switcher; the footer) comes from the shared cache for readers, and always shows the
page being read and the site as it is now."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from core.tests.helpers import soup
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(site_tree):
    """The indexes and an item with live revisions, so that their frames are cached."""
    for page in (site_tree.home, site_tree.news_index, site_tree.topic_index,
                 site_tree.news_index_en):
        page.save_revision().publish()
    item = NewsPageFactory(parent=site_tree.news_index, title="Eine Meldung", slug="eine")
    item.save_revision().publish()
    return site_tree


def current_menu_item(response):
    current = soup(response).select('.main-menu a[aria-current="page"]')
    return [link.get_text(strip=True) for link in current]


def test_the_menu_marks_the_section_being_read_also_from_the_cache(published, client):
    news, topics = published.news_index.title, published.topic_index.title
    for _ in range(2):
        assert current_menu_item(client.get("/aktuelles/")) == [news]
        assert current_menu_item(client.get("/themen/")) == [topics]
        assert current_menu_item(client.get("/")) == []


def test_the_language_switcher_links_each_page_to_its_own_translation(published, client):
    for _ in range(2):
        german = soup(client.get("/aktuelles/")).select_one(".language-switcher a[hreflang=en]")
        english = soup(client.get("/en/news/")).select_one(".language-switcher a[hreflang=de]")
        assert german["href"] == "/en/news/"
        assert english["href"] == "/aktuelles/"


def test_a_renamed_section_shows_in_every_page_frame_at_once(published, client):
    client.get("/aktuelles/eine/")
    topics = published.topic_index
    topics.title = "Schwerpunkte"
    topics.save_revision().publish()

    menu = soup(client.get("/aktuelles/eine/")).select(".main-menu a")

    assert "Schwerpunkte" in [link.get_text(strip=True) for link in menu]


def test_the_search_box_keeps_the_query_after_pages_with_a_cached_frame(published, client):
    client.get("/aktuelles/")

    box = soup(client.get("/suche/?q=Wasser")).select_one("#site-search-q")

    assert box["value"] == "Wasser"


def test_an_editor_gets_the_user_bar_where_readers_get_the_cached_frame(published, client):
    client.get("/aktuelles/eine/")
    editor = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    client.force_login(editor)

    page = client.get("/aktuelles/eine/").content.decode()

    assert "wagtail-userbar" in page
    assert 'class="main-menu"' in page


@pytest.fixture
def long_listing(published):
    for day in range(1, 13):
        NewsPageFactory(parent=published.news_index, title=f"Juli {day}",
                        dated=datetime.date(2021, 7, day)).save_revision().publish()
    return published.news_index


def canonical(response):
    return soup(response).select_one('link[rel="canonical"]')["href"]


def test_each_view_of_a_listing_names_its_own_canonical_url_also_from_the_cache(
        long_listing, client):
    root = "http://localhost" + long_listing.url
    views = [("", root), ("?page=2", root + "?page=2"),
             ("?page=2&utm_source=newsletter", root + "?page=2"), ("?page=1", root),
             ("?page=abc", root), ("?year=2021&page=2", root)]
    for _ in range(2):
        for query, expected in views:
            assert canonical(client.get(long_listing.url + query)) == expected, query


def test_a_warm_page_head_is_not_worked_out_again(published, client, monkeypatch):
    from core.templatetags import seo_tags

    client.get("/aktuelles/eine/")
    worked_out = []
    real = seo_tags.page_metadata
    monkeypatch.setattr(seo_tags, "page_metadata",
                        lambda *args, **kwargs: worked_out.append(1) or real(*args, **kwargs))

    head = soup(client.get("/aktuelles/eine/")).head

    assert not worked_out
    assert head.select_one('meta[property="og:title"]')["content"] == "Eine Meldung"


def test_a_new_title_shows_in_the_page_head_at_once(published, client):
    item = published.news_index.get_children().get(slug="eine").specific
    client.get("/aktuelles/eine/")
    item.title = "Eine neue Meldung"
    item.save_revision().publish()

    head = soup(client.get("/aktuelles/eine/")).head

    assert head.select_one('meta[property="og:title"]')["content"] == "Eine neue Meldung"

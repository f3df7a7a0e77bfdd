"""The page's frame (header with menu, search and language switcher; footer) comes from the
shared cache for readers, and always shows the page being read and the site as it is now."""

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

"""Events are found like news: in search (with their own filter), the sitemap and the
feeds of the events index."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from core.factories import translate_page
from events.factories import EventPageFactory
from events.tests.helpers import add_event_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    add_event_index(site_tree)
    return site_tree


def test_search_finds_an_event_in_its_language_and_narrows_to_events(tree, client):
    event = EventPageFactory(parent=tree.event_index, title="Werkstatt Wasserversorgung",
                             live=False, first_published_at=None)
    event.save_revision().publish()
    translate_page(event, "en", title="Water supply workshop").save_revision().publish()

    def titles(url, **params):
        document = BeautifulSoup(client.get(url, params).content.decode(), "html.parser")
        return [" ".join(h.get_text(" ", strip=True).split()) for h in document.select(
            "ol.search-results__list .search-result__title")]

    assert titles("/suche/", q="Wasserversorgung") == ["Werkstatt Wasserversorgung"]
    assert titles("/suche/", q="Wasserversorgung", type="event") == [
        "Werkstatt Wasserversorgung"]
    assert titles("/suche/", q="Wasserversorgung", type="news") == []
    assert titles("/en/search/", q="water") == ["Water supply workshop"]


def test_the_sitemap_lists_events_in_both_languages(tree, client):
    event = EventPageFactory(parent=tree.event_index, title="Im Sitemap")
    english = translate_page(event, "en", title="In the sitemap", slug="in-the-sitemap")
    index = client.get("/sitemap.xml").content.decode()
    sections = [loc.split("<")[0] for loc in index.split("<loc>")[1:]]
    text = "".join(client.get(section.replace("http://localhost", "")).content.decode()
                   for section in sections)
    assert event.full_url in text
    assert english.full_url in text


def test_the_events_feeds_announce_new_events(tree, client):
    EventPageFactory(parent=tree.event_index, title="Angekündigt")
    rss = feedparser.parse(client.get("/veranstaltungen/feed/rss/").content)
    assert [entry.title for entry in rss.entries] == ["Angekündigt"]
    atom = feedparser.parse(client.get("/veranstaltungen/feed/atom/").content)
    assert [entry.title for entry in atom.entries] == ["Angekündigt"]
    html = client.get("/veranstaltungen/").content.decode()
    assert 'type="application/rss+xml"' in html

"""What a reader sees on an event, a series and the events index, in German and English."""

import datetime
import json

import pytest
from django.utils import timezone

from core.factories import ContactFactory, DocumentFactory, translate_page
from core.tests.helpers import assert_accessible_page, soup
from events.factories import EventPageFactory, EventSeriesPageFactory
from events.models import EventDocument
from events.tests.helpers import add_event_index
from topics.factories import TopicPageFactory
from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def text(document, selector):
    found = document.select_one(selector)
    return found.get_text(" ", strip=True) if found else None


def days_from_now(days, hour=10):
    now = timezone.localtime()
    return (now + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0, tzinfo=None)


@pytest.fixture
def tree(site_tree):
    add_event_index(site_tree)
    return site_tree


def test_an_event_shows_when_it_is_in_its_zone_and_the_audiences_in_both_languages(
        tree, client):
    event = EventPageFactory(parent=tree.event_index, title="Kommunale Antworten",
                             extra_time_zones="Africa/Nairobi")
    english = translate_page(event, "en", title="Municipal responses", slug="municipal")

    german = assert_accessible_page(client.get(event.url), "de")
    assert text(german, ".event-when") == "29.09.2021, 10:00–11:30 MESZ (11:00–12:30 EAT)"
    english_page = assert_accessible_page(client.get(english.url), "en")
    assert text(english_page, ".event-when") == (
        "29 September 2021, 10:00–11:30 CEST (11:00–12:30 EAT)")
    assert english.url == "/en/events/municipal/"


def test_a_cancelled_event_says_so_prominently(tree, client):
    event = EventPageFactory(parent=tree.event_index, status="cancelled")
    document = soup(client.get(event.url))
    status = document.select_one(".event-status")
    assert status["role"] == "status"
    assert status.get_text(strip=True) == "Diese Veranstaltung wurde abgesagt."
    # Before the body: right below the title.
    assert document.select_one("h1").find_next("p") is status


def test_a_past_event_says_so_and_links_its_recording_and_documents(tree, client):
    video = VideoPageFactory(parent=tree.video_index, title="Aufzeichnung der Sitzung")
    event = EventPageFactory(parent=tree.event_index, recording=video)
    EventDocument.objects.create(page=event, document=DocumentFactory(title="Agenda"))
    document = soup(client.get(event.url))
    assert "Diese Veranstaltung ist vorbei." in text(document, ".event-past")
    assert document.select_one(".event-past a")["href"] == video.url
    assert [a.get_text(strip=True) for a in document.select(".event-documents a")] == ["Agenda"]


def test_an_upcoming_event_offers_registration_and_hides_a_join_link_that_is_not_public(
        tree, client):
    event = EventPageFactory(parent=tree.event_index,
                             local=(days_from_now(10), days_from_now(10, 12)),
                             registration_url="https://anmeldung.example/covid",
                             join_url="https://meet.example/geheim", platform="Zoom")
    document = soup(client.get(event.url))
    links = [a["href"] for a in document.select(".event-actions a")]
    assert "https://anmeldung.example/covid" in links
    assert "https://meet.example/geheim" not in client.get(event.url).content.decode()

    event.join_url_public = True
    event.save_revision().publish()
    document = soup(client.get(event.url))
    assert "https://meet.example/geheim" in [a["href"] for a in document.select(".event-actions a")]


def test_an_event_on_site_shows_its_place_and_languages(tree, client):
    event = EventPageFactory(parent=tree.event_index, event_format="on_site",
                             venue="Rathaus", address="Marktplatz 1", city="Bonn",
                             country="Deutschland", languages="de, en, pt")
    document = soup(client.get(event.url))
    assert text(document, ".event-place") == "Rathaus, Marktplatz 1, Bonn, Deutschland"
    assert "Deutsch, Englisch, Portugiesisch" in document.get_text()


def test_a_series_lists_its_sessions_in_order(tree, client):
    series = EventSeriesPageFactory(parent=tree.event_index, title="Insight Sessions")
    EventPageFactory(parent=series, title="Zweite Sitzung",
                     local=(datetime.datetime(2021, 10, 6, 10), datetime.datetime(2021, 10, 6, 11)))
    EventPageFactory(parent=series, title="Erste Sitzung",
                     local=(datetime.datetime(2021, 9, 29, 10), datetime.datetime(2021, 9, 29, 11)))
    document = soup(client.get(series.url))
    assert [h.get_text(strip=True) for h in document.select(".event-programme h3")] == [
        "Erste Sitzung", "Zweite Sitzung"]
    data = [json.loads(s.string) for s in document.select('script[type="application/ld+json"]')]
    assert any(item.get("@type") == "EventSeries" and len(item["subEvent"]) == 2
               for item in data)


def test_the_index_lists_upcoming_events_soonest_first_then_past_ones_newest_first(
        tree, client):
    for title, days in [("Bald", 3), ("Später", 30), ("Gestern", -1), ("Letztes Jahr", -365)]:
        EventPageFactory(parent=tree.event_index, title=title,
                         local=(days_from_now(days), days_from_now(days, 12)))
    document = soup(client.get(tree.event_index.url))
    upcoming = [h.get_text(strip=True) for h in document.select(
        "[aria-labelledby=upcoming-heading] .teaser__title")]
    past = [h.get_text(strip=True) for h in document.select(
        "[aria-labelledby=past-heading] .teaser__title")]
    assert upcoming == ["Bald", "Später"]
    assert past == ["Gestern", "Letztes Jahr"]


def test_the_index_filters_by_topic_format_and_year(tree, client):
    topic = TopicPageFactory(parent=tree.topic_index, title="Krisenmanagement",
                             slug="krisenmanagement")
    EventPageFactory(parent=tree.event_index, title="Online zum Thema", topics=[topic])
    EventPageFactory(parent=tree.event_index, title="Vor Ort", event_format="on_site",
                     local=(datetime.datetime(2022, 5, 1, 10), datetime.datetime(2022, 5, 1, 12)))

    def titles(query):
        document = soup(client.get(tree.event_index.url + query))
        return [h.get_text(strip=True) for h in document.select(".teaser__title")]

    assert titles("?topic=krisenmanagement") == ["Online zum Thema"]
    assert titles("?format=on_site") == ["Vor Ort"]
    assert titles("?year=2021") == ["Online zum Thema"]
    assert titles("") == ["Vor Ort", "Online zum Thema"]


@pytest.mark.parametrize(("query", "message"), [
    ("?year=abc", "Das ist keine gültige Jahreszahl; es werden alle Jahre angezeigt."),
    ("?topic=gibtsnicht", "Dieses Thema gibt es nicht; es werden alle Themen angezeigt."),
    ("?format=zeppelin", "Dieses Format gibt es nicht; es werden alle Formate angezeigt."),
])
def test_a_bad_filter_is_named_and_dropped(tree, client, query, message):
    EventPageFactory(parent=tree.event_index, title="Trotzdem da")
    document = soup(client.get(tree.event_index.url + query))
    assert message in [e.get_text(strip=True) for e in document.select(".listing-filter__error")]
    assert [h.get_text(strip=True) for h in document.select(".teaser__title")] == ["Trotzdem da"]


def test_the_english_index_lists_only_english_events(tree, client):
    event = EventPageFactory(parent=tree.event_index, title="Nur Deutsch")
    other = EventPageFactory(parent=tree.event_index, title="Zweisprachig")
    translate_page(other, "en", title="Bilingual")
    document = soup(client.get(tree.event_index_en.url))
    assert [h.get_text(strip=True) for h in document.select(".teaser__title")] == ["Bilingual"]
    assert event.title not in document.get_text()


def test_the_home_page_and_a_topic_hub_show_the_next_events(tree, client):
    topic = TopicPageFactory(parent=tree.topic_index, title="Innovation", slug="innovation")
    EventPageFactory(parent=tree.event_index, title="Nächste Woche", topics=[topic],
                     local=(days_from_now(7), days_from_now(7, 12)))
    EventPageFactory(parent=tree.event_index, title="Vorbei", topics=[topic])
    home = soup(client.get(tree.home.url))
    assert [h.get_text(strip=True) for h in home.select(
        "[aria-labelledby=next-events] .teaser__title")] == ["Nächste Woche"]
    hub = soup(client.get(topic.url))
    assert [h.get_text(strip=True) for h in hub.select(
        "[aria-labelledby=topic-events] .teaser__title")] == ["Nächste Woche"]


def test_an_event_has_schema_org_event_data(tree, client):
    contact = ContactFactory(organisation="Stadt Bonn")
    event = EventPageFactory(parent=tree.event_index, event_format="hybrid", venue="Rathaus",
                             city="Bonn", country="DE", organiser_contact=contact,
                             local=(days_from_now(5), days_from_now(5, 12)),
                             registration_url="https://anmeldung.example/")
    document = soup(client.get(event.url))
    data = next(item for item in (json.loads(s.string) for s in document.select(
        'script[type="application/ld+json"]')) if item.get("@type") == "Event")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}
    start = datetime.datetime.fromisoformat(data["startDate"])
    assert start == event.start and start.utcoffset() is not None
    assert data["organizer"] == {"@type": "Organization", "name": "Stadt Bonn"}
    assert data["offers"]["url"] == "https://anmeldung.example/"


def test_a_session_without_its_own_registration_links_the_series_registration(tree, client):
    series = EventSeriesPageFactory(parent=tree.event_index, title="Reihe mit Anmeldung",
                                    registration_url="https://anmeldung.example/reihe")
    session = EventPageFactory(parent=series, local=(days_from_now(3), days_from_now(3, 12)))
    document = soup(client.get(session.url))
    link = document.select_one(".event-actions a.button")
    assert link["href"] == "https://anmeldung.example/reihe"
    assert link.get_text(strip=True) == "Für die Reihe anmelden"

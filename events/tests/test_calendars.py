"""Calendars: an event's and a series' .ics, and the feeds to subscribe to, read back with the
icalendar library, at the right instants."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from core.factories import translate_page
from events.factories import EventPageFactory, EventSeriesPageFactory
from events.tests.helpers import add_event_index
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    add_event_index(site_tree)
    return site_tree


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def soon(days, hour):
    now = timezone.localtime() + datetime.timedelta(days=days)
    return now.replace(hour=hour, minute=0, second=0, microsecond=0, tzinfo=None)


def test_an_events_ics_has_its_instants_in_its_zone_with_the_zone(tree, client):
    event = EventPageFactory(parent=tree.event_index, title="Sitzung in Nairobi",
                             time_zone="Africa/Nairobi", event_format="on_site",
                             venue="City Hall", city="Nairobi", country="Kenia",
                             local=(datetime.datetime(2021, 9, 29, 10),
                                    datetime.datetime(2021, 9, 29, 11, 30)))
    calendar = read(client.get(event.url + "calendar/"))
    (item,) = calendar.events
    assert item.start == datetime.datetime(2021, 9, 29, 7, tzinfo=datetime.UTC)
    assert item.end == datetime.datetime(2021, 9, 29, 8, 30, tzinfo=datetime.UTC)
    assert item["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert [zone["TZID"] for zone in calendar.timezones] == ["Africa/Nairobi"]
    assert item["STATUS"] == "CONFIRMED"
    assert item["LOCATION"] == "City Hall, Nairobi, Kenia"
    assert item["URL"] == event.full_url
    assert item["SUMMARY"] == "Sitzung in Nairobi"
    assert item["UID"] == f"event-{event.translation_key}-de@localhost"


def test_a_cancelled_event_is_cancelled_in_calendars(tree, client):
    event = EventPageFactory(parent=tree.event_index, status="cancelled")
    (item,) = read(client.get(event.url + "calendar/")).events
    assert item["STATUS"] == "CANCELLED"


def test_an_all_day_event_is_a_date_in_calendars(tree, client):
    event = EventPageFactory(parent=tree.event_index, all_day=True,
                             local=(datetime.datetime(2021, 9, 29),
                                    datetime.datetime(2021, 10, 1)))
    (item,) = read(client.get(event.url + "calendar/")).events
    assert item.start == datetime.date(2021, 9, 29)
    assert item.end == datetime.date(2021, 10, 1)  # exclusive: two days


def test_the_same_wall_clock_time_is_an_hour_apart_in_utc_across_the_change(tree, client):
    series = EventSeriesPageFactory(parent=tree.event_index, title="Reihe")
    for day in (datetime.date(2021, 10, 27), datetime.date(2021, 11, 3)):
        EventPageFactory(parent=series, local=(datetime.datetime.combine(day, datetime.time(10)),
                                               datetime.datetime.combine(day, datetime.time(11))))
    calendar = read(client.get(series.url + "calendar/"))
    starts = sorted(item.start for item in calendar.events)
    assert [start.astimezone(datetime.UTC).hour for start in starts] == [8, 9]
    assert [start.hour for start in starts] == [10, 10]


def test_the_subscribable_calendar_has_this_languages_events_and_one_per_topic(tree, client):
    topic = TopicPageFactory(parent=tree.topic_index, title="Innovation", slug="innovation")
    on_topic = EventPageFactory(parent=tree.event_index, title="Zum Thema", topics=[topic],
                                local=(soon(3, 10), soon(3, 12)))
    EventPageFactory(parent=tree.event_index, title="Anderes", local=(soon(4, 10), soon(4, 12)))
    EventPageFactory(parent=tree.event_index, title="Lange her",
                     local=(datetime.datetime(2019, 1, 1, 10), datetime.datetime(2019, 1, 1, 11)))
    translate_page(on_topic, "en", title="On the topic")

    german = read(client.get("/veranstaltungen/calendar/"))
    assert sorted(str(item["SUMMARY"]) for item in german.events) == ["Anderes", "Zum Thema"]
    by_topic = read(client.get("/veranstaltungen/calendar/innovation/"))
    assert [str(item["SUMMARY"]) for item in by_topic.events] == ["Zum Thema"]
    english = read(client.get("/en/events/calendar/"))
    assert [str(item["SUMMARY"]) for item in english.events] == ["On the topic"]
    assert client.get("/veranstaltungen/calendar/gibtsnicht/").status_code == 404


def test_the_index_links_its_calendars(tree, client):
    TopicPageFactory(parent=tree.topic_index, title="Innovation", slug="innovation")
    html = client.get(tree.event_index.url).content.decode()
    assert "http://localhost/veranstaltungen/calendar/" in html
    assert "http://localhost/veranstaltungen/calendar/innovation/" in html

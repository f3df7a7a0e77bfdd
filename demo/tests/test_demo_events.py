"""The demo's event series, as a newcomer meets it after `make run`: three sessions, one past
with its recording, one upcoming, one cancelled, in German and English."""

import io

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, Revision

from demo.tests.helpers import load_demo_as_make_run_does
from events.models import EventIndexPage, EventPage

SERIES_DE = "/veranstaltungen/municipal-response-to-covid-19/"
SERIES_EN = "/en/events/municipal-response-to-covid-19/"


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo_as_make_run_does()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_once, db):
    return None


def programme(client, url):
    document = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return [(item.select_one("h3").get_text(strip=True),
             bool(item.select_one(".event-past")),
             (item.select_one(".event-status") or document.new_tag("x")).get_text(strip=True))
            for item in document.select(".event-programme > li")]


def test_the_series_has_a_past_a_cancelled_and_an_upcoming_session(client, demo):
    assert programme(client, SERIES_DE) == [
        ("Sitzung 1: Lokale Wirtschaft in der Krise", True, ""),
        ("Sitzung 2: Gesundheitsdienste und Gender", True, "Abgesagt"),
        ("Sitzung 3: Krisenkommunikation digital", False, ""),
    ]
    assert [title for title, _past, _status in programme(client, SERIES_EN)] == [
        "Session 1: The local economy in the crisis", "Session 2: Health services and gender",
        "Session 3: Digital crisis communication"]


def test_the_past_session_links_its_recording_in_both_languages(client, demo):
    for language in ("de", "en"):
        event = EventPage.objects.get(slug__startswith="s", locale__language_code=language,
                                      status="scheduled", recording__isnull=False)
        html = client.get(event.url).content.decode()
        assert event.recording.localized.url in html
        assert ("Aufzeichnung ansehen" if language == "de" else "Watch the recording") in html


def test_the_events_index_and_the_home_page_show_the_upcoming_session(client, demo):
    index = BeautifulSoup(client.get("/veranstaltungen/").content.decode(), "html.parser")
    assert [h.get_text(strip=True) for h in index.select(
        "[aria-labelledby=upcoming-heading] .teaser__title")] == [
        "Sitzung 3: Krisenkommunikation digital"]
    home = client.get("/en/").content.decode()
    assert "Session 3: Digital crisis communication" in home


def test_the_series_calendar_has_its_three_sessions(client, demo):
    calendar = icalendar.Calendar.from_ical(client.get(SERIES_DE + "calendar/").content)
    statuses = sorted(str(event["STATUS"]) for event in calendar.events)
    assert statuses == ["CANCELLED", "CONFIRMED", "CONFIRMED"]


def test_loading_again_adds_no_event(demo):
    counts = (Page.objects.count(), Revision.objects.count())
    load_demo_as_make_run_does()
    assert counts == (Page.objects.count(), Revision.objects.count())


def test_a_demo_loaded_before_events_gets_them_once(demo):
    for index in EventIndexPage.objects.filter(locale__language_code="en"):
        index.delete()
    for index in EventIndexPage.objects.all():
        index.delete()
    with override_settings(DEBUG=True):
        call_command("load_demo_content", stdout=io.StringIO())
    assert EventPage.objects.filter(locale__language_code="de").count() == 3
    assert EventPage.objects.filter(locale__language_code="en").count() == 3


def test_english_sessions_keep_the_german_times_status_and_format(demo):
    for german in EventPage.objects.filter(locale__language_code="de"):
        english = EventPage.objects.get(translation_key=german.translation_key,
                                        locale__language_code="en")
        assert (english.start, english.end, english.time_zone, english.status,
                english.event_format) == (german.start, german.end, german.time_zone,
                                          german.status, german.event_format)

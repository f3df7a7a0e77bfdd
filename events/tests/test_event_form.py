"""The event form: an author enters local times in the event's zone and submits for approval;
bad input is named at the field, in German, and nothing typed is lost."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage

pytestmark = pytest.mark.django_db


def add_url(parent):
    return f"/admin/pages/add/events/eventpage/{parent.pk}/"


def event_form_data(title="Kommunale Antworten auf COVID-19", **fields):
    data = nested_form_data({
        "title": title, "slug": slugify(title), "subtitle": "", "status": "scheduled",
        "time_zone": "Europe/Berlin", "start_local": "29.09.2021 10:00",
        "end_local": "29.09.2021 11:30", "extra_time_zones": "Africa/Nairobi",
        "event_format": "online", "venue": "", "address": "", "city": "", "country": "",
        "platform": "Zoom", "join_url": "", "languages": "de, en", "registration_url": "",
        "teaser": "Kurz gesagt.", "lead_image": "", "lead_image_alt": "",
        "body": streamfield([("rich_text", rich_text("<p>Programm</p>"))]),
        "documents": inline_formset([]), "recording": "", "organiser_name": "",
        "organiser_contact": "", "comments": inline_formset([]), "seo_title": "",
        "search_description": "", "go_live_at": "", "expire_at": "",
    })
    data.update(fields)
    return data


def field_errors(response):
    document = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in document.select(
        ".error-message, .w-field__errors"))


def test_the_form_names_the_zone_of_the_times(event_index, author_client):
    html = author_client.get(add_url(event_index)).content.decode()
    assert "Beginn (Ortszeit, Europe/Berlin)" in html
    assert "Ende (Ortszeit, Europe/Berlin)" in html


def test_an_author_enters_local_times_and_submits_the_event_for_approval(
        event_index, author_client):
    response = author_client.post(add_url(event_index),
                                  {**event_form_data(time_zone="Africa/Nairobi"),
                                   "action-submit": "1"})
    assert response.status_code == 302, field_errors(response)
    event = EventPage.objects.get(slug="kommunale-antworten-auf-covid-19")
    draft = event.get_latest_revision_as_object()
    # 10:00 in Nairobi (UTC+3) is 07:00 UTC.
    assert draft.start == datetime.datetime(2021, 9, 29, 7, tzinfo=datetime.UTC)
    assert draft.end == datetime.datetime(2021, 9, 29, 8, 30, tzinfo=datetime.UTC)
    assert not event.live
    assert WorkflowState.objects.filter(base_content_type__isnull=False,
                                        object_id=str(event.pk), status="in_progress").exists()

    # Opened again, the form shows the local times it was given.
    html = author_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="29.09.2021 10:00"' in html


@pytest.mark.parametrize(("fields", "message"), [
    ({"end_local": "29.09.2021 09:00"},
     "Die Veranstaltung endet, bevor sie beginnt. Prüfen Sie das Ende (in Europe/Berlin)."),
    ({"time_zone": "Europe/Berln"},
     "„Europe/Berln“ ist keine Zeitzone. Verwenden Sie einen IANA-Namen wie Europe/Berlin"),
    ({"extra_time_zones": "Africa/Nairobi, Mars/Olympus"}, "Keine Zeitzone: Mars/Olympus."),
    ({"start_local": "28.03.2021 02:30", "end_local": "28.03.2021 04:00"},
     "28.03.2021 02:30 gibt es in Europe/Berlin nicht: Dann wird die Uhr vorgestellt."),
    ({"start_local": ""}, "Geben Sie an, wann die Veranstaltung beginnt."),
])
def test_bad_input_is_named_in_german_and_nothing_typed_is_lost(
        event_index, author_client, fields, message):
    data = {**event_form_data(title="Bleibt im Formular"), **fields, "action-submit": "1"}
    response = author_client.post(add_url(event_index), data)
    assert response.status_code == 200
    assert message in field_errors(response)
    html = response.content.decode()
    assert 'value="Bleibt im Formular"' in html
    for name in ("time_zone", "extra_time_zones"):
        assert f'value="{data[name]}"' in html
    assert not EventPage.objects.filter(title="Bleibt im Formular").exists()


def test_an_all_day_event_takes_its_days_in_its_zone(event_index, author_client):
    response = author_client.post(add_url(event_index), {
        **event_form_data(title="Ganztags", all_day="on", start_local="29.09.2021 00:00",
                          end_local="30.09.2021 00:00"), "action-submit": "1"})
    assert response.status_code == 302, field_errors(response)
    draft = EventPage.objects.get(slug="ganztags").get_latest_revision_as_object()
    berlin_midnight = datetime.datetime(2021, 9, 28, 22, tzinfo=datetime.UTC)
    assert draft.start == berlin_midnight
    assert draft.end == berlin_midnight + datetime.timedelta(days=2)


def test_a_draft_may_still_lack_its_times(event_index, author_client):
    response = author_client.post(add_url(event_index),
                                  event_form_data(title="Noch offen", start_local="",
                                                  end_local=""))
    assert response.status_code == 302, field_errors(response)
    assert EventPage.objects.get(slug="noch-offen").get_latest_revision_as_object().start is None


def test_the_dashboard_offers_a_new_event_in_one_click(event_index, author_client):
    html = author_client.get("/admin/").content.decode()
    shortcuts = html[html.index('id="editorial-shortcuts"'):]
    assert f'href="/admin/pages/add/events/eventpage/{event_index.pk}/"' in shortcuts
    assert "Neue Veranstaltung" in shortcuts

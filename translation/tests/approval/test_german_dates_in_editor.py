"""The note beside a segment in wagtail-localize's editor gives its date in German:
"Manuell übersetzt am 27. November 2026", not "am 27 November 2026" with an English month."""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail_localize.models import StringTranslation

from ..helpers import edit_url, english, translation_of
from .test_machine_segments import current, segments

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def translated_by_hand_on(client, site, moment):
    translation = translation_of(site.notice)
    segment = segments(translation)[0]
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Opening hours"}), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 201  # a new translation of the segment
    StringTranslation.objects.filter(pk=current(translation, segment).pk).update(
        updated_at=moment)
    return current(translation, segment)


def test_the_translation_editor_dates_segments_in_german(site, translator_client):
    translated_by_hand_on(translator_client, site,
                          datetime.datetime(2026, 11, 27, 10, 0, tzinfo=BERLIN))

    editor = translator_client.get(edit_url(english(site.notice))).content.decode()

    assert "übersetzt am 27. November 2026" in editor.replace("\\u00fc", "ü")
    assert "am 27 November 2026" not in editor


def test_month_names_are_german_and_english_in_english(site, translator_client):
    segment = translated_by_hand_on(translator_client, site,
                                    datetime.datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN))
    segment.tool_name = "DeepL"

    with django_translation.override("de"):
        assert segment.get_comment() == "Übersetzt mit DeepL am 4. März 2030"
    with django_translation.override("en"):
        assert segment.get_comment() == "Translated with DeepL on 4 March 2030"

"""Machine output is a draft of a draft.

Segments filled by "Übersetzen mit …" (the offline translator here, DeepL in production) are
marked in the editor, are not counted as translated, and keep a translation from being
submitted until a person edits or confirms each; the offline translator's "[EN] …"
placeholders must be replaced.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from news.models import NewsPage
from translation.approval.machine_output import get_comment, get_error, unconfirmed_count

from ..helpers import edit_url, english, translation_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/"


def machine_translate(client, site):
    translation = translation_of(site.notice)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": edit_url(english(site.notice))},
    )
    assert response.status_code == 302
    return translation


def segments(translation):
    return list(translation.source.stringsegment_set.select_related("string", "context"))


def put(client, translation, segment, value):
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200, response.content
    return response


def current(translation, segment):
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )


def submit(client, site):
    return client.post(edit_url(english(site.notice)), {"action": "submit"}, follow=True)


def last_message(response):
    return [str(message) for message in response.context["messages"]][-1]


def test_machine_segments_are_marked_and_not_counted_as_translated(
    site, translator_client
):
    translation = machine_translate(translator_client, site)
    total = len(segments(translation))

    assert unconfirmed_count(translation) == total
    assert StringTranslation.objects.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).count() == total
    # The editor shows each placeholder as not finished, with what to do.
    editor = translator_client.get(edit_url(english(site.notice))).content.decode()
    assert "Das ist noch der Platzhalter" in editor
    assert "Manuell" not in editor
    # The report: in progress at 0 %, with the machine segments counted on their own.
    html = translator_client.get(REPORT, {"language": "en"}).content.decode()
    row = html[html.index(site.notice.title):]
    row = row[: row.index("</tr>")]
    assert "in Arbeit" in row
    assert "0 %" in row
    assert f"{total} maschinelle Segmente zu prüfen" in row


def test_submitting_with_machine_segments_is_refused_with_the_count(site, translator_client):
    translation = machine_translate(translator_client, site)
    total = len(segments(translation))

    response = submit(translator_client, site)

    assert f"{total} Segmente sind noch der Platzhalter „[EN] …“" in last_message(response)
    notice_en = NewsPage.objects.get(pk=english(site.notice).pk)
    assert not notice_en.workflow_in_progress


def test_editing_or_confirming_each_segment_allows_submitting(site, translator_client):
    translation = machine_translate(translator_client, site)
    all_segments = segments(translation)
    first, *rest = all_segments

    put(translator_client, translation, first, "Funding programme")
    assert unconfirmed_count(translation) == len(rest)
    response = submit(translator_client, site)
    assert f"{len(rest)} Segment" in last_message(response)

    for segment in rest:
        put(translator_client, translation, segment, f"Checked: {segment.string.data}")
    response = submit(translator_client, site)

    assert "zur Freigabe eingereicht" in last_message(response)
    assert NewsPage.objects.get(pk=english(site.notice).pk).workflow_in_progress


def test_confirming_a_placeholder_unchanged_is_refused_in_the_segment(site, translator_client):
    """Bearbeiten, then Speichern on "[EN] …": the segment says at once that the placeholder must
    be replaced; it is not marked "Manuell übersetzt" and stays unconfirmed."""
    translation = machine_translate(translator_client, site)
    for segment in segments(translation):
        answer = put(translator_client, translation, segment,
                     current(translation, segment).data).json()
        assert answer["error"].startswith("Das ist noch der Platzhalter „[EN] …“: Ersetzen Sie")
        assert "Manuell" not in answer["error"] + answer["comment"]

    assert all(
        current(translation, segment).translation_type == "machine"
        for segment in segments(translation)
    )
    assert unconfirmed_count(translation) == len(segments(translation))
    response = submit(translator_client, site)
    assert "noch der Platzhalter „[EN] …“. Ersetzen Sie" in last_message(response)


def test_a_placeholder_saved_before_the_rule_is_never_called_manually_translated(
    site, translator_client
):
    translation = machine_translate(translator_client, site)
    segment = segments(translation)[0]
    StringTranslation.objects.filter(pk=current(translation, segment).pk).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, tool_name=""
    )
    saved = current(translation, segment)

    assert "Manuell" not in get_comment(saved)
    assert get_error(saved).startswith("Das ist noch der Platzhalter")


def test_deepl_output_is_confirmed_the_same_way(site, translator_client):
    translation = translation_of(site.notice)
    for segment in segments(translation):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"English {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name="DeepL",
        )
    assert unconfirmed_count(translation) == len(segments(translation))
    unchecked = current(translation, segments(translation)[0])
    assert "DeepL" in get_comment(unchecked)
    # Unchecked machine output is shown as not finished (in red, no green tick): an error.
    assert get_error(unchecked).startswith("Maschinelle Übersetzung (DeepL), noch nicht geprüft")
    response = submit(translator_client, site)
    assert "noch maschinell übersetzt" in last_message(response)

    for segment in segments(translation):
        put(translator_client, translation, segment, current(translation, segment).data)

    assert unconfirmed_count(translation) == 0
    assert get_error(current(translation, segments(translation)[0])) is None
    assert "zur Freigabe eingereicht" in last_message(submit(translator_client, site))


def test_the_editor_note_patch_is_installed():
    """Canary: wagtail-localize's editor still asks the string translation for its note."""
    assert StringTranslation.get_comment is get_comment
    assert StringTranslation.get_error is get_error
    from wagtail_localize.views.edit_translation import StringTranslationSerializer

    assert StringTranslationSerializer._declared_fields["comment"].source == "get_comment"
    assert StringTranslationSerializer._declared_fields["error"].source == "get_error"

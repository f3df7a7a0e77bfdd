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
from translation.approval.machine_output import get_comment, unconfirmed_count

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
    # The editor shows the mark beside each segment.
    editor = translator_client.get(edit_url(english(site.notice))).content.decode()
    assert "noch nicht gepr" in editor and "Maschinelle" in editor
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

    assert f"{total} Segmente sind noch maschinell übersetzt" in last_message(response)
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


def test_offline_placeholders_stay_refused_even_when_confirmed(site, translator_client):
    translation = machine_translate(translator_client, site)
    for segment in segments(translation):
        put(translator_client, translation, segment, current(translation, segment).data)

    assert all(
        current(translation, segment).translation_type == "manual"
        for segment in segments(translation)
    )
    assert unconfirmed_count(translation) == len(segments(translation))
    response = submit(translator_client, site)
    assert "noch maschinell übersetzt" in last_message(response)


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
    assert "DeepL" in get_comment(current(translation, segments(translation)[0]))
    response = submit(translator_client, site)
    assert "noch maschinell übersetzt" in last_message(response)

    for segment in segments(translation):
        put(translator_client, translation, segment, current(translation, segment).data)

    assert unconfirmed_count(translation) == 0
    assert "zur Freigabe eingereicht" in last_message(submit(translator_client, site))


def test_the_editor_note_patch_is_installed():
    """Canary: wagtail-localize's editor still asks the string translation for its note."""
    assert StringTranslation.get_comment is get_comment
    from wagtail_localize.views.edit_translation import StringTranslationSerializer

    assert StringTranslationSerializer._declared_fields["comment"].source == "get_comment"

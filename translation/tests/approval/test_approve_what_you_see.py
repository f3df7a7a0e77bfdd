"""What the Redaktion approves is what goes live.

A translator submits the English notice; the Redaktion fixes a segment in the translation
editor and approves: the live page shows the fix, whichever way the approval was given, and
the message names the language.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import TaskState

from news.models import NewsPage
from translation.approval.review import has_unsaved_edits

from ..helpers import edit_url, english, translate_strings, translation_of, workflow_action_url

pytestmark = pytest.mark.django_db

FIXED = "Förderprogramm, von der Redaktion korrigiert"


def submitted(site, translator_client):
    translate_strings(site.notice)
    notice_en = english(site.notice)
    response = translator_client.post(edit_url(notice_en), {"action": "submit"})
    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.workflow_in_progress
    return notice_en


def fix_title(client, site, text=FIXED):
    translation = translation_of(site.notice)
    segment = translation.source.stringsegment_set.get(context__path="title")
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    response = client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200, response.content


def approve_url(notice_en):
    task_state = NewsPage.objects.get(pk=notice_en.pk).current_workflow_task_state
    return reverse("translation_approve", args=[task_state.pk])


def test_approving_in_the_editor_publishes_the_reviewers_edits(
    site, translator_client, redaktion_client, client
):
    notice_en = submitted(site, translator_client)
    fix_title(redaktion_client, site)
    assert has_unsaved_edits(translation_of(site.notice))

    response = redaktion_client.post(
        approve_url(notice_en), {"comment": "Titel korrigiert", "next": edit_url(notice_en)}
    )

    assert response.status_code == 302
    assert response["Location"] == edit_url(notice_en)
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.live
    assert notice_en.title == FIXED
    assert not notice_en.has_unpublished_changes
    assert not notice_en.workflow_in_progress
    page = client.get(notice_en.url)
    assert page.status_code == 200
    assert FIXED in page.content.decode()
    text = [str(message) for message in get_messages(response.wsgi_request)][-1]
    assert "freigegeben und veröffentlicht" in text
    assert "English" in text
    assert "Änderungen aus dem Übersetzungseditor" in text


def test_approving_from_the_dashboard_publishes_the_reviewers_edits_too(
    site, translator_client, redaktion_client
):
    notice_en = submitted(site, translator_client)
    fix_title(redaktion_client, site)

    response = redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})

    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.live
    assert notice_en.title == FIXED


def test_approving_without_edits_publishes_the_submitted_version(
    site, translator_client, redaktion_client
):
    notice_en = submitted(site, translator_client)
    revisions = notice_en.revisions.count()

    response = redaktion_client.post(approve_url(notice_en), follow=True)

    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.live
    assert notice_en.title == f"EN: {site.notice.title}"
    assert notice_en.revisions.count() == revisions
    text = [str(message) for message in response.context["messages"]][-1]
    assert "Änderungen aus dem Übersetzungseditor" not in text
    assert "English" in text


def test_a_translator_cannot_approve_through_the_editor_action(site, translator_client):
    notice_en = submitted(site, translator_client)
    response = translator_client.post(approve_url(notice_en))
    assert response.status_code in (302, 403)
    assert response.get("Location") != edit_url(notice_en)
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live
    assert notice_en.workflow_in_progress


def test_approving_what_is_no_longer_in_moderation_says_so(
    site, translator_client, redaktion_client
):
    notice_en = submitted(site, translator_client)
    url = approve_url(notice_en)
    redaktion_client.post(url)

    response = redaktion_client.post(url, follow=True)

    assert response.status_code == 200
    text = [str(message) for message in response.context["messages"]][-1]
    assert "wartet nicht auf Freigabe" in text
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count() == 1


def test_the_approve_action_accepts_only_post(site, translator_client, redaktion_client):
    notice_en = submitted(site, translator_client)
    assert redaktion_client.get(approve_url(notice_en)).status_code == 405


def test_the_review_bar_approves_through_the_editor_action(
    site, translator_client, redaktion_client
):
    notice_en = submitted(site, translator_client)
    html = redaktion_client.get(edit_url(notice_en)).content.decode()
    assert approve_url(notice_en) in html

"""No wagtail-localize path publishes a translation without the Redaktion's approval.

Each test takes one path (translate, sync, submit, "publish" by a translator, machine
translation, PO import, restarting a translation, a locale's "Sync from") and checks what a
reader would see: the English page stays as it was until the Redaktion approves.
"""

import io

import polib
import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState
from wagtail_localize.models import StringTranslation

from core.models import Contact
from news.factories import NewsPageFactory
from news.models import NewsPage

from ..helpers import (
    assert_refused,
    edit_url,
    english,
    publish,
    translate,
    translate_strings,
    translation_of,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db


def public_html(client, page):
    response = client.get(page.url)
    return response.status_code, response.content.decode()


def messages_of(response):
    return [(message.level_tag, str(message)) for message in response.context["messages"]]


def was_published(page, since=None):
    logs = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    if since is not None:
        logs = logs.filter(pk__gt=since)
    return logs.exists()


def last_log_id():
    entry = PageLogEntry.objects.order_by("-pk").first()
    return entry.pk if entry else 0


@pytest.fixture
def live_notice_en(site):
    """The English notice, translated and approved once (live, title "EN: …")."""
    translate_strings(site.notice)
    translation_of(site.notice).save_target(publish=False)
    return publish(english(site.notice))


def change_english_title(site, title):
    translation = translation_of(site.notice)
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=site.en
    ).update(data=title)
    return translation


# --- Submitting for translation ------------------------------------------------------------


def test_a_submitted_translation_is_a_draft_that_readers_cannot_see(site, client):
    notice_en = english(site.notice)
    assert not notice_en.live
    assert client.get(f"/en/{site.news_index_en.slug}/{notice_en.slug}/").status_code == 404


def test_translating_a_page_through_the_admin_makes_drafts_only(site, accounts,
                                                                 redaktion_client):
    page = NewsPageFactory(parent=site.news_index, title="Neue Meldung", contacts=[site.contact])
    contact_en = english(site.contact)
    assert contact_en.live

    response = redaktion_client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [site.en.pk]}
    )

    assert response.status_code == 302
    page_en = english(page)
    assert not page_en.live
    assert not was_published(page_en)
    # Submitting a page also re-translates its contacts; a live English contact stays live,
    # unchanged (wagtail-localize alone would take it offline).
    contact_en.refresh_from_db()
    assert contact_en.live
    assert contact_en.role == "Project lead"


def test_translating_again_never_changes_the_live_translation(site, live_notice_en, client):
    change_english_title(site, "Unapproved title")

    translation_of(site.notice).save_target(publish=False)

    status, html = public_html(client, live_notice_en)
    assert status == 200
    assert "Unapproved title" not in html
    assert f"EN: {site.notice.title}" in html
    notice_en = english(site.notice)
    assert notice_en.has_unpublished_changes
    assert notice_en.get_latest_revision().as_object().title == "Unapproved title"


def test_a_live_contact_keeps_its_approved_text_when_a_draft_is_saved(site, client):
    contact_en = english(site.contact)
    translation = translation_of(site.contact)
    segment = translation.source.stringsegment_set.get(context__path="role")
    StringTranslation.objects.filter(translation_of=segment.string, locale=site.en).update(
        data="Unapproved role"
    )

    translation.save_target(publish=False)

    contact_en = Contact.objects.get(pk=contact_en.pk)
    assert contact_en.live
    assert contact_en.role == "Project lead"
    assert contact_en.has_unpublished_changes
    assert contact_en.get_latest_revision().as_object().role == "Unapproved role"


# --- The translator's actions in the editor -------------------------------------------------


def test_a_translators_publish_becomes_a_submission(site, translator_client):
    translate_strings(site.notice)
    notice_en = english(site.notice)

    response = translator_client.post(edit_url(notice_en), {"action": "publish"}, follow=True)

    assert response.status_code == 200
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live
    assert notice_en.workflow_in_progress
    assert not was_published(notice_en)
    assert [level for level, _text in messages_of(response)] == ["success"]


def test_a_translator_submits_and_the_redaktion_approves(
    site, live_notice_en, translator_client, redaktion_client, client
):
    change_english_title(site, "Approved title")
    mail.outbox.clear()

    response = translator_client.post(edit_url(live_notice_en), {"action": "submit"})

    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=live_notice_en.pk)
    assert notice_en.workflow_in_progress
    assert "Approved title" not in public_html(client, notice_en)[1]
    # The Redaktion hears of it.
    assert any("redaktion@example.org" in message.to for message in mail.outbox)

    before = last_log_id()
    response = redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})

    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.workflow_in_progress
    assert was_published(notice_en, since=before)
    assert "Approved title" in public_html(client, notice_en)[1]


def test_a_translator_cannot_approve_their_own_submission(site, translator_client):
    translate_strings(site.notice)
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    url = workflow_action_url(notice_en, "approve")

    response = translator_client.post(url, {"comment": ""})

    assert response.status_code in (302, 403)
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live
    assert notice_en.workflow_in_progress


def test_a_rejected_translation_goes_back_with_the_comment_and_can_be_resubmitted(
    site, translator_client, redaktion_client
):
    translate_strings(site.notice)
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    redaktion_client.post(
        workflow_action_url(notice_en, "reject"), {"comment": "Bitte den Titel kürzen."}
    )

    editor = translator_client.get(edit_url(notice_en)).content.decode()
    assert "Bitte den Titel kürzen." in editor
    assert 'value="submit"' in editor

    response = translator_client.post(edit_url(notice_en), {"action": "submit"})

    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not notice_en.live


def test_a_submission_while_in_moderation_is_refused(site, translator_client):
    translate_strings(site.notice)
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    revisions = notice_en.revisions.count()

    response = translator_client.post(edit_url(notice_en), {"action": "submit"}, follow=True)

    assert messages_of(response)[-1][0] == "warning"
    assert notice_en.revisions.count() == revisions


def test_the_redaktion_sees_approve_buttons_in_the_editor(site, translator_client,
                                                          redaktion_client):
    translate_strings(site.notice)
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    task_state = NewsPage.objects.get(pk=notice_en.pk).current_workflow_task_state
    # Approval goes through the editor's own action, which saves the reviewer's edits first.
    approve = reverse("translation_approve", args=[task_state.pk])
    reject = workflow_action_url(notice_en, "reject")

    html = redaktion_client.get(edit_url(notice_en)).content.decode()

    assert f'action="{approve}?next=' in html
    assert f'formaction="{reject}?next=' in html
    assert approve not in translator_client.get(edit_url(notice_en)).content.decode()


def test_the_redaktions_publish_in_the_editor_is_a_submission_under_four_eyes(
    site, redaktion_client, django_capture_on_commit_callbacks
):
    translate_strings(site.notice)
    notice_en = english(site.notice)

    with django_capture_on_commit_callbacks(execute=True):
        response = redaktion_client.post(edit_url(notice_en), {"action": "publish"})

    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live
    assert notice_en.workflow_in_progress
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Nach dem Vier-Augen-Prinzip" in said and "zur Freigabe eingereicht" in said


def test_with_four_eyes_off_the_redaktion_publishes_directly_in_the_editor(
    site, redaktion_client, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from editorial.models import EditorialSettings

    settings = EditorialSettings.for_site(Site.objects.get(is_default_site=True))
    settings.four_eyes = False
    settings.save()
    translate_strings(site.notice)
    notice_en = english(site.notice)

    # wagtail-localize publishes in an on-commit hook.
    with django_capture_on_commit_callbacks(execute=True):
        response = redaktion_client.post(edit_url(notice_en), {"action": "publish"})

    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.live
    assert notice_en.title == f"EN: {site.notice.title}"


# --- Other wagtail-localize paths ------------------------------------------------------------


def test_sync_translated_pages_offers_no_publishing_and_publishes_nothing(
    site, live_notice_en, redaktion_client, client
):
    site.notice.title = "Förderprogramm, zweite Runde"
    publish_source = site.notice.save_revision()
    publish_source.publish()
    change_english_title(site, "Second round")
    source = translation_of(site.notice).source
    url = f"/admin/localize/update/{source.pk}/"

    form = redaktion_client.get(url)
    response = redaktion_client.post(url, {"publish_translations": "on"})

    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.content.decode()
    assert response.status_code == 302
    notice_en = NewsPage.objects.get(pk=live_notice_en.pk)
    assert notice_en.title == live_notice_en.title
    assert "Second round" not in public_html(client, notice_en)[1]


def test_machine_translation_stores_strings_only(site, translator_client):
    notice_en = english(site.notice)
    revisions = notice_en.revisions.count()
    translation = translation_of(site.notice)

    response = translator_client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/",
        {"next": edit_url(notice_en)},
    )

    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=site.en, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()
    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live
    assert notice_en.revisions.count() == revisions


def test_a_po_import_stores_strings_only(site, live_notice_en, translator_client, client):
    translation = translation_of(site.notice)
    po = translation.export_po()
    for entry in po:
        if entry.msgid == site.notice.title:
            entry.msgstr = "Imported title"
    upload = io.BytesIO(str(po).encode())
    upload.name = "notice-en.po"

    response = translator_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": edit_url(live_notice_en)},
    )

    assert response.status_code == 302
    assert StringTranslation.objects.filter(data="Imported title").exists()
    assert "Imported title" not in public_html(client, live_notice_en)[1]
    assert isinstance(polib.pofile(str(po)), polib.POFile)


def test_restarting_a_translation_publishes_nothing(site, live_notice_en, translator_client,
                                                    client):
    translation = translation_of(site.notice)
    change_english_title(site, "Restarted title")
    translator_client.post(
        f"/admin/localize/translate/{translation.pk}/disable/", {"next": "/admin/"}
    )
    translation.refresh_from_db()
    assert not translation.enabled
    before = last_log_id()

    response = translator_client.post(
        edit_url(live_notice_en), {"localize-restart-translation": "1"}
    )

    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled
    assert not was_published(live_notice_en, since=before)
    assert "Restarted title" not in public_html(client, live_notice_en)[1]


def test_converting_a_translation_to_a_live_alias_needs_publish_rights(
    site, live_notice_en, translator_client
):
    response = translator_client.post(f"/admin/localize/page/{live_notice_en.pk}/convert_to_alias/")

    assert_refused(response)
    assert NewsPage.objects.get(pk=live_notice_en.pk).alias_of_id is None


def test_translating_with_the_live_status_setting_off_makes_a_draft(site, settings):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    page = NewsPageFactory(parent=site.news_index, title="Zweite Meldung")
    assert page.live

    page_en = translate(page)

    assert not page_en.live
    assert not was_published(page_en)

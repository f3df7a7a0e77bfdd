"""The permission matrix, through the real admin views: who may publish, approve and delete."""

import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from core.models import Contact
from editorial.models import EditorialSettings
from news.models import NewsPage

from .helpers import news_draft, news_form_data, news_live

pytestmark = pytest.mark.django_db


def action_buttons(response):
    return set(re.findall(r'name="(action-[a-z-]+)"', response.content.decode()))


def add_url(parent):
    return f"/admin/pages/add/news/newspage/{parent.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def submit_as_author(client, tree, title="Stadtwerke im Wandel", **fields):
    data = news_form_data(title=title, contact=tree.contact, topics=[tree.topic], **fields)
    response = client.post(add_url(tree.news_index), {**data, "action-submit": "1"})
    assert response.status_code == 302
    return NewsPage.objects.get(title=title)


def was_published(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


# --- Authors cannot publish -------------------------------------------------------------------


def test_an_author_sees_no_publish_button_only_submit(tree, author_client, autorin):
    draft = news_draft(tree.news_index, "Entwurf der Autorin", user=autorin)

    for response in (author_client.get(add_url(tree.news_index)),
                     author_client.get(edit_url(draft))):
        assert response.status_code == 200
        assert "action-publish" not in action_buttons(response)
        assert "action-submit" in action_buttons(response)


def test_the_redaktion_sees_the_publish_button_only_with_four_eyes_off(tree, redaktion_client):
    assert "action-publish" not in action_buttons(redaktion_client.get(add_url(tree.news_index)))

    settings = EditorialSettings.for_site(tree.home.get_site())
    settings.four_eyes = False
    settings.save()

    assert "action-publish" in action_buttons(redaktion_client.get(add_url(tree.news_index)))


def test_an_author_cannot_publish_a_new_page_by_posting_the_publish_action(tree, author_client):
    data = news_form_data(title="Heimlich veröffentlicht")
    response = author_client.post(add_url(tree.news_index), {**data, "action-publish": "1"})

    assert response.status_code == 302
    page = NewsPage.objects.get(title="Heimlich veröffentlicht")
    assert not page.live
    assert page.has_unpublished_changes
    assert not was_published(page)


def test_an_author_cannot_publish_a_draft_by_posting_the_publish_action(
    tree, author_client, autorin
):
    draft = news_draft(tree.news_index, "Noch ein Entwurf", user=autorin)
    data = news_form_data(draft, title="Noch ein Entwurf, geändert")

    author_client.post(edit_url(draft), {**data, "action-publish": "1"})

    draft.refresh_from_db()
    assert not draft.live
    assert draft.draft_title == "Noch ein Entwurf, geändert"
    assert not was_published(draft)


def test_an_author_cannot_change_a_live_page_by_posting_the_publish_action(tree, author_client):
    page = news_live(tree.news_index, "Bewährte Meldung")
    data = news_form_data(page, title="Übernommene Meldung")

    author_client.post(edit_url(page), {**data, "action-publish": "1"})

    page.refresh_from_db()
    assert page.live and page.title == "Bewährte Meldung"
    assert page.draft_title == "Übernommene Meldung"
    assert page.has_unpublished_changes


def test_an_author_cannot_publish_through_copy_or_bulk_actions(tree, author_client, autorin):
    page = news_live(tree.news_index, "Vorlage")
    draft = news_draft(tree.news_index, "Stapelentwurf", user=autorin)

    author_client.post(f"/admin/pages/{page.pk}/copy/", {
        "new_title": "Kopie der Vorlage", "new_slug": "kopie-der-vorlage",
        "new_parent_page": tree.news_index.pk, "publish_copies": "on",
    })
    author_client.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {})

    copy = NewsPage.objects.filter(slug="kopie-der-vorlage").first()
    assert copy is not None and not copy.live
    draft.refresh_from_db()
    assert not draft.live


def test_an_author_can_neither_unpublish_nor_delete_a_live_page(tree, author_client):
    page = news_live(tree.news_index, "Bleibt online")

    author_client.post(f"/admin/pages/{page.pk}/unpublish/", {})
    author_client.post(f"/admin/pages/{page.pk}/delete/", {})

    page.refresh_from_db()
    assert page.live


def test_an_author_may_delete_their_own_unpublished_draft(tree, author_client, autorin):
    draft = news_draft(tree.news_index, "Verworfener Entwurf", user=autorin)

    author_client.post(f"/admin/pages/{draft.pk}/delete/", {})

    assert not NewsPage.objects.filter(pk=draft.pk).exists()


def test_the_redaktion_can_publish_unpublish_and_delete(tree, redaktion_client, four_eyes_off):
    data = news_form_data(title="Direkt veröffentlicht")
    redaktion_client.post(add_url(tree.news_index), {**data, "action-publish": "1"})
    page = NewsPage.objects.get(title="Direkt veröffentlicht")
    assert page.live

    redaktion_client.post(f"/admin/pages/{page.pk}/unpublish/", {})
    page.refresh_from_db()
    assert not page.live

    redaktion_client.post(f"/admin/pages/{page.pk}/delete/", {})
    assert not NewsPage.objects.filter(pk=page.pk).exists()


# --- The workflow ------------------------------------------------------------------------------


def test_every_page_in_every_language_goes_through_the_redaktion(tree):
    item = news_live(tree.news_index, "Deutsch")
    item_en = news_live(tree.news_index_en, "English")
    for page in (tree.home, tree.home_en, item, item_en, tree.topic):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Redaktionelle Freigabe"
    assert Contact.get_default_workflow().name == "Redaktionelle Freigabe"


def test_submitting_starts_the_workflow_and_emails_the_redaktion(
    tree, author_client, redaktion, autorin
):
    page = submit_as_author(author_client, tree)

    assert not page.live
    assert page.workflow_in_progress
    state = page.current_workflow_state
    assert state.workflow.name == "Redaktionelle Freigabe"
    assert state.requested_by == autorin
    # Every member of the Redaktion is told (the demo has two: four eyes).
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [redaktion.email, "redaktion2@example.org"]
    )
    assert page.title in mail.outbox[0].subject
    assert f"/admin/pages/workflow/preview/{page.pk}/" in mail.outbox[0].body


def test_an_author_cannot_approve_their_own_submission(tree, author_client):
    page = submit_as_author(author_client, tree)
    assert "action-workflow-action" not in action_buttons(author_client.get(edit_url(page)))

    author_client.post(workflow_action_url(page, "approve"), {"comment": ""})
    data = news_form_data(page)
    author_client.post(edit_url(page), {
        **data, "action-workflow-action": "1", "workflow-action-name": "approve",
    })

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_an_author_cannot_edit_a_page_while_it_is_in_moderation(tree, author_client):
    page = submit_as_author(author_client, tree)
    data = news_form_data(page, title="Nachträglich geändert")

    author_client.post(edit_url(page), data)

    page.refresh_from_db()
    assert page.draft_title == "Stadtwerke im Wandel"


def test_the_redaktion_approves_and_the_page_goes_live(
    tree, author_client, redaktion_client, autorin
):
    page = submit_as_author(author_client, tree)
    mail.outbox.clear()

    response = redaktion_client.post(workflow_action_url(page, "approve"), {"comment": "Danke!"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert page.current_workflow_state is None
    assert WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk)
                                     ).status == WorkflowState.STATUS_APPROVED
    assert [message.to for message in mail.outbox] == [[autorin.email]]
    assert page.title in mail.outbox[0].subject


def test_an_edit_made_during_moderation_needs_approval_again(
    tree, author_client, redaktion_client, accounts
):
    page = submit_as_author(author_client, tree)
    submitted_state = page.current_workflow_task_state
    data = news_form_data(page, title="Stadtwerke im Wandel (redigiert)")
    redaktion_client.post(edit_url(page), data)
    second_reviewer = Client()
    second_reviewer.force_login(accounts["redaktion2"])

    # Approving what was submitted does not publish the later edit unseen …
    second_reviewer.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress
    new_state = page.current_workflow_task_state
    assert new_state.pk != submitted_state.pk
    assert new_state.revision_id == page.latest_revision_id

    # … whoever made the edit cannot approve it (four eyes) …
    redaktion_client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    # … another member approves the edited version on its own, and that is what goes live.
    second_reviewer.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live and page.title == "Stadtwerke im Wandel (redigiert)"


def test_a_rejection_returns_the_page_to_the_author_with_the_comment(
    tree, author_client, redaktion_client, autorin
):
    page = submit_as_author(author_client, tree)
    mail.outbox.clear()

    redaktion_client.post(workflow_action_url(page, "reject"),
                          {"comment": "Bitte die Quelle ergänzen."})

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The author is told, with the comment …
    assert [message.to for message in mail.outbox] == [[autorin.email]]
    assert "Bitte die Quelle ergänzen." in mail.outbox[0].body
    # … sees it in the editor, may edit again and resubmit.
    response = author_client.get(edit_url(page))
    assert "Bitte die Quelle ergänzen." in response.content.decode()
    assert "action-submit" in action_buttons(response)
    data = news_form_data(page, title="Stadtwerke im Wandel, mit Quelle")
    author_client.post(edit_url(page), {**data, "action-submit": "1"})
    page.refresh_from_db()
    assert page.draft_title == "Stadtwerke im Wandel, mit Quelle"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live


# --- Contacts are moderated too ----------------------------------------------------------------


def contact_form_data(contact, **fields):
    return {"name": contact.name, "role": contact.role, "organisation": contact.organisation,
            "email": contact.email, "phone": contact.phone, "photo": "", **fields}


def test_an_author_cannot_publish_a_contact_change(tree, author_client):
    contact = tree.contact
    url = f"/admin/snippets/core/contact/edit/{contact.pk}/"
    assert "action-publish" not in action_buttons(author_client.get(url))

    author_client.post(url, {**contact_form_data(contact, name="Karla Geändert"),
                             "action-publish": "1"})

    contact.refresh_from_db()
    assert contact.name == "Karla Kontakt"
    assert contact.has_unpublished_changes


def test_a_contact_change_goes_through_the_workflow(tree, author_client, redaktion_client):
    contact = tree.contact
    url = f"/admin/snippets/core/contact/edit/{contact.pk}/"

    author_client.post(url, {**contact_form_data(contact, name="Karla Neu"), "action-submit": "1"})
    contact.refresh_from_db()
    assert contact.workflow_in_progress and contact.name == "Karla Kontakt"

    task_state = contact.current_workflow_task_state
    redaktion_client.post(
        f"/admin/snippets/core/contact/workflow/action/{contact.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    contact.refresh_from_db()
    assert contact.name == "Karla Neu" and not contact.workflow_in_progress


# --- The admin itself --------------------------------------------------------------------------


def test_only_the_administration_manages_users_and_sites(tree, author_client, redaktion_client):
    from django.test import Client

    from editorial.roles import ADMINISTRATION

    from .helpers import make_user

    administrator = make_user("verwaltung", ADMINISTRATION)
    admin_client = Client()
    admin_client.force_login(administrator)

    for url in ("/admin/users/", "/admin/groups/", "/admin/sites/"):
        assert admin_client.get(url).status_code == 200
        for client in (author_client, redaktion_client):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"] != url


def test_a_preview_needs_a_login(tree, client, author_client):
    page = submit_as_author(author_client, tree, title="Vorschau-Entwurf")
    task = page.current_workflow_task

    for url in (f"/admin/pages/{page.pk}/view_draft/", f"/admin/pages/{page.pk}/edit/preview/",
                f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")

"""Four eyes, and feedback where the author looks: the reviewer's request at the top of the
editor, and success messages that say what happened."""

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import Site

from editorial.models import EditorialApprovalTask, EditorialSettings
from news.models import NewsPage

from .helpers import news_form_data

pytestmark = pytest.mark.django_db

COMMENT = "Bitte den Teaser kürzen und die Quelle nennen."


def add_url(parent):
    return f"/admin/pages/add/news/newspage/{parent.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def workflow_action_url(page, action):
    page.refresh_from_db()
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{page.current_workflow_task_state.pk}/"


def submit(client, tree, title="Hitzeschutz in Bonn", **fields):
    data = news_form_data(title=title, topics=[tree.topic], **fields)
    response = client.post(add_url(tree.news_index), {**data, "action-submit": "1"})
    assert response.status_code == 302
    return NewsPage.objects.get(title=title)


def review_in_editor(client, page, action, **extra):
    data = news_form_data(page.get_latest_revision_as_object(), **extra)
    data.update({"action-workflow-action": "1", "workflow-action-name": action,
                 "workflow-action-extra-data": "{}"})
    response = client.post(edit_url(page), data)
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def second_reviewer(accounts):
    client = Client()
    client.force_login(accounts["redaktion2"])  # the demo's second Redaktion account
    return client


def test_the_approval_step_is_the_four_eyes_task():
    # The migration turned Wagtail's group approval into it, keeping the same task.
    assert EditorialApprovalTask.objects.filter(name="Freigabe durch die Redaktion").exists()


def test_the_author_sees_the_reviewers_comment_at_the_top_until_resubmitting(
    tree, author_client, redaktion_client
):
    page = submit(author_client, tree)
    redaktion_client.post(workflow_action_url(page, "reject"), {"comment": COMMENT})

    html = author_client.get(edit_url(page)).content.decode()
    top = html[html.index('id="editorial-changes-requested"'):html.index('id="page-edit-form"')]
    assert COMMENT in top
    assert "Rike Redakteurin hat am" in top and "Änderungen angefordert" in top

    data = news_form_data(page.get_latest_revision_as_object(), title="Hitzeschutz in Bonn")
    author_client.post(edit_url(page), {**data, "action-submit": "1"})
    assert COMMENT not in author_client.get(edit_url(page)).content.decode()


def test_requesting_changes_in_the_editor_says_so(tree, author_client, redaktion_client):
    page = submit(author_client, tree)

    messages = review_in_editor(redaktion_client, page, "reject")

    assert any("Änderungen an „Hitzeschutz in Bonn“ angefordert" in m for m in messages)


def test_the_submitter_cannot_approve_another_redaktion_member_can(
    tree, redaktion_client, second_reviewer
):
    page = submit(redaktion_client, tree, title="Eigene Meldung")

    html = redaktion_client.get(edit_url(page)).content.decode()
    assert 'value="approve"' not in html and 'id="editorial-four-eyes"' in html
    redaktion_client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    second_reviewer.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_the_own_submission_is_not_in_my_approval_list(tree, redaktion_client, second_reviewer):
    submit(redaktion_client, tree, title="Eigene Meldung")

    assert "Eigene Meldung" not in awaiting_my_approval(redaktion_client)
    assert "Eigene Meldung" in awaiting_my_approval(second_reviewer)


def test_an_administrator_can_switch_the_rule_off(tree, redaktion_client):
    settings = EditorialSettings.for_site(Site.objects.get(is_default_site=True))
    settings.four_eyes = False
    settings.save()
    page = submit(redaktion_client, tree, title="Allein in der Redaktion")

    redaktion_client.post(workflow_action_url(page, "approve"), {"comment": ""})

    page.refresh_from_db()
    assert page.live


def test_a_waiting_authors_main_button_is_not_withdrawing(tree, author_client):
    page = submit(author_client, tree, title="Wartet")

    html = author_client.get(edit_url(page)).content.decode()
    main_button = re.search(r'<button type="button" class="button action-save" disabled>\s*'
                            r'<svg[^>]*>.*?</svg>\s*Wartet auf Freigabe', html, re.S)

    assert main_button is not None
    assert main_button.start() < html.index("Einreichung zurückziehen")
    assert "Workflow abbrechen" not in html


def approval_offered(page, user):
    page = NewsPage.objects.get(pk=page.pk)
    task = page.current_workflow_task.specific
    return "approve" in [name for name, _label, _modal in task.get_actions(page, user)]


def test_whoever_edits_during_the_review_cannot_approve_it(
    tree, accounts, author_client, redaktion_client, redaktion
):
    page = submit(author_client, tree, title="Fremde Meldung")
    assert approval_offered(page, redaktion)

    edited = news_form_data(page, teaser="Von der Redaktion verbessert.")
    assert redaktion_client.post(edit_url(page), edited).status_code == 302

    assert not approval_offered(page, redaktion)
    assert 'id="editorial-four-eyes"' in redaktion_client.get(edit_url(page)).content.decode()
    redaktion_client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    assert approval_offered(page, accounts["redaktion2"])


def awaiting_my_approval(client):
    html = client.get("/admin/").content.decode()
    start = html.index('id="editorial-awaiting-my-approval-section"')
    return html[start:html.index("</section>", start)]


def test_whoever_edited_during_the_review_no_longer_finds_it_in_my_approval_list(
    tree, author_client, redaktion_client, second_reviewer
):
    page = submit(author_client, tree, title="Fremde Meldung")
    assert "Fremde Meldung" in awaiting_my_approval(redaktion_client)

    edited = news_form_data(page, teaser="Von der Redaktion verbessert.")
    assert redaktion_client.post(edit_url(page), edited).status_code == 302

    assert "Fremde Meldung" not in awaiting_my_approval(redaktion_client)
    assert "Fremde Meldung" in awaiting_my_approval(second_reviewer)

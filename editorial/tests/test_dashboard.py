"""The editors' dashboard: awaiting my approval, my drafts, scheduled publications."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Page

from editorial.panels import AwaitingMyApprovalPanel, MyDraftsPanel, ScheduledPublicationsPanel
from editorial.publishing import approval_publishes

from .helpers import news_draft, news_form_data, news_live

pytestmark = pytest.mark.django_db


def german(text):
    """The admin speaks German to these editors (their profile says so)."""
    with translation.override("de"):
        return str(text)


def panel_html(html, panel_id):
    start = html.index(f'id="{panel_id}')
    return html[start:html.index("</section>", start)]


def submit(client, tree, title, parent=None):
    parent = parent or tree.news_index
    data = news_form_data(title=title)
    client.post(f"/admin/pages/add/news/newspage/{parent.pk}/", {**data, "action-submit": "1"})
    return Page.objects.get(title=title)


def schedule(page, user, seconds=3600, expire_after=None):
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=seconds)
    if expire_after:
        page.expire_at = page.go_live_at + datetime.timedelta(seconds=expire_after)
    with approval_publishes():  # what the Redaktion's "Freigeben" does
        page.save_revision(user=user).publish(user=user)


def test_the_redaktion_sees_what_awaits_its_approval(tree, author_client, redaktion_client):
    page = submit(author_client, tree, "Bitte prüfen")
    submit(author_client, tree, "Please check", parent=tree.news_index_en)

    html = redaktion_client.get("/admin/").content.decode()

    panel = panel_html(html, "editorial-awaiting-my-approval")
    assert "Bitte prüfen" in panel and "Please check" in panel
    assert "Deutsch" in panel and "English" in panel
    assert "Ada Autorin" in panel  # who submitted it
    task = page.specific.current_workflow_task
    assert f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/" in panel
    assert f"/admin/pages/{page.pk}/edit/" in panel
    # Wagtail's own moderation panels, which list the same items, are replaced.
    assert 'id="awaiting-review"' not in html


def test_authors_have_no_approval_panel_but_see_their_drafts(tree, author_client, autorin):
    news_draft(tree.news_index, "Halbfertig", user=autorin)
    submit(author_client, tree, "Eingereicht")

    html = author_client.get("/admin/").content.decode()

    assert "editorial-awaiting-my-approval" not in html
    drafts = panel_html(html, "editorial-my-drafts")
    assert "Halbfertig" in drafts and "Eingereicht" in drafts
    assert german(MyDraftsPanel.STATUS["in_moderation"]) in drafts
    assert german(MyDraftsPanel.STATUS["draft"]) in drafts
    assert "Deutsch" in drafts


def test_my_drafts_tell_the_author_when_changes_are_requested(
    tree, author_client, redaktion_client
):
    page = submit(author_client, tree, "Zurückgewiesen")
    task_state = page.specific.current_workflow_task_state
    redaktion_client.post(f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
                          {"comment": "Bitte kürzen."})

    html = author_client.get("/admin/").content.decode()

    row = panel_html(html, "editorial-my-drafts").split("Zurückgewiesen", 1)[1].split("</tr>")[0]
    assert german(MyDraftsPanel.STATUS["needs_changes"]) in row


def test_my_drafts_lists_only_my_own(tree, redaktion_client, autorin):
    news_draft(tree.news_index, "Von der Autorin", user=autorin)
    html = redaktion_client.get("/admin/").content.decode()
    assert "Von der Autorin" not in panel_html(html, "editorial-my-drafts")


def test_scheduled_publications_show_time_and_language(tree, author_client, redaktion):
    page = news_draft(tree.news_index, "Kommt morgen", user=redaktion)
    schedule(page, redaktion, seconds=24 * 3600, expire_after=3600)
    expiring = news_live(tree.news_index_en, "Goes away")
    expiring.expire_at = timezone.now() + datetime.timedelta(days=2)
    expiring.save_revision().publish()

    html = author_client.get("/admin/").content.decode()

    panel = panel_html(html, "editorial-scheduled-publications")
    assert "Kommt morgen" in panel and "Goes away" in panel
    assert german(ScheduledPublicationsPanel.GOES_LIVE) in panel
    assert german(ScheduledPublicationsPanel.GOES_OFFLINE) in panel
    assert "Deutsch" in panel and "English" in panel
    go_live = timezone.localtime(page.specific.scheduled_revision.approved_go_live_at)
    assert go_live.strftime("%Y-%m-%dT%H:%M") in panel
    assert panel.index("Kommt morgen") < panel.index("Goes away")  # soonest first


def render_queries(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = panel.render_html({"request": request, "csrf_token": "x"})
    return len(queries), html


@pytest.mark.parametrize(
    "panel_class", [AwaitingMyApprovalPanel, MyDraftsPanel, ScheduledPublicationsPanel]
)
def test_each_panel_costs_the_same_number_of_queries_for_few_and_many_items(
    tree, author_client, autorin, redaktion, panel_class
):
    def add_items(count, prefix):
        for n in range(count):
            submit(author_client, tree, f"{prefix} eingereicht {n}")
            news_draft(tree.news_index_en, f"{prefix} draft {n}", user=redaktion)
            scheduled = news_draft(tree.news_index, f"{prefix} geplant {n}", user=autorin)
            schedule(scheduled, redaktion, seconds=3600 + n, expire_after=60)

    viewer = redaktion if panel_class is not MyDraftsPanel else autorin
    add_items(1, "Wenig")
    render_queries(panel_class(), viewer)  # fills the content-type cache, as any request has
    few, few_html = render_queries(panel_class(), viewer)
    add_items(3, "Viel")
    many, many_html = render_queries(panel_class(), viewer)

    assert few_html.count("<tr>") < many_html.count("<tr>")
    assert few == many




def test_the_dashboard_speaks_german_to_a_german_editor(tree, redaktion_client):
    html = redaktion_client.get("/admin/").content.decode()
    for heading in ("Warten auf meine Freigabe", "Meine Entwürfe", "Geplante Veröffentlichungen"):
        assert heading in html

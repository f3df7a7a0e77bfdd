"""The editors' journey in Chromium, in German: autorin writes from the dashboard shortcut with
German-only choosers and submits; the Redaktion asks for changes; autorin reads the comment at
the top of the editor, fixes the item and resubmits; the submitter cannot approve it; a
second Redaktion member does. No request leaves for another host."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from core.factories import translate_page
from core.tests.browser import footer_action, log_in, quiet_admin_on_sqlite
from news.models import NewsPage

from .helpers import PASSWORD, build_tree, demo_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Kühle Räume geöffnet"
COMMENT = "Bitte im Teaser sagen, ab wann die Räume offen sind."


@pytest.fixture
def site(live_server, settings):
    quiet_admin_on_sqlite(settings)
    tree = build_tree()
    translate_page(tree.topic, "en", title="Climate adaptation")
    demo_accounts()  # autorin, redaktion and redaktion2
    return tree


def open_as(chromium, live_server, username, requests):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(30_000)
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    log_in(page, username, PASSWORD)
    expect(page.locator("#editorial-my-drafts-section")).to_be_visible()
    return context, page


def write_new_item(author):
    """From the dashboard shortcut: a new news item with its title and teaser."""
    author.get_by_role("link", name="Neue Nachricht").click()
    author.locator("#id_title").fill(TITLE)
    author.locator("#id_teaser").fill("Die Stadt öffnet kühle Räume.")


def submit(author):
    footer_action(author, "Zur Freigabe einreichen")
    expect(author.locator(".messages")).to_contain_text("zur Freigabe eingereicht")


def approve(reviewer, item, message):
    reviewer.goto(f"/admin/pages/{item.pk}/edit/")
    footer_action(reviewer, r"^\s*Freigeben\s*$")
    expect(reviewer.locator(".messages")).to_contain_text(message)


def test_write_request_changes_fix_and_approve_with_four_eyes(site, chromium, live_server):
    requests = []

    # autorin: one click from the dashboard to a new news item; German topics only.
    context, author = open_as(chromium, live_server, "autorin", requests)
    write_new_item(author)
    topics = author.locator("[data-contentpath='topics']")
    expect(topics.get_by_text("Climate adaptation")).to_have_count(0)
    author.locator("[data-contentpath='topics'] [data-editorial-choices-filter]").fill("klima")
    topics.get_by_label("Klimaanpassung").check()
    author.locator("[data-contentpath='contacts']").get_by_label("Karla Kontakt").check()
    submit(author)
    item = NewsPage.objects.get(title=TITLE)
    assert item.slug == "kuehle-raeume-geoeffnet"

    # redaktion asks for changes, with a comment.
    reviewer_context, reviewer = open_as(chromium, live_server, "redaktion", requests)
    reviewer.goto(f"/admin/pages/{item.pk}/edit/")
    footer_action(reviewer, "Änderungen anfordern")
    reviewer.locator("textarea[name='comment']").fill(COMMENT)
    reviewer.locator(".modal-dialog button[type='submit']").click()
    # Wagtail's dialog for actions with a comment reloads without a message of its own; wait
    # until the request for changes is stored.
    for _ in range(60):
        if WorkflowState.objects.filter(object_id=str(item.pk), status="needs_changes").exists():
            break
        reviewer.wait_for_timeout(500)

    # autorin sees the comment at the top of the editor, fixes the teaser and resubmits.
    author.goto(f"/admin/pages/{item.pk}/edit/")
    notice = author.locator("#editorial-changes-requested")
    expect(notice).to_contain_text(COMMENT)
    expect(notice).to_contain_text("Rike Redakteurin")
    author.locator("#id_teaser").fill("Ab Montag öffnet die Stadt kühle Räume.")
    footer_action(author, "einreichen")
    expect(author.locator(".messages")).to_contain_text("eingereicht")
    author.goto(f"/admin/pages/{item.pk}/edit/")
    expect(author.locator("#editorial-changes-requested")).to_have_count(0)

    # The submitter has no way to approve her own item (the Redaktion's own submissions are
    # covered by test_four_eyes_and_feedback).
    author.goto(f"/admin/pages/{item.pk}/edit/")
    expect(author.locator("footer").get_by_role("button", name=re.compile(r"^\s*Freigeben"))
           ).to_have_count(0)
    context.close()
    reviewer_context.close()

    # A second Redaktion member approves; the item goes live.
    second_context, second = open_as(chromium, live_server, "redaktion2", requests)
    approve(second, item, "freigegeben und veröffentlicht")
    second_context.close()
    item.refresh_from_db()
    assert item.live

    # Nothing was requested from another host (no Gravatar, no CDN, no oEmbed).
    own_host = urlsplit(live_server.url).netloc
    elsewhere = {urlsplit(url).netloc for url in requests
                 if url.startswith("http") and urlsplit(url).netloc != own_host}
    assert elsewhere == set()
    assert requests


def test_the_redaktion_edits_during_review_and_then_cannot_approve(site, chromium, live_server):
    """Four eyes: whoever last edited a page while it waited for approval cannot approve it."""
    requests = []
    author_context, author = open_as(chromium, live_server, "autorin", requests)
    write_new_item(author)
    submit(author)
    author_context.close()
    item = NewsPage.objects.get(title=TITLE)

    # redaktion improves the teaser during the review and saves.
    reviewer_context, reviewer = open_as(chromium, live_server, "redaktion", requests)
    reviewer.goto(f"/admin/pages/{item.pk}/edit/")
    reviewer.locator("#id_teaser").fill("Ab Montag öffnet die Stadt kühle Räume.")
    save = reviewer.locator("footer").get_by_role("button", name=re.compile(r"speichern", re.I))
    save.first.click()
    expect(reviewer.locator(".messages")).to_be_visible()

    # Now the edit is hers: no "Freigeben", and the editor says why, in German.
    reviewer.goto(f"/admin/pages/{item.pk}/edit/")
    reviewer.locator("footer .w-dropdown__toggle").first.click()
    expect(reviewer.locator("footer").get_by_role("button", name=re.compile(r"^\s*Freigeben"))
           ).to_have_count(0)
    expect(reviewer.locator("footer").get_by_role("button", name=re.compile("Änderungen anfordern"))
           ).to_be_visible()
    expect(reviewer.get_by_text("Vier-Augen-Prinzip")).to_be_visible()
    reviewer_context.close()

    # redaktion2 approves the version redaktion edited.
    second_context, second = open_as(chromium, live_server, "redaktion2", requests)
    approve(second, item, "freigegeben")
    item.refresh_from_db()
    if not item.live:
        # WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT: that approval was of the submitted
        # version; the version redaktion edited waits for its own approval.
        assert item.workflow_in_progress
        approve(second, item, "freigegeben und veröffentlicht")
    second_context.close()
    item.refresh_from_db()
    assert item.live
    assert item.teaser == "Ab Montag öffnet die Stadt kühle Räume."

"""The editorial journey in real Chromium: an author writes, the Redaktion approves, a reader reads.

The live server flushes the database after each test, so the site tree, the groups, the
workflow and the accounts are all made here.
"""

import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from core.tests.browser import (
    footer_action,
    quiet_admin_on_sqlite,
    start_watching_edits,
    wait_until_edits_are_watched,
)
from core.tests.browser import log_in as admin_log_in
from news.models import NewsPage

from .helpers import PASSWORD, build_tree, demo_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Hitzeschutz in Bonn: Stadt öffnet kühle Räume"
BODY = "Die Stadt Bonn öffnet im Sommer klimatisierte Räume für ältere Menschen."


def log_in(page, username):
    admin_log_in(page, username, PASSWORD)
    expect(page.locator("#editorial-my-drafts-section")).to_be_visible()


def insert_block(page, block_label):
    """Open the StreamField's block picker (the last "+" in the body) and pick a block."""
    body = page.locator("[data-contentpath='body']")
    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=block_label, exact=True).click()


def open_chooser(page, button):
    """Click a chooser's button until its dialog shows, as a person clicks again when nothing
    happens: in one CI run under load, the first click opened nothing (the button's script
    was not bound yet)."""
    dialog = page.locator(".modal-dialog, [role='dialog']").filter(visible=True)
    for _attempt in range(3):
        button.click()
        try:
            dialog.first.wait_for(state="visible", timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    expect(dialog.first).to_be_visible()


def write_news_item(page, tree):
    """autorin writes the item under "Aktuelles": a title, a rich-text body, a contact block
    and a topic, then submits it for approval ("Zur Freigabe einreichen")."""
    start_watching_edits(page)
    page.goto(f"/admin/pages/{tree.news_index.pk}/")
    page.get_by_role("link", name=re.compile("Unterseite hinzufügen|Add child page")).first.click()
    expect(page.locator("#id_title")).to_be_visible()
    if getattr(django_settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0:
        wait_until_edits_are_watched(page)  # so that the autosave awaited below does come
    page.locator("#id_title").fill(TITLE)

    insert_block(page, "Text")
    editor = page.locator("[data-contentpath='body'] .DraftEditor-root [contenteditable='true']")
    editor.last.click()
    page.keyboard.type(BODY)

    insert_block(page, "Kontakt")
    open_chooser(page, page.locator("[data-contentpath='body'] .chooser__choose-button").last)
    modal = page.locator(".modal-dialog, [role='dialog']").filter(has_text="Karla Kontakt")
    modal.get_by_role("link", name="Karla Kontakt").click()
    expect(page.locator("[data-contentpath='body']").get_by_text("Karla Kontakt")).to_be_visible()

    page.locator("[data-contentpath='topics']").get_by_label("Klimaanpassung").check()
    if getattr(django_settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0:
        # As an editor would: wait until autosave has stored the new page once, so that the
        # submission does not race the autosave that creates it.
        expect(page.locator("#w-autosave-indicator")).to_have_attribute(
            "data-w-autosave-state-value", "saved"
        )

    footer_action(page, "Zur Freigabe einreichen")
    expect(page.locator(".messages")).to_contain_text(TITLE)


@pytest.fixture
def site(live_server, settings):
    quiet_admin_on_sqlite(settings)
    tree = build_tree()
    demo_accounts()
    return tree


def test_author_writes_redaktion_approves_reader_reads(site, browser_page, chromium, live_server):
    # 1. The author writes and submits.
    author = browser_page
    log_in(author, "autorin")
    write_news_item(author, site)

    item = NewsPage.objects.get(title=TITLE)
    assert not item.live and item.workflow_in_progress
    assert ["redaktion@example.org"] in [message.to for message in mail.outbox]
    assert [block.block_type for block in item.get_latest_revision_as_object().body] == [
        "rich_text", "contact"
    ]

    # 2. The Redaktion finds it on the dashboard, previews it and approves it.
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    try:
        editor = context.new_page()
        log_in(editor, "redaktion")
        panel = editor.locator("#editorial-awaiting-my-approval-section")
        row = panel.get_by_role("row").filter(has_text=TITLE)
        expect(row).to_be_visible()
        expect(row).to_contain_text("Deutsch")

        with context.expect_page() as preview_opened:
            row.get_by_role("link", name=re.compile("Vorschau|Preview")).click()
        preview = preview_opened.value
        expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(preview.get_by_text(BODY)).to_be_visible()
        expect(preview.get_by_text("Karla Kontakt").first).to_be_visible()
        preview.close()

        row.get_by_role("link", name=re.compile("Prüfen|Review")).click()
        footer_action(editor, r"^\s*(Freigeben|Approve)\s*$")
        expect(editor.locator(".messages")).to_contain_text(TITLE)
    finally:
        context.close()

    item.refresh_from_db()
    assert item.live
    assert ["autorin@example.org"] in [message.to for message in mail.outbox]

    # 3. An anonymous reader finds it on the news index and on its topic hub.
    reader_context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    reader_context.set_default_timeout(15_000)
    try:
        reader = reader_context.new_page()
        reader.goto(site.news_index.url)
        expect(reader.get_by_role("link", name=TITLE)).to_be_visible()
        reader.goto(site.topic.url)
        reader.get_by_role("link", name=TITLE).click()
        expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(reader.get_by_text(BODY)).to_be_visible()
        expect(reader.get_by_text("Karla Kontakt").first).to_be_visible()
    finally:
        reader_context.close()

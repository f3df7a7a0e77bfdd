"""Autosave in Chromium: an author adds a contact block and a video block and starts filling
them in; autosave stores the draft without pausing or warning. Submitting for approval then
shows what is missing, with everything typed still in the form."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser import footer_action, start_watching_edits, wait_until_edits_are_watched
from news.models import NewsPage

from .helpers import build_tree, demo_accounts, news_draft
from .test_browser_journey import insert_block, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Kühle Räume in Bonn"


def wait_until_autosaved(page):
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")


def autosaved_draft(page, complete, keep_typing, seconds=20):
    """The latest draft of the page once `complete(draft)` holds, or None after `seconds`.

    Wagtail takes the form as saved when an autosave answers, so what was typed while that
    save was on its way waits for the next edit: like an author, `keep_typing` goes on."""
    for tick in range(seconds * 4):
        draft = NewsPage.objects.get(title=TITLE).get_latest_revision_as_object()
        if complete(draft):
            return draft
        if tick % 12 == 11:
            keep_typing(tick)
        page.wait_for_timeout(250)
    return None


def test_autosave_stays_quiet_while_a_block_is_filled_in(live_server, browser_page, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500  # as shipped, also where other tests switch it off
    site = build_tree()
    accounts = demo_accounts()
    draft = news_draft(site.news_index, title=TITLE, user=accounts["autorin"])
    page = browser_page
    log_in(page, "autorin")
    answers = []
    page.on("response", lambda response: answers.append(response.status)
            if response.request.method == "POST" and "/admin/pages/" in response.url else None)
    start_watching_edits(page)
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    wait_until_edits_are_watched(page)

    insert_block(page, "Kontakt")
    page.locator("[data-contentpath='body'] input[name$='-value-heading']").last.fill(
        "Ansprechpartnerin")
    insert_block(page, "Video")
    page.locator("[data-contentpath='body'] input[name$='-value-title']").last.fill("Rundgang")
    # Autosave may run while the author is still typing, and again after: wait for the draft
    # that holds everything typed, however many saves it took.
    video_title = page.locator("[data-contentpath='body'] input[name$='-value-title']").last
    draft = autosaved_draft(
        page,
        lambda draft: [(block.block_type,
                        (block.value.get("heading") or block.value.get("title") or "").strip())
                       for block in draft.body]
        == [("contact", "Ansprechpartnerin"), ("video", "Rundgang")],
        keep_typing=lambda tick: video_title.fill("Rundgang" + " " * (tick // 12 % 2)),
    )

    assert draft is not None, "autosave stored the unfinished blocks with what was typed"
    wait_until_autosaved(page)  # also lets Playwright deliver the autosave's responses
    page.wait_for_timeout(500)
    assert answers and 400 not in answers
    expect(page.get_by_text("Automatisches Speichern ist pausiert")).to_be_hidden()
    assert "Validierungsfehler" not in page.locator("body").inner_text()

    # Submitting validates fully: the errors are shown, nothing typed is lost.
    footer_action(page, "Zur Freigabe einreichen")
    expect(page.locator(".messages")).to_contain_text("Fehlern bei der Validierung")
    expect(page.get_by_text("Wählen Sie eine Videoseite aus oder geben Sie eine URL ein.").first
           ).to_be_visible()
    expect(page.locator("[data-contentpath='body'] input[name$='-value-heading']").last
           ).to_have_value("Ansprechpartnerin")
    expect(page.locator("[data-contentpath='body'] input[name$='-value-title']").last
           ).to_have_value(re.compile(r"^Rundgang ?$"))
    assert not NewsPage.objects.get(title=TITLE).workflow_in_progress

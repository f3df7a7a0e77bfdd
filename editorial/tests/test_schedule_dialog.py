"""The schedule dialog in Chromium: Esc in its date picker closes the picker, not the dialog,
and the typed time stays; saving the schedule then stores it."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser import (
    fill_until_autosaved,
    start_watching_edits,
    wait_until_edits_are_watched,
)
from news.models import NewsPage

from .helpers import build_tree, demo_accounts, news_draft
from .test_browser_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_esc_in_the_date_picker_keeps_the_dialog_and_the_time(live_server, browser_page):
    tree = build_tree()
    accounts = demo_accounts()
    item = news_draft(tree.news_index, title="Später live", user=accounts["redaktion"])
    page = browser_page
    log_in(page, "redaktion")
    page.goto(f"/admin/pages/{item.pk}/edit/")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name=re.compile("Veröffentlichungszeitplan|Zeitplan")).first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    go_live = dialog.locator("input[name='go_live_at']")
    go_live.click()
    go_live.fill("15.01.2030 09:30")
    expect(page.locator(".xdsoft_datetimepicker").filter(visible=True)).to_have_count(1)

    page.keyboard.press("Escape")

    expect(dialog).to_be_visible()
    expect(go_live).to_have_value("15.01.2030 09:30")
    dialog.get_by_role("button", name=re.compile("Zeitplan speichern|speichern")).click()
    expect(page.locator(".messages")).to_be_visible()
    draft = NewsPage.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert draft.go_live_at is not None and draft.go_live_at.year == 2030


def test_tab_after_an_autosave_leaves_one_picker_and_the_save_button_free(
    live_server, browser_page, settings
):
    """Autosave re-renders the editor's side panels, and the date fields get pickers a second
    time; Tab from "Veröffentlichen am" must still show one picker, then none, and "Zeitplan
    speichern" must take a real click."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000
    tree = build_tree()
    accounts = demo_accounts()
    item = news_draft(tree.news_index, title="Hitzeschutz", user=accounts["autorin"])
    page = browser_page
    log_in(page, "autorin")
    start_watching_edits(page)
    page.goto(f"/admin/pages/{item.pk}/edit/")
    wait_until_edits_are_watched(page)
    fill_until_autosaved(page, page.locator("#id_subtitle"), "Kommunen planen für heiße Sommer")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Zeitplan festlegen").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.get_by_label("Veröffentlichen am", exact=True).fill("05.01.2027 10:00")
    pickers = page.locator(".xdsoft_datetimepicker").filter(visible=True)

    page.keyboard.press("Tab")
    page.wait_for_timeout(600)  # the plugin reopens a picker on its own timers
    expect(pickers).to_have_count(1)
    expect(dialog.get_by_label("Nicht mehr veröffentlichen am", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.wait_for_timeout(600)
    expect(pickers).to_have_count(0)

    dialog.get_by_role("button", name="Zeitplan speichern").click(timeout=5_000)
    expect(page.locator(".messages")).to_contain_text("aktualisiert")
    draft = NewsPage.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert draft.go_live_at is not None and draft.go_live_at.year == 2027

"""The schedule dialog in Chromium: Esc in its date picker closes the picker, not the dialog,
and the typed time stays; saving the schedule then stores it."""

import re

import pytest
from playwright.sync_api import expect

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

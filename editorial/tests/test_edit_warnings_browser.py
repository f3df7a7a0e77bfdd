"""Concurrent-edit warnings in Chromium (issue 26, point 1), and the schedule dialog (point 3).

A warning appears only when another person or another tab really saved:
* one tab, with autosave, "Zeitplan speichern" and "Zur Freigabe einreichen": no warning;
* two people: the second is told, by name, who saved in between;
* two tabs of the same person: Wagtail's "in einem anderen Fenster" dialog, once, and no
  second warning after it.
"""

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

SOMEONE_SAVED = "nachdem Sie sie geöffnet haben"
OTHER_WINDOW = "in einem anderen Fenster"


@pytest.fixture
def draft(live_server, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000
    site = build_tree()
    accounts = demo_accounts()
    return news_draft(site.news_index, title="Hitzeschutz", user=accounts["autorin"])


def open_editor(page, draft):
    start_watching_edits(page)
    page.goto(f"/admin/pages/{draft.pk}/edit/")
    wait_until_edits_are_watched(page)


def footer_button(page, name):
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=re.compile(name))
    if not button.first.is_visible():
        footer.locator(".w-dropdown__toggle").first.click()
    return button.first


def second_tab(chromium, live_server, username):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, username)
    return context, page


def test_one_tab_autosave_schedule_and_submit_raise_no_alarm(browser_page, draft):
    page = browser_page
    log_in(page, "autorin")
    open_editor(page, draft)
    fill_until_autosaved(page, page.locator("#id_subtitle"), "Kommunen planen für heiße Sommer")

    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name="Zeitplan festlegen").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.get_by_label("Veröffentlichen am", exact=True).fill("05.01.2027 10:00")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    dialog.get_by_role("button", name="Zeitplan speichern").click()
    expect(page.locator(".messages")).to_contain_text("aktualisiert")
    assert SOMEONE_SAVED not in page.locator(".messages").inner_text()

    wait_until_edits_are_watched(page)
    fill_until_autosaved(
        page, page.locator("#id_subtitle"), "Kommunen planen für heiße Sommer 2027")
    page.wait_for_timeout(2500)  # a ping or two, which would find a "newer" revision
    footer_button(page, "Zur Freigabe einreichen").click()

    expect(page.locator(".messages")).to_contain_text("zur Freigabe eingereicht")
    body = page.locator("body").inner_text()
    assert SOMEONE_SAVED not in body and OTHER_WINDOW not in body
    assert NewsPage.objects.get(pk=draft.pk).workflow_in_progress


def test_two_people_the_second_is_told_who_saved(browser_page, chromium, live_server, draft):
    page = browser_page
    log_in(page, "autorin")
    open_editor(page, draft)
    context, colleague = second_tab(chromium, live_server, "redaktion")
    open_editor(colleague, draft)
    colleague.locator("#id_subtitle").fill("Von der Redaktion")
    footer_button(colleague, "Entwurf speichern|Speichern").click()
    expect(colleague.locator(".messages")).to_contain_text("aktualisiert")
    context.close()

    page.locator("#id_teaser").fill("Von der Autorin")
    page.wait_for_timeout(2500)
    footer_button(page, "Entwurf speichern").click()
    confirm = page.locator("#w-save-confirmation-dialog")
    if confirm.is_visible():
        confirm.get_by_role("button", name=re.compile("Entwurf speichern|Fortfahren")).click()

    expect(page.locator(".messages")).to_contain_text(SOMEONE_SAVED)
    expect(page.locator(".messages")).to_contain_text(
        "Rike Redakteurin hat diese Seite gespeichert")


def test_two_tabs_of_the_same_person_ask_once(browser_page, chromium, live_server, draft):
    page = browser_page
    log_in(page, "autorin")
    open_editor(page, draft)
    context = page.context
    other = context.new_page()
    open_editor(other, draft)
    other.locator("#id_subtitle").fill("Aus dem zweiten Fenster")
    footer_button(other, "Entwurf speichern").click()
    expect(other.locator(".messages")).to_contain_text("aktualisiert")
    other.close()

    page.locator("#id_teaser").fill("Aus dem ersten Fenster")
    page.wait_for_timeout(2500)
    footer_button(page, "Entwurf speichern").click()
    confirm = page.locator("#w-save-confirmation-dialog")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text(OTHER_WINDOW)
    confirm.locator("[data-w-dialog-target='confirm'], button[type='button']").filter(
        has_text=re.compile("Entwurf speichern")).first.click()

    expect(page.locator(".messages")).to_contain_text("aktualisiert")
    assert SOMEONE_SAVED not in page.locator(".messages").inner_text()
    expect(page.locator("#w-save-confirmation-dialog")).to_be_hidden()

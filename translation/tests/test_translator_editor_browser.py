"""What a translator sees and clicks in the translation editor, in Chromium (issue 26, points
5 to 8): her main footer button is "Zur Freigabe einreichen" and "In Alias umwandeln" is nowhere;
machine output is marked as not finished (red, with what to do, no green tick); confirming a
placeholder "[EN] …" unchanged is refused in the segment at once; German and English stand
side by side."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser import log_in, quiet_admin_on_sqlite

from .helpers import NOTICE_TITLE, PASSWORD, accounts, build_site, edit_url, english

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(live_server, settings, browser_page):
    quiet_admin_on_sqlite(settings)
    site = build_site()
    accounts()
    page = browser_page
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, "translator-en", PASSWORD)
    page.goto(edit_url(english(site.notice)))
    expect(page.locator(".js-translation-editor li.incomplete").first).to_be_visible()
    return page


def visible_footer(page):
    footers = page.locator("footer").filter(visible=True)
    expect(footers).to_have_count(1)
    return footers.first


def test_the_translators_main_button_is_submitting_for_approval(editor_page):
    page = editor_page
    footer = visible_footer(page)

    main = footer.locator(".w-dropdown-button").first.locator("button").first
    expect(main).to_have_text(re.compile(r"^\s*Zur Freigabe einreichen\s*$"))
    expect(page.get_by_text("In Alias umwandeln")).to_have_count(0)
    expect(page.get_by_text("Synchronisierte Übersetzung stoppen").filter(visible=True)
           ).to_have_count(0)
    # One "Zur Freigabe einreichen", in the footer; the bar at the top only says where it is.
    expect(page.get_by_role("button", name="Zur Freigabe einreichen")).to_have_count(1)

    main.click()
    expect(page.locator(".messages")).to_contain_text("zur Freigabe eingereicht")
    assert "Sie haben leider keinen Zugang" not in page.locator("body").inner_text()


def test_machine_output_is_not_finished_and_a_placeholder_is_refused_when_confirmed(editor_page):
    page = editor_page
    page.get_by_role("button", name=re.compile("Übersetzen mit")).click()
    unchecked = page.locator(".js-translation-editor li.errored")
    expect(unchecked.first).to_be_visible()
    # Not finished: red with a warning sign and what to do, never a green tick or bar.
    assert page.locator(".js-translation-editor li.complete").count() == 0
    assert unchecked.first.locator(".icon--green").count() == 0
    expect(unchecked.first).to_contain_text("Das ist noch der Platzhalter „[EN] …“")

    title = page.locator(".js-translation-editor li").filter(
        has=page.locator(":scope > p", has_text=NOTICE_TITLE)).first
    title.get_by_role("button", name="Bearbeiten").click()
    title.get_by_role("button", name="Speichern").click()

    expect(title).to_contain_text("Das ist noch der Platzhalter „[EN] …“: Ersetzen Sie ihn")
    expect(title).not_to_contain_text("Manuell übersetzt")
    expect(title).to_have_class(re.compile("errored"))

    title.get_by_role("button", name="Bearbeiten").click()
    title.locator("textarea").fill("Funding programme for municipal practice partnerships")
    title.get_by_role("button", name="Speichern").click()
    expect(title).to_have_class(re.compile("complete"))
    expect(title).to_contain_text("Manuell übersetzt am")


def test_german_and_english_stand_side_by_side(editor_page):
    page = editor_page
    segment = page.locator(".js-translation-editor li.incomplete").first
    source = segment.locator(":scope > p").bounding_box()
    translation = segment.locator(":scope > div").bounding_box()

    assert translation["x"] >= source["x"] + source["width"] - 1  # beside, not below
    assert abs(translation["y"] - source["y"]) < 40

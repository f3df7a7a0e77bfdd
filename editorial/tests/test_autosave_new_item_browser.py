"""A new news item in Chromium (issue 26, point 2): the author chooses the lead image before
anything else. Autosave does not pause with a validation error; once she has typed the title,
the first autosave keeps the draft with its image (the alternative text is asked for only when
she submits)."""

import time

import pytest
from playwright.sync_api import expect

from core.factories import ImageFactory
from core.tests.browser import start_watching_edits, wait_until_edits_are_watched
from news.models import NewsPage

from .helpers import build_tree, demo_accounts
from .test_browser_journey import log_in, open_chooser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_image_chosen_first_is_in_the_first_autosaved_draft(
    live_server, browser_page, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    tree = build_tree()
    demo_accounts()
    image = ImageFactory(title="Schattige Bank")
    page = browser_page
    log_in(page, "autorin")
    start_watching_edits(page)
    page.goto(f"/admin/pages/add/news/newspage/{tree.news_index.pk}/")
    wait_until_edits_are_watched(page)

    open_chooser(page, page.get_by_role("button", name="Bild auswählen").first)
    page.locator(".modal-dialog").get_by_text("Schattige Bank").first.click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("Schattige Bank")
    page.wait_for_timeout(2000)  # an autosave would have been sent and refused by now
    expect(page.get_by_text("Automatisches Speichern ist pausiert").first).to_be_hidden()

    page.locator("#id_title").fill("Schatten in der Innenstadt")
    page.keyboard.press("Tab")  # the URL segment follows the title
    page.wait_for_url("**/edit/")
    deadline = time.monotonic() + 15
    while not NewsPage.objects.filter(title="Schatten in der Innenstadt").exists():
        assert time.monotonic() < deadline, "the first autosave created the draft"
        page.wait_for_timeout(250)

    draft = NewsPage.objects.get(title="Schatten in der Innenstadt")
    assert draft.get_latest_revision_as_object().lead_image == image
    expect(page.get_by_text("Automatisches Speichern ist pausiert").first).to_be_hidden()

"""The translation journey in real Chromium.

`translator-en` opens the English translation of the German notice in wagtail-localize's
editor, machine-translates it offline, fixes the title by hand and submits it; `redaktion`
approves it; a reader switches from the German notice to the English one.

The live server flushes the database after the test, so the site, the groups, the workflow
and the accounts are all made here.
"""

import re
import time

import pytest
from django.core import mail
from django.db import connection
from playwright.sync_api import expect
from wagtail_localize.models import StringTranslation

from news.models import NewsPage

from .helpers import NOTICE_INTRO, NOTICE_TITLE, PASSWORD, accounts, build_site, english

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXED_TITLE = "Funding programme for municipal practice partnerships"


@pytest.fixture
def journey_site(live_server, settings):
    if connection.vendor == "sqlite":
        # The in-memory SQLite test database is one connection shared by the live server's
        # threads; background pings of the admin must not race the form posts.
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
        settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    site = build_site()
    accounts()
    return site


def new_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    return context, context.new_page()


def log_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()
    page.wait_for_url("**/admin/")


def segment(page, text):
    """A segment of wagtail-localize's editor, found by its current translation."""
    return page.locator("li").filter(has=page.locator("p", has_text=text)).last


def test_translator_translates_redaktion_approves_reader_switches(
    journey_site, browser_page, chromium, live_server
):
    site = journey_site
    notice_en = english(site.notice)

    # 1. The translator opens the English translation from the English news index …
    translator = browser_page
    log_in(translator, "translator-en")
    translator.goto(f"/admin/pages/{site.news_index_en.pk}/")
    translator.get_by_role("link", name=NOTICE_TITLE).first.click()
    translator.wait_for_url(f"**/admin/pages/{notice_en.pk}/edit/")
    expect(translator.locator(".js-translation-editor")).to_contain_text(NOTICE_INTRO)

    # … and machine-translates it with the offline translator.
    translator.get_by_role("button", name=re.compile("Übersetzen mit|Translate with")).first.click()
    expect(translator.get_by_text(f"[EN] {NOTICE_INTRO}")).to_be_visible()
    title_segment = segment(translator, f"[EN] {NOTICE_TITLE}")
    expect(title_segment).to_be_visible()

    # 2. They fix the title by hand …
    title_segment.get_by_role("button", name=re.compile("Bearbeiten|Edit")).click()
    translator.locator(".js-translation-editor textarea").fill(FIXED_TITLE)
    translator.get_by_role("button", name=re.compile("^(Speichern|Save)$")).click()
    expect(segment(translator, FIXED_TITLE)).to_be_visible()
    expect(translator.get_by_text(re.compile("Speichern…|Saving"))).to_have_count(0)
    # The editor saves the segment in the background; submit only once the server has it.
    deadline = time.monotonic() + 15
    while not StringTranslation.objects.filter(data=FIXED_TITLE).exists():
        assert time.monotonic() < deadline, "the hand-fixed segment never reached the server"
        time.sleep(0.2)

    # … and submit it for approval (they may not publish).
    publish = translator.get_by_role("button", name=re.compile("Veröffentlichen|Publish"))
    expect(publish).to_have_count(0)
    mail.outbox.clear()
    translator.locator("button[name='action'][value='submit']").click()
    expect(translator.locator(".messages")).to_contain_text(FIXED_TITLE)

    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert not notice_en.live
    assert notice_en.workflow_in_progress
    assert notice_en.get_latest_revision_as_object().title == FIXED_TITLE
    assert ["redaktion@example.org"] in [message.to for message in mail.outbox]

    # 3. The Redaktion finds it on the dashboard, opens it and approves it.
    context, editor = new_page(chromium, live_server)
    try:
        log_in(editor, "redaktion")
        row = editor.locator("#editorial-awaiting-my-approval-section").get_by_role(
            "row"
        ).filter(has_text=FIXED_TITLE)
        expect(row).to_contain_text("English")
        row.get_by_role("link", name=re.compile("Prüfen|Review")).click()
        editor.wait_for_url(f"**/admin/pages/{notice_en.pk}/edit/")
        review = editor.locator(".translation-review")
        review.locator("textarea[name='comment']").fill("Danke!")
        review.locator("form[action*='/approve/'] button:not([formaction])").click()
        editor.wait_for_url(f"**/admin/pages/{notice_en.pk}/edit/")
        expect(editor.locator("form[action*='/approve/']")).to_have_count(0)
        expect(editor.locator(".translation-review__status")).to_be_visible()
    finally:
        context.close()

    notice_en = NewsPage.objects.get(pk=notice_en.pk)
    assert notice_en.live
    assert notice_en.title == FIXED_TITLE
    assert ["translator-en@example.org"] in [message.to for message in mail.outbox]

    # 4. A reader switches from the German notice to the English one.
    context, reader = new_page(chromium, live_server)
    try:
        reader.goto(site.notice.url)
        expect(reader.get_by_role("heading", level=1)).to_have_text(NOTICE_TITLE)
        reader.get_by_role("navigation", name="Sprache").get_by_role("link").click()
        reader.wait_for_url(f"**{notice_en.url}")
        assert reader.locator("html").get_attribute("lang") == "en"
        expect(reader.get_by_role("heading", level=1)).to_have_text(FIXED_TITLE)
        expect(reader.get_by_text(f"[EN] {NOTICE_INTRO}")).to_be_visible()
    finally:
        context.close()

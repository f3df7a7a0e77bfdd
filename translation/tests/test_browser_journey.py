"""The translators' journey in real Chromium, from a German news item the Redaktion just published.

`translator-en` finds it under "Zu übersetzen" on the dashboard, opens it and machine-translates
it; submitting is refused while machine segments remain; they fix each segment and submit. The
Redaktion fixes one more segment in the editor and approves: the live English page shows exactly
the Redaktion's final text, at an English address made from the final English title.

The live server flushes the database after the test, so the site, the groups, the workflow
and the accounts are all made here.
"""

import os
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError
from playwright.sync_api import expect
from wagtail.rich_text import RichText
from wagtail_localize.models import SegmentOverride, StringTranslation

from core.tests.browser import log_in as admin_log_in
from core.tests.browser import quiet_admin_on_sqlite
from editorial.publishing import approval_publishes
from news.factories import NewsPageFactory
from news.models import NewsPage

from .helpers import (
    NOTICE_TITLE,
    PASSWORD,
    accounts,
    build_site,
    english,
    publish,
    translate_strings,
    translation_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Zweite Förderrunde für Praxispartnerschaften"
SUBTITLE = "Bewerbungen bis zum 15. Oktober"
BODY = "Kommunen bewerben sich gemeinsam."
BY_TRANSLATOR = {
    TITLE: "Second funding round for practice partnerships",
    SUBTITLE: "Applications until 15 October",
    BODY: "Municipalities apply together.",
}
FINAL_TITLE = "Second funding round for municipal practice partnerships"
FINAL_URL = "/en/news/second-funding-round-for-municipal-practice-partnerships/"


@pytest.fixture
def journey_site(live_server, settings):
    quiet_admin_on_sqlite(settings)
    site = build_site()
    accounts()
    return site


def new_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(20_000)
    return context, context.new_page()


def log_in(page, username):
    admin_log_in(page, username, PASSWORD)


def shoot(page, name):
    """Screenshots for a person to look at, only when SCREENSHOT_DIR is set."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=os.path.join(folder, name), full_page=True)


def segment(page, text):
    """A segment of wagtail-localize's editor, found by its current translation."""
    return page.locator("li").filter(has=page.locator("p", has_text=text)).last


def show_segment(page, text):
    """Open the editor's tab ("Inhalt", "Veröffentlichung") that holds the segment."""
    if segment(page, text).is_visible():
        return
    for name in ("Veröffentlichung", "Inhalt"):
        page.locator("[role=tab]", has_text=name).or_(
            page.get_by_text(name, exact=True)
        ).first.click()
        if segment(page, text).is_visible():
            return


def edit_segment(page, current, new_text):
    """Edit a segment in the editor and wait until the server has stored it."""
    show_segment(page, current)
    segment(page, current).get_by_role("button", name=re.compile("Bearbeiten|Edit")).click()
    page.locator(".js-translation-editor textarea").fill(new_text)
    page.get_by_role("button", name=re.compile("^(Speichern|Save)$")).click()
    expect(segment(page, new_text)).to_be_visible()
    deadline = time.monotonic() + 20
    while not stored(new_text):
        assert time.monotonic() < deadline, f"{new_text!r} never reached the server"
        time.sleep(0.2)


def stored(text):
    """Has the server stored `text` as a person's translation? (On SQLite the live server
    shares one in-memory database and may hold a table lock for a moment: ask again.)"""
    try:
        return StringTranslation.objects.filter(data=text, translation_type="manual").exists()
    except OperationalError:
        return False


def test_from_a_new_german_news_item_to_the_redaktions_final_english_text(
    journey_site, browser_page, chromium, live_server
):
    site = journey_site
    # The Redaktion has just published a German news item: its English draft is waiting.
    redaktion_user = get_user_model().objects.get(username="redaktion")
    news = NewsPageFactory(
        parent=site.news_index, title=TITLE, subtitle=SUBTITLE, slug="zweite-foerderrunde",
        body=[("rich_text", RichText(f"<p>{BODY}</p>"))],
        live=False, first_published_at=None, last_published_at=None,
    )
    with approval_publishes():  # what the Redaktion's "Freigeben" does
        news.save_revision(user=redaktion_user).publish(user=redaktion_user)
    news_en = english(news)
    assert not news_en.live

    # 1. translator-en finds it under "Zu übersetzen" and opens it.
    translator = browser_page
    log_in(translator, "translator-en")
    panel = translator.locator("#work-to-translate-section")
    row = panel.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("in Arbeit")
    expect(row).to_contain_text("0 %")
    shoot(translator, "0-dashboard.png")
    row.get_by_role("link", name=re.compile(TITLE)).click()
    translator.wait_for_url(f"**/admin/pages/{news_en.pk}/edit/")

    # 2. They machine-translate it: every segment is marked as a placeholder to replace.
    translator.get_by_role("button", name=re.compile("Übersetzen mit|Translate with")).first.click()
    for german in BY_TRANSLATOR:
        expect(segment(translator, f"[EN] {german}")).to_be_visible()
    expect(translator.get_by_text(re.compile("Das ist noch der Platzhalter")).first).to_be_visible()
    shoot(translator, "1-machine-translated.png")

    # 3. Submitting is refused while machine segments remain.
    germans = list(
        translation_of(news).source.stringsegment_set.values_list("string__data", flat=True)
    )
    assert set(BY_TRANSLATOR) <= set(germans)
    translator.locator("button[name='action'][value='submit']").click()
    expect(translator.locator(".messages")).to_contain_text(
        f"{len(germans)} Segmente sind noch der Platzhalter „[EN] …“"
    )
    assert not NewsPage.objects.get(pk=news_en.pk).workflow_in_progress

    # 4. They fix every segment by hand, then submit.
    for german in germans:
        edit_segment(
            translator, f"[EN] {german}", BY_TRANSLATOR.get(german, f"In English: {german}")
        )
    translator.locator("button[name='action'][value='submit']").click()
    expect(translator.locator(".messages")).to_contain_text("zur Freigabe eingereicht")
    news_en = NewsPage.objects.get(pk=news_en.pk)
    assert news_en.workflow_in_progress and not news_en.live
    # The URL segment now comes from the English title, and the editor shows it.
    assert news_en.slug == "second-funding-round-for-practice-partnerships"
    show_segment(translator, news_en.slug)
    expect(translator.get_by_text(news_en.slug, exact=True)).to_be_visible()

    # 5. The Redaktion fixes one more segment in the editor and approves.
    context, editor = new_page(chromium, live_server)
    try:
        log_in(editor, "redaktion")
        editor.goto(f"/admin/pages/{news_en.pk}/edit/")
        edit_segment(editor, BY_TRANSLATOR[TITLE], FINAL_TITLE)
        review = editor.locator(".translation-review")
        review.locator("form[action*='/approve/'] button:not([formaction])").click()
        expect(editor.locator(".messages")).to_contain_text(
            "wurde freigegeben und veröffentlicht, Sprache: English"
        )
        shoot(editor, "2-approved.png")
    finally:
        context.close()

    # 6. The live English page shows exactly the Redaktion's final text, at an English URL.
    news_en = NewsPage.objects.get(pk=news_en.pk)
    assert news_en.live and not news_en.has_unpublished_changes
    assert news_en.url == FINAL_URL
    context, reader = new_page(chromium, live_server)
    try:
        reader.goto(FINAL_URL)
        assert reader.url == f"{live_server.url}{FINAL_URL}"
        assert news.slug not in reader.url
        assert reader.locator("html").get_attribute("lang") == "en"
        expect(reader.get_by_role("heading", level=1)).to_have_text(FINAL_TITLE)
        expect(reader.get_by_text(BY_TRANSLATOR[SUBTITLE])).to_be_visible()
        expect(reader.get_by_text(BY_TRANSLATOR[BODY])).to_be_visible()
        expect(reader.get_by_text("[EN]")).to_have_count(0)
        shoot(reader, "3-live-english.png")
    finally:
        context.close()


def test_a_translator_renames_a_live_english_page_and_the_old_address_redirects(
    journey_site, browser_page, chromium, live_server
):
    site = journey_site
    translate_strings(site.notice, translate_text=lambda text: {
        NOTICE_TITLE: "Funding programme for practice partnerships"}.get(text, f"EN: {text}"))
    translation_of(site.notice).save_target(publish=False)
    notice_en = publish(english(site.notice))
    old_url = notice_en.url
    assert old_url == "/en/news/funding-programme-for-practice-partnerships/"

    # translator-en overrides the URL segment on the editor's "Veröffentlichung" tab.
    translator = browser_page
    log_in(translator, "translator-en")
    translator.goto(f"/admin/pages/{notice_en.pk}/edit/")
    show_segment(translator, notice_en.slug)
    segment(translator, notice_en.slug).get_by_role(
        "button", name=re.compile("Bearbeiten|Edit")).click()
    translator.locator(".js-translation-editor textarea").fill("Partnerschaften für Städte")
    translator.get_by_role("button", name=re.compile("^(Speichern|Save)$")).click()
    expect(segment(translator, "Partnerschaften für Städte")).to_be_visible()
    deadline = time.monotonic() + 20
    while not SegmentOverride.objects.filter(data_json__contains="Partnerschaften").exists():
        assert time.monotonic() < deadline, "the new URL segment never reached the server"
        time.sleep(0.2)
    translator.locator("button[name='action'][value='submit']").click()
    expect(translator.locator(".messages")).to_contain_text("zur Freigabe eingereicht")

    # The Redaktion approves; until then readers keep the old address.
    assert english(site.notice).url == old_url
    context, editor = new_page(chromium, live_server)
    try:
        log_in(editor, "redaktion")
        editor.goto(f"/admin/pages/{notice_en.pk}/edit/")
        editor.locator(".translation-review form[action*='/approve/'] "
                       "button:not([formaction])").click()
        expect(editor.locator(".messages")).to_contain_text("freigegeben und veröffentlicht")
    finally:
        context.close()

    # The old address leads readers, permanently, to the new one.
    new_url = "/en/news/partnerschaften-fuer-staedte/"
    assert english(site.notice).url == new_url
    context, reader = new_page(chromium, live_server)
    try:
        response = reader.goto(old_url)
        assert reader.url == f"{live_server.url}{new_url}"
        assert response.request.redirected_from.response().status == 301
        expect(reader.get_by_role("heading", level=1)).to_have_text(
            "Funding programme for practice partnerships")
    finally:
        context.close()

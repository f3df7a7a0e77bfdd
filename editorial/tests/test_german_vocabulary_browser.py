"""The translation editor in Chromium speaks German too: wagtail-localize's script renders its
section title and action menu label in English, which the admin replaces."""

import pytest
from playwright.sync_api import expect

from translation.demo import create_translator_accounts
from translation.tests.helpers import translate

from .helpers import PASSWORD, build_tree, news_live
from .test_browser_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_translator_sees_a_german_translation_editor(live_server, browser_page):
    tree = build_tree()
    create_translator_accounts(PASSWORD)
    page = browser_page
    log_in(page, "translator-en")
    english = translate(news_live(tree.news_index, title="Kühle Räume"), "en")
    page.goto(f"/admin/pages/{english.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor.get_by_role("heading", name="Übersetzung Deutsch → English").first
           ).to_be_visible()
    text = page.locator("body").inner_text() + " ".join(
        page.locator(".w-sr-only").all_inner_texts())
    for english in ("to English translation", "More actions"):
        assert english not in text

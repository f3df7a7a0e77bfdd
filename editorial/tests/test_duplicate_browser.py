"""In Chromium: "Duplizieren" in the news list's "…" menu makes a draft copy in one click and
opens its editor; the related-content chooser there shows only German pages."""

import re

import pytest
from django.db import connection
from playwright.sync_api import expect

from core.factories import translate_page
from news.models import NewsPage

from .helpers import PASSWORD, build_tree, demo_accounts, news_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings):
    if connection.vendor == "sqlite":
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
        settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    tree = build_tree()
    demo_accounts()
    original = news_live(tree.news_index, title="Hitzeschutz in Bonn")
    translate_page(original, "en", title="Heat protection in Bonn")
    return tree


def test_duplizieren_opens_the_draft_copy_with_a_german_only_chooser(site, chromium,
                                                                    live_server):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill("autorin")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Anmelden")).click()

    page.goto(f"/admin/pages/{site.news_index.pk}/")
    row = page.locator("tr", has_text="Hitzeschutz in Bonn")
    row.get_by_role("button", name=re.compile("Weitere Optionen|Mehr")).click()
    row.get_by_role("link", name="Duplizieren").click()

    expect(page.locator(".messages")).to_contain_text("ist ein neuer Entwurf")
    expect(page.locator("#id_title")).to_have_value("Kopie von Hitzeschutz in Bonn")
    copy = NewsPage.objects.get(title="Kopie von Hitzeschutz in Bonn")
    assert page.url.endswith(f"/admin/pages/{copy.pk}/edit/") and not copy.live

    page.locator("#id_related_links-ADD").click()
    page.locator("[id^='inline_child_related_links-0'] [data-chooser-action-choose]").click()
    dialog = page.locator(".modal-content")
    expect(dialog).to_contain_text("Aktuelles")
    dialog.locator("#id_q").fill("Bonn")
    expect(dialog.locator(".page-results")).to_contain_text("Hitzeschutz in Bonn")
    expect(dialog.locator(".page-results")).not_to_contain_text("Heat protection")
    context.close()

"""The last step of the translation journey, in real Chromium: `redaktion` edits the German
notice whose English translation is live and submits it, `redaktion2` approves it (published
again); the "Übersetzungsstatus" report, reached from the dashboard and filtered by status
"veraltet", then shows the English notice as outdated.

The live server flushes the database after the test, so the site, the groups, the workflow and
the accounts are all made here.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from core.tests.browser import footer_action, quiet_admin_on_sqlite
from core.tests.browser import log_in as admin_log_in
from news.models import NewsPage

from ..exchange_support import make_live_notice_en
from ..helpers import NOTICE_TITLE, PASSWORD, accounts, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_TITLE = "Förderprogramm für kommunale Praxispartnerschaften 2022"
OUTDATED = re.compile(r"(veraltet seit|outdated since) \d\d?\.\d\d?\.\d{4}")


@pytest.fixture
def status_site(live_server, settings):
    quiet_admin_on_sqlite(settings)
    site = build_site()
    accounts()
    make_live_notice_en(site)
    return site


def approve_as_second_reviewer(page):
    """What `redaktion2`'s "Freigeben" does (the editor's own journey is in editorial/tests)."""
    state = page.current_workflow_task_state
    state.task.specific.on_action(
        state, get_user_model().objects.get(username="redaktion2"), "approve", comment=""
    )


def log_in(page, username):
    admin_log_in(page, username, PASSWORD)


def notice_row(page, title):
    return page.locator("table.translation-status tbody tr").filter(has_text=title)


def test_a_republished_german_notice_shows_its_english_translation_as_outdated(
    status_site, browser_page
):
    site = status_site
    editor = browser_page
    log_in(editor, "redaktion")

    # Before: the English notice is up to date.
    editor.goto("/admin/reports/translation-status/?language=en")
    english_row = notice_row(editor, NOTICE_TITLE)
    expect(english_row).to_have_attribute("data-status", "up_to_date")

    # The Redaktion edits the German notice and submits it; a second member approves it (four
    # eyes: the Redaktion has no "Veröffentlichen"), and it is published again.
    editor.goto(f"/admin/pages/{site.notice.pk}/edit/")
    editor.locator("#id_title").fill(NEW_TITLE)
    footer_action(editor, r"^\s*(Zur Freigabe einreichen|Submit.*)\s*$")
    editor.wait_for_url(re.compile(r".*/admin/pages/\d+/(edit/)?$"))
    approve_as_second_reviewer(NewsPage.objects.get(pk=site.notice.pk))
    notice = NewsPage.objects.get(pk=site.notice.pk)
    assert notice.title == NEW_TITLE and notice.live and not notice.has_unpublished_changes

    # From the dashboard to the report, filtered by status "veraltet".
    editor.goto("/admin/")
    panel = editor.locator("#translation-status-section")
    outdated_link = re.compile("Veraltete Übersetzungen|Outdated translations")
    panel.get_by_role("link", name=outdated_link).click()
    editor.wait_for_url("**/admin/reports/translation-status/?status=outdated")
    rows = editor.locator("table.translation-status tbody tr")
    expect(rows).to_have_count(1)
    outdated = notice_row(editor, NEW_TITLE)
    expect(outdated).to_have_attribute("data-status", "outdated")
    expect(outdated).to_have_attribute("data-language", "en")
    expect(outdated.locator(".translation-status__status")).to_have_text(OUTDATED)

    # The filter in the report's own drill-down gives the same.
    editor.goto("/admin/reports/translation-status/")
    expect(editor.locator("table.translation-status tbody tr")).to_have_count(4)
    editor.get_by_role("button", name=re.compile("Filter anzeigen|Show filters")).click()
    editor.locator("#filters-drilldown button.w-drilldown__toggle").filter(
        has_text="Status").click()
    editor.get_by_role("radio", name=re.compile("^(veraltet|outdated)$")).check()
    expect(editor.locator("table.translation-status tbody tr")).to_have_count(1)
    expect(notice_row(editor, NEW_TITLE)).to_have_attribute("data-status", "outdated")

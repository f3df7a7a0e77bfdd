"""The import of a tx_news archive into the site (`manage.py import_typo3`).

One record at a time, each in its own transaction: a German news item (`sys_language_uid` 0)
becomes a news page below the German news index; a translation (`l10n_parent`) becomes the
English page of the same translation key, made through wagtail-localize (its source, its
strings, its saved target), so the Übersetzungsstatus shows it up to date with its source.
Categories become topic hubs, files images and documents (once per checksum).

What each record was made from is kept as a fingerprint (`ImportedRecord`): a re-run writes
only what changed. Links to records imported later in the same run are settled in a second
pass.
"""

import datetime
import hashlib
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from core.forms import german_slugify
from core.models import Author
from news.models import NewsIndexPage, NewsPage, NewsPageRelatedLink
from topics.models import TopicIndexPage, TopicPage

from .cleaning import Converter, parse_t3, text_blocks
from .models import ImportedRecord
from .source import NEWS_TABLE, SourceError

IMPORT_USERNAME = "typo3-import"
KNOWN_CTYPES = {"text", "textmedia", "textpic", "image", "html", "uploads", "bullets", "table",
                "header"}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
TABLE_NAMES = {
    "news": NEWS_TABLE, "category": "sys_category", "category_mm": "sys_category_record_mm",
    "related": "tx_news_domain_model_news_related_mm", "link": "tx_news_domain_model_link",
    "content": "tt_content", "file": "sys_file", "metadata": "sys_file_metadata",
    "reference": "sys_file_reference", "tag": "tx_news_domain_model_tag",
    "tag_mm": "tx_news_domain_model_news_tag_mm",
}
# Every query the import sends; table names are filled in quoted (`Importer.sql`), values are
# always parameters.
QUERIES = {
    "importable": "SELECT uid FROM {news} WHERE deleted = 0 AND sys_language_uid = 0",
    "count": "SELECT COUNT(*) AS n FROM {news}",
    "originals": "SELECT * FROM {news} WHERE sys_language_uid = 0 ORDER BY uid",
    "translations": "SELECT * FROM {news} WHERE sys_language_uid <> 0 "
                    "ORDER BY sys_language_uid, uid",
    "one_news": "SELECT * FROM {news} WHERE uid = %s",
    "present": "SELECT uid FROM {news} WHERE deleted = 0",
    "categories": "SELECT * FROM {category} WHERE deleted = 0 ORDER BY sys_language_uid, uid",
    "file": "SELECT * FROM {file} WHERE uid = %s",
    "file_by_identifier": "SELECT uid FROM {file} WHERE identifier = %s",
    "metadata": "SELECT * FROM {metadata} WHERE file = %s ORDER BY sys_language_uid",
}
# The same, for a batch of records at once (`{marks}`: one placeholder per uid).
BATCH_QUERIES = {
    "references": (
        "SELECT * FROM {reference} WHERE tablenames = %s AND uid_foreign IN ({marks}) "
        "AND deleted = 0 AND hidden = 0 ORDER BY uid_foreign, sorting_foreign, uid"),
    "metadata": ("SELECT * FROM {metadata} WHERE file IN ({marks}) "
                 "ORDER BY file, sys_language_uid, uid"),
    "categories": (
        "SELECT mm.uid_foreign AS news, mm.uid_local AS uid FROM {category_mm} mm "
        "JOIN {category} c ON c.uid = mm.uid_local WHERE mm.tablenames = %s "
        "AND mm.fieldname = 'categories' AND c.deleted = 0 AND mm.uid_foreign IN ({marks}) "
        "ORDER BY mm.uid_foreign, mm.sorting_foreign, mm.uid_local"),
    "related": ("SELECT uid_local, uid_foreign FROM {related} WHERE uid_local IN ({marks}) "
                "ORDER BY uid_local, sorting, uid_foreign"),
    "links": ("SELECT * FROM {link} WHERE deleted = 0 AND hidden = 0 AND parent IN ({marks}) "
              "ORDER BY parent, sorting, uid"),
    "content": ("SELECT * FROM {content} WHERE deleted = 0 AND hidden = 0 "
                "AND tx_news_related_news IN ({marks}) "
                "ORDER BY tx_news_related_news, sorting, uid"),
    "tags": ("SELECT mm.uid_local AS news, t.title FROM {tag_mm} mm JOIN {tag} t "
             "ON t.uid = mm.uid_foreign WHERE t.deleted = 0 AND mm.uid_local IN ({marks}) "
             "ORDER BY mm.uid_local, mm.sorting, t.uid"),
}
BATCH = 200


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    failures: list = field(default_factory=list)
    dry_run: bool = False

    def count(self, kind, outcome, number=1):
        self.counts.setdefault(kind, {}).setdefault(outcome, 0)
        self.counts[kind][outcome] += number

    def warn(self, table, uid, message):
        entry = {"table": table, "uid": uid, "message": message}
        if entry not in self.warnings:
            self.warnings.append(entry)

    def fail(self, table, uid, reason):
        self.failures.append({"table": table, "uid": uid, "reason": reason})

    def as_dict(self):
        return {"dry_run": self.dry_run, "counts": self.counts, "warnings": self.warnings,
                "failures": self.failures}


def import_user():
    user, _created = get_user_model().objects.get_or_create(
        username=IMPORT_USERNAME,
        defaults={"first_name": "TYPO3", "last_name": "Import", "is_active": False},
    )
    return user


def fingerprint(*parts):
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def as_datetime(value):
    return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC) if value else None


class Links:
    """Answers the links of one record: imported news and files become internal links, other
    TYPO3 pages absolute links to the old site."""

    def __init__(self, importer, table, uid, language):
        self.importer, self.table, self.uid, self.language = importer, table, uid, language
        self.waiting = False  # a link to a news item not imported yet

    def warn(self, message):
        self.importer.report.warn(self.table, self.uid, message)

    def anchor(self, href, inner):
        href = html.unescape(href or "").strip()
        target = parse_t3(href)
        if target is not None:
            kind, uid = target
            if kind == "news":
                page = self.importer.news_page(uid, self.language)
                if page is not None:
                    return f'<a id="{page.pk}" linktype="page">{inner}</a>'
                if self.importer.will_import(uid):
                    self.waiting = True
                    return inner
                return self.old_site(f"?tx_news_pi1[news]={uid}", inner,
                                     f"link to news item {uid}, which is not imported")
            if kind == "file":
                document = self.importer.document_for_file(uid, self.table, self.uid)
                if document is not None:
                    return f'<a id="{document.pk}" linktype="document">{inner}</a>'
                self.warn(f"link to file {uid} removed: the file is missing")
                return inner
            return self.old_site(f"index.php?id={uid}", inner,
                                 f"link to TYPO3 page {uid} points at the old site")
        if href.startswith(("http://", "https://", "mailto:")):
            return f'<a href="{html.escape(href)}">{inner}</a>'
        if href.startswith(("fileadmin/", "/fileadmin/")):
            document = self.importer.document_for_identifier(href.split("fileadmin", 1)[1],
                                                            self.table, self.uid)
            if document is not None:
                return f'<a id="{document.pk}" linktype="document">{inner}</a>'
        if href:
            return self.old_site(href.lstrip("/"), inner, f"relative link {href}")
        return inner

    def image(self, src, alt):
        """An image block for an <img> in the text, from its file under fileadmin/."""
        identifier = html.unescape(src or "").split("fileadmin", 1)
        if len(identifier) != 2:
            self.warn(f"image {src} is not in fileadmin/: removed")
            return None
        rows = self.importer.rows("file_by_identifier", ("/" + identifier[1].lstrip("/"),))
        image = self.importer.image_for_file(rows[0]["uid"], self.table, self.uid) if rows \
            else None
        if image is None:
            if not rows:
                self.warn(f"image {src} is not in sys_file: removed")
            return None
        if not alt.strip() and not image.description:
            self.warn(f"image {src} in the text has no alternative text")
        return {"image": image, "alt_text": alt.strip()[:255], "decorative": False,
                "caption": "", "credit": ""}

    def old_site(self, path, inner, message):
        old_site = self.importer.old_site
        if not old_site:
            self.warn(f"{message}; removed (no --old-site given)")
            return inner
        self.warn(message)
        url = f"{old_site.rstrip('/')}/{path}"
        return f'<a href="{html.escape(url)}">{inner}</a>'


class Importer:
    def __init__(self, source, public_root, *, languages=None, detail_paths=None, old_site="",
                 dry_run=False, as_drafts=False, category_map=None, progress=None, label=None):
        self.source = source
        self.public_root = Path(public_root)
        self.languages = languages or {0: "de", 1: "en"}
        self.detail_paths = detail_paths or {}
        self.old_site = old_site
        self.dry_run = dry_run
        self.as_drafts = as_drafts
        self.category_map = category_map or {}
        self.progress = progress
        self.label = label or source.name
        self.report = Report(dry_run=dry_run)
        self.now = timezone.now()
        self.metadata_rows = {}

    # --- Set-up -----------------------------------------------------------------------

    def check(self):
        if not (self.public_root / "fileadmin").is_dir():
            raise SourceError(_(
                "--public-root %(path)s holds no fileadmin/ folder: give the TYPO3 web root "
                "(the folder that contains fileadmin/).") % {"path": self.public_root})
        self.source.check()
        self.locales = {}
        for code in self.languages.values():
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:
                raise SourceError(_("The site has no language “%(code)s”.") % {"code": code})
            self.locales[code] = locale
        self.source_language = self.languages.get(0, "de")
        german = self.locales[self.source_language]
        self.news_index = NewsIndexPage.objects.filter(locale=german).first()
        if self.news_index is None:
            raise SourceError(_("The site has no news index (“Aktuelles”) in the source "
                                "language to import into."))
        self.topic_index = TopicIndexPage.objects.filter(locale=german).first()
        self.news_columns = self.source.columns(NEWS_TABLE)
        self.tables = self.source.tables()

    def run(self):
        self.check()
        self.collection = Collection.get_first_root_node()
        if not self.dry_run:
            self._run()  # each record in a transaction of its own
            return self.report
        with transaction.atomic():  # checked and made, then all of it rolled back
            self._run()
            transaction.set_rollback(True)
        return self.report

    def _run(self):
        self.user = import_user()
        self.importable = {row["uid"] for row in self.rows("importable")}
        self.import_categories()
        total = self.rows("count")[0]["n"]
        done = 0
        waiting = []
        for batch in self.batches(self.source.stream(self.sql("originals"))):
            for row in batch:
                if self.import_news(row) == "waiting":
                    waiting.append(row["uid"])
                done += 1
                self.show_progress(done, total)
        # Links to items imported later in the run; before the translations are made, so
        # that they are made from the German pages as they stay.
        for uid in waiting:
            for row in self.rows("one_news", (uid,)):
                self.import_news(row, second_pass=True)
        for batch in self.batches(self.source.stream(self.sql("translations"))):
            for row in batch:
                self.import_news(row)
                done += 1
                self.show_progress(done, total)
        self.report_disappeared()

    # --- Lookups ------------------------------------------------------------------------

    def record(self, kind, uid, language):
        return ImportedRecord.objects.filter(source=self.label, kind=kind, uid=uid,
                                             language=language).first()

    def news_page(self, uid, language):
        """The page of news item `uid` in `language` (its translation if there is one)."""
        found = self.record(ImportedRecord.Kind.NEWS, uid, self.source_language)
        if found is None or found.page_id is None:
            return None
        if language != self.source_language:
            translated = found.page.get_translation_or_none(self.locales[language])
            if translated is not None:
                return translated
        return found.page

    def will_import(self, uid):
        return uid in self.importable

    def batches(self, rows):
        """The rows in batches of `BATCH`, with what each record is made from read for the
        whole batch at once (`gather`); memory holds one batch."""
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                self.prepare(batch)
                yield batch
                batch = []
        if batch:
            self.prepare(batch)
            yield batch

    def prepare(self, rows):
        self.prepared = self.gather_all(rows)
        self.known = {(record.uid, record.language): record for record in
                      ImportedRecord.objects.filter(
                          source=self.label, kind=ImportedRecord.Kind.NEWS,
                          uid__in=[row["uid"] for row in rows]).select_related("page")}

    def show_progress(self, done, total):
        if self.progress:
            self.progress(done, total)

    def sql(self, name, queries=QUERIES, **extra):
        """One of `QUERIES`, with the table names quoted for the source's dialect."""
        return queries[name].format(**{key: self.source.q(table)
                                       for key, table in TABLE_NAMES.items()}, **extra)

    def grouped(self, name, key, uids, *params):
        """{uid: rows} of a batch query for `uids`."""
        result = {uid: [] for uid in uids}
        if not uids:
            return result
        sql = self.sql(name, BATCH_QUERIES, marks=", ".join(["%s"] * len(uids)))
        for row in self.source.fetch(sql, (*params, *uids)):
            result.setdefault(row[key], []).append(row)
        return result

    def rows(self, name, params=()):
        return self.source.fetch(self.sql(name), params)

    def language_of(self, row):
        return self.languages.get(int(row.get("sys_language_uid") or 0))

    # --- Categories ------------------------------------------------------------------------

    def import_categories(self):
        if "sys_category" not in self.tables or self.topic_index is None:
            return
        for row in self.rows("categories"):
            language = self.language_of(row)
            if language is None or not (row.get("title") or "").strip():
                continue
            try:
                with transaction.atomic():
                    self.import_category(row, language)
            except Exception as error:
                self.report.fail("sys_category", row["uid"], str(error))

    def import_category(self, row, language):
        title = row["title"].strip()
        known = self.record(ImportedRecord.Kind.CATEGORY, row["uid"], language)
        if known is not None and known.page_id:
            self.report.count("topics", "unchanged")
            return
        if language == self.source_language:
            mapped = self.category_map.get(title) or self.category_map.get(str(row["uid"]))
            topic = (TopicPage.objects.filter(locale=self.locales[language])
                     .filter(title__iexact=mapped or title).first())
            if topic is None and mapped:
                topic = TopicPage.objects.filter(locale=self.locales[language],
                                                 slug=mapped).first()
            if topic is None:
                topic = TopicPage(title=title, slug=self.slug_for(self.topic_index, title),
                                  owner=self.user)
                self.topic_index.add_child(instance=topic)
                log(instance=topic, action="wagtail.create", user=self.user)
                self.publish(topic, live=not self.as_drafts)
                self.report.count("topics", "created")
            else:
                self.report.count("topics", "mapped")
        else:
            parent = self.record(ImportedRecord.Kind.CATEGORY, row.get("l10n_parent"),
                                 self.source_language)
            if parent is None or parent.page_id is None:
                self.report.warn("sys_category", row["uid"],
                                 "translation of a category that was not imported")
                return
            existing = parent.page.get_translation_or_none(self.locales[language])
            if existing is not None and existing.live:
                # A hub the category was mapped to, translated on the site already: kept.
                topic = existing
                self.report.count("topics", "mapped")
            else:
                topic = self.translate(parent.page.specific, language, {"title": title},
                                       table="sys_category", uid=row["uid"], slug=None,
                                       live=not self.as_drafts)
                self.report.count("topics", "translated")
        ImportedRecord.objects.update_or_create(
            source=self.label, kind=ImportedRecord.Kind.CATEGORY, uid=row["uid"],
            language=language, defaults={"page": topic, "fingerprint": fingerprint(row)})

    def topic_pages(self):
        """{category uid: topic hub id} of the categories imported so far."""
        if getattr(self, "_topic_pages", None) is None:
            self._topic_pages = dict(ImportedRecord.objects.filter(
                source=self.label, kind=ImportedRecord.Kind.CATEGORY,
                language=self.source_language, page__isnull=False,
            ).values_list("uid", "page_id"))
        return self._topic_pages

    # --- Files ---------------------------------------------------------------------------

    def file_row(self, uid):
        rows = self.rows("file", (uid,))
        return rows[0] if rows else None

    def metadata(self, file_uid, language):
        if "sys_file_metadata" not in self.tables:
            return {}
        rows = self.metadata_rows.get(file_uid)
        if rows is None:
            rows = self.rows("metadata", (file_uid,))
        chosen = {}
        for row in rows:
            if self.language_of(row) in (self.source_language, language):
                chosen = row if not chosen or self.language_of(row) == language else chosen
        return chosen

    def path_of(self, file_row):
        return self.public_root / "fileadmin" / file_row["identifier"].lstrip("/")

    def image_for_file(self, file_uid, table, uid, metadata=None):
        file_row = self.file_row(file_uid)
        if file_row is None or not self.path_of(file_row).is_file():
            self.report.warn(table, uid, f"file {file_uid} "
                             f"({file_row['identifier'] if file_row else '?'}) is missing")
            return None
        known = self.record(ImportedRecord.Kind.FILE, file_uid, "")
        if known is not None and known.image_id:
            return known.image
        image_model = get_image_model()
        checksum = file_checksum(self.path_of(file_row))
        image = image_model.objects.filter(file_hash=checksum).first()
        if image is None:
            if self.dry_run:
                self.report.count("images", "created")
                return None
            metadata = metadata or {}
            with self.path_of(file_row).open("rb") as handle:
                image = image_model(
                    title=(metadata.get("title") or file_row["name"])[:255],
                    description=(metadata.get("alternative") or "")[:255],
                    collection=self.collection, uploaded_by_user=self.user,
                    file=File(handle, name=file_row["name"]), file_hash=checksum)
                image.save()
            self.report.count("images", "created")
        else:
            self.report.count("images", "reused")
        ImportedRecord.objects.update_or_create(
            source=self.label, kind=ImportedRecord.Kind.FILE, uid=file_uid, language="",
            defaults={"image": image, "fingerprint": checksum})
        return image

    def document_for_file(self, file_uid, table, uid, title=""):
        file_row = self.file_row(file_uid)
        if file_row is None or not self.path_of(file_row).is_file():
            self.report.warn(table, uid, f"file {file_uid} "
                             f"({file_row['identifier'] if file_row else '?'}) is missing")
            return None
        known = self.record(ImportedRecord.Kind.FILE, file_uid, "")
        if known is not None and known.document_id:
            return known.document
        document_model = get_document_model()
        checksum = file_checksum(self.path_of(file_row))
        document = document_model.objects.filter(file_hash=checksum).first()
        if document is None:
            if self.dry_run:
                self.report.count("documents", "created")
                return None
            with self.path_of(file_row).open("rb") as handle:
                document = document_model(
                    title=(title or file_row["name"])[:255], collection=self.collection,
                    uploaded_by_user=self.user, file=File(handle, name=file_row["name"]),
                    file_hash=checksum)
                document.save()
            self.report.count("documents", "created")
        else:
            self.report.count("documents", "reused")
        ImportedRecord.objects.update_or_create(
            source=self.label, kind=ImportedRecord.Kind.FILE, uid=file_uid, language="",
            defaults={"document": document, "fingerprint": checksum})
        return document

    def document_for_identifier(self, identifier, table, uid):
        rows = self.rows("file_by_identifier", ("/" + identifier.lstrip("/"),))
        return self.document_for_file(rows[0]["uid"], table, uid) if rows else None

    def image_block(self, reference, language, table, uid):
        metadata = self.metadata(reference["uid_local"], language)
        image = self.image_for_file(reference["uid_local"], table, uid, metadata)
        alt = (reference.get("alternative") or metadata.get("alternative") or "").strip()
        if image is not None and not alt and not image.description:
            self.report.warn(table, uid, f"image {reference['uid_local']} has no alternative "
                             "text")
        return image, {
            "image": image, "alt_text": alt[:255], "decorative": False,
            "caption": (reference.get("description") or metadata.get("description")
                        or "").strip()[:500],
            "credit": (metadata.get("copyright") or "").strip()[:255],
        }

    # --- News ----------------------------------------------------------------------------

    def import_news(self, row, second_pass=False):
        uid = row["uid"]
        language = self.language_of(row)
        if row.get("deleted"):
            self.report.count("pages", "skipped")
            return None
        if language is None:
            self.report.warn(NEWS_TABLE, uid, f"language {row.get('sys_language_uid')} is not "
                             "imported (see --languages)")
            self.report.count("pages", "skipped")
            return None
        if (row.get("fe_group") or "").strip() not in ("", "0"):
            self.report.warn(NEWS_TABLE, uid, "access-restricted (fe_group): skipped")
            self.report.count("pages", "skipped")
            return None
        if not (row.get("title") or "").strip():
            self.report.fail(NEWS_TABLE, uid, "empty title")
            return None
        kind = "pages" if language == self.source_language else "translations"
        try:
            with transaction.atomic():
                return self._import_news(row, language, kind, second_pass)
        except Exception as error:
            self.report.fail(NEWS_TABLE, uid, f"{type(error).__name__}: {error}")
            return None

    def gather_all(self, rows):
        """{uid: everything the news item is made from}, read from the source for all `rows`
        with one query per kind of related row."""
        uids = [row["uid"] for row in rows]
        has = self.tables.__contains__

        def grouped(name, key, table, *params):
            return self.grouped(name, key, uids, *params) if has(table) else {}

        references = grouped("references", "uid_foreign", "sys_file_reference", NEWS_TABLE)
        categories = grouped("categories", "news", "sys_category_record_mm", NEWS_TABLE)
        related = grouped("related", "uid_local", TABLE_NAMES["related"])
        links = grouped("links", "parent", TABLE_NAMES["link"])
        content = grouped("content", "tx_news_related_news", "tt_content")
        tags = grouped("tags", "news", TABLE_NAMES["tag_mm"]) if has(TABLE_NAMES["tag"]) else {}
        elements = [element["uid"] for found in content.values() for element in found]
        content_refs = self.grouped("references", "uid_foreign", elements, "tt_content") \
            if elements and has("sys_file_reference") else {}
        file_uids = sorted({ref["uid_local"] for found in [*references.values(),
                                                            *content_refs.values()]
                            for ref in found})
        self.metadata_rows = (self.grouped("metadata", "file", file_uids)
                              if has("sys_file_metadata") else {})
        topic_pages = self.topic_pages()
        gathered = {}
        for row in rows:
            uid, language = row["uid"], self.language_of(row)
            refs = references.get(uid, [])
            data = {"row": row}
            data["media"] = [ref for ref in refs if ref["fieldname"] == "fal_media"]
            data["files"] = [ref for ref in refs if ref["fieldname"] == "fal_related_files"]
            data["metadata"] = [self.metadata(ref["uid_local"], language)
                                for ref in data["media"] + data["files"]]
            data["categories"] = categories.get(uid, [])
            data["topics"] = [topic_pages[category["uid"]] for category in data["categories"]
                              if category["uid"] in topic_pages]
            data["related"] = related.get(uid, [])
            data["links"] = links.get(uid, [])
            data["content"] = content.get(uid, [])
            data["tags"] = tags.get(uid, [])
            data["content_refs"] = [content_refs.get(element["uid"], [])
                                    for element in data["content"]]
            gathered[uid] = data
        return gathered

    def build_fields(self, data, language, links):
        row = data["row"]
        uid = row["uid"]
        converter = Converter(links, lambda message: self.report.warn(NEWS_TABLE, uid, message))
        body = []
        news_type = str(row.get("type") or "0")
        if news_type in ("1", "2"):
            target = (row.get("externalurl") if news_type == "2"
                      else f"t3://page?uid={row.get('internalurl') or 0}")
            label = html.escape(row["title"])
            body.append(("rich_text", RichText(f"<p>{links.anchor(target, label)}</p>")))
            self.report.warn(NEWS_TABLE, uid, f"type {news_type} item (a link only) became a "
                             "page that links to its target")
        for name, value in converter.blocks(row.get("bodytext")):
            body.append((name, RichText(value) if name == "rich_text" else value))
        media = data["media"]
        preview = next((ref for ref in media if ref.get("showinpreview")), media[0] if media
                       else None)
        fields = {"lead_image": None, "lead_image_alt": "", "lead_image_caption": "",
                  "lead_image_credit": ""}
        for reference in media:
            image, block = self.image_block(reference, language, NEWS_TABLE, uid)
            if reference is preview:
                fields.update(lead_image=image, lead_image_alt=block["alt_text"],
                              lead_image_caption=block["caption"],
                              lead_image_credit=block["credit"])
            elif image is not None:
                body.append(("image", block))
        for element, refs in zip(data["content"], data["content_refs"], strict=True):
            body.extend(self.content_blocks(element, refs, language, converter))
        for reference in data["files"]:
            document = self.document_for_file(reference["uid_local"], NEWS_TABLE, uid,
                                              reference.get("title") or "")
            if document is not None:
                body.append(("document", {"document": document,
                                          "title": (reference.get("title") or "")[:255]}))
        if data["links"]:
            body.append(("related_links", {"heading": "", "links": [
                {"page": None, "url": link["uri"], "title": (link.get("title") or
                                                             link["uri"])[:255]}
                for link in data["links"] if (link.get("uri") or "").startswith("http")]}))
        keywords = [word.strip() for word in (row.get("keywords") or "").split(",")]
        keywords += [tag["title"].strip() for tag in data["tags"] if tag.get("title")]
        fields["search_keywords"] = ", ".join(dict.fromkeys(
            word for word in keywords if word))[:500]
        subtitle = (row.get("alternative_title") or "").strip()
        fields.update(
            title=row["title"].strip()[:255],
            subtitle=subtitle[:255],
            teaser=" ".join((row.get("teaser") or "").split())[:400],
            search_description=(row.get("description") or "").strip(),
            date=timezone.localdate(as_datetime(row.get("datetime")) or self.now),
            body=body,
        )
        return fields

    def content_blocks(self, element, refs, language, converter):
        ctype = element.get("CType") or ""
        uid = element["uid"]
        blocks = []
        if ctype not in KNOWN_CTYPES:
            self.report.warn("tt_content", uid, f"unknown content element “{ctype}” skipped")
            return blocks
        header = (element.get("header") or "").strip()
        if header:
            blocks.append(("heading", {"text": header[:255], "level": "h2"}))
        text = element.get("bodytext") or ""
        if ctype in ("text", "textmedia", "textpic", "html"):
            if ctype == "html":
                self.report.warn("tt_content", uid, "HTML content element cleaned")
            for name, value in converter.blocks(text):
                blocks.append((name, RichText(value) if name == "rich_text" else value))
        elif ctype == "bullets":
            items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in
                            text.splitlines() if line.strip())
            if items:
                blocks.append(("rich_text", RichText(f"<ul>{items}</ul>")))
        elif ctype == "table":
            rows = [" | ".join(cell.strip() for cell in line.split("|"))
                    for line in text.splitlines() if line.strip()]
            blocks.append(("rich_text", RichText(text_blocks("\n".join(rows)))))
            self.report.warn("tt_content", uid, "table turned into paragraphs")
        for reference in refs:
            file_row = self.file_row(reference["uid_local"])
            if file_row and file_row.get("mime_type") in IMAGE_TYPES:
                image, block = self.image_block(reference, language, "tt_content", uid)
                if image is not None:
                    blocks.append(("image", block))
            elif file_row is not None:
                document = self.document_for_file(reference["uid_local"], "tt_content", uid)
                if document is not None:
                    blocks.append(("document", {"document": document,
                                                "title": (reference.get("title") or "")[:255]}))
        return blocks

    def _import_news(self, row, language, kind, second_pass):
        uid = row["uid"]
        prepared = getattr(self, "prepared", {})
        data = prepared.get(uid) if not second_pass else None
        if data is None:
            data = self.gather_all([row])[uid]
        print_ = fingerprint(data, self.as_drafts)
        known = None if second_pass else getattr(self, "known", {}).get((uid, language))
        if known is None:
            known = self.record(ImportedRecord.Kind.NEWS, uid, language)
        if known is not None and known.page_id and known.fingerprint == print_:
            self.report.count(kind, "unchanged")
            return "unchanged"
        links = Links(self, NEWS_TABLE, uid, language)
        fields = self.build_fields(data, language, links)
        live, go_live, expire = self.schedule(row)
        slug_source = (row.get("path_segment") or "").strip()
        if language == self.source_language:
            page = self.save_german(known, fields, data, live, go_live, expire, slug_source, row)
        else:
            parent = self.record(ImportedRecord.Kind.NEWS, row.get("l10n_parent"),
                                 self.source_language)
            if parent is None or parent.page_id is None:
                self.report.warn(NEWS_TABLE, uid, "translation of an item that was not "
                                 f"imported ({row.get('l10n_parent')}): skipped")
                self.report.count(kind, "skipped")
                return None
            page = self.translate(parent.page.specific, language, fields, table=NEWS_TABLE,
                                  uid=uid, slug=slug_source, live=live, go_live=go_live,
                                  expire=expire, first_published=as_datetime(
                                      row.get("datetime") or row.get("crdate")))
        if not second_pass:
            self.report.count(kind, "updated" if known else "created")
        ImportedRecord.objects.update_or_create(
            source=self.label, kind=ImportedRecord.Kind.NEWS, uid=uid, language=language,
            defaults={"page": page, "fingerprint": "" if links.waiting else print_})
        if page is not None and not self.dry_run:
            self.redirect(page, slug_source, language)
        return "waiting" if links.waiting and not second_pass else "done"

    def schedule(self, row):
        """(live, go_live_at, expire_at) of a record."""
        start, end = as_datetime(row.get("starttime")), as_datetime(row.get("endtime"))
        if end is not None and end <= self.now:
            self.report.warn(NEWS_TABLE, row["uid"], "expired (endtime passed): imported as "
                             "a draft")
            return False, None, None
        if row.get("hidden"):
            return False, None, None
        if self.as_drafts:
            return False, start if start and start > self.now else None, end
        return True, start if start and start > self.now else None, end

    def slug_for(self, parent, text, page=None):
        base = german_slugify(text) or "meldung"
        base = base[:240]
        slug, number = base, 1
        siblings = parent.get_children()
        if page is not None and page.pk:
            siblings = siblings.exclude(pk=page.pk)
        while siblings.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def save_german(self, known, fields, data, live, go_live, expire, slug_source, row):
        page = known.page.specific if known is not None and known.page_id else None
        created = page is None
        if created:
            page = NewsPage(owner=self.user, locale=self.locales[self.source_language])
        for name, value in fields.items():
            setattr(page, name, value)
        page.go_live_at, page.expire_at = go_live, expire
        author_name = (row.get("author") or "").strip()
        if author_name:
            page.byline = Author.objects.get_or_create(
                name=author_name[:255], locale=self.locales[self.source_language],
                defaults={"kind": Author.Kind.PERSON})[0]
        if created:
            page.slug = self.slug_for(self.news_index, slug_source or fields["title"])
            if slug_source and page.slug != slugify(slug_source):
                self.report.warn(NEWS_TABLE, row["uid"], f"slug “{slug_source}” became "
                                 f"“{page.slug}”")
            if live:
                page.first_published_at = as_datetime(row.get("datetime") or row.get("crdate"))
            page.live = False
            self.news_index.add_child(instance=page)
            log(instance=page, action="wagtail.create", user=self.user)
        page.topics.set(data["topics"])
        page.related_links.clear()
        for position, related in enumerate(data["related"]):
            target = self.news_page(related["uid_foreign"], self.source_language)
            if target is not None:
                page.related_links.add(NewsPageRelatedLink(related_page=target,
                                                           sort_order=position))
        self.publish(page, live=live)
        return page

    def publish(self, page, live):
        revision = page.save_revision(user=self.user, log_action=True)
        if live:
            revision.publish(user=self.user, skip_permission_checks=True)
            page.refresh_from_db()
        return page

    def translate(self, source_page, language, fields, *, table, uid, slug, live, go_live=None,
                  expire=None, first_published=None):
        """The translation of `source_page` into `language` with `fields`, made through
        wagtail-localize's translation of the source page."""
        from .translating import save_translation

        return save_translation(self, source_page, self.locales[language], fields, table=table,
                                uid=uid, slug=slug, live=live, go_live=go_live, expire=expire,
                                first_published=first_published)

    # --- Redirects and bookkeeping ----------------------------------------------------------

    def redirect(self, page, slug, language):
        detail = self.detail_paths.get(language)
        if not detail or not slug:
            return
        old_path = Redirect.normalise_path(f"/{detail.strip('/')}/{slug}")
        site = page.get_site()
        new_path = Redirect.normalise_path(page.relative_url(site) or "")
        if old_path == new_path:
            return
        existing = Redirect.objects.filter(old_path=old_path, site=site).first()
        if existing is not None:
            if existing.redirect_page_id == page.pk:
                self.report.count("redirects", "unchanged")
                return
            existing.redirect_page, existing.redirect_link = page, ""
            existing.save()
            self.report.count("redirects", "updated")
            return
        Redirect.objects.create(old_path=old_path, site=site, redirect_page=page,
                                is_permanent=True)
        self.report.count("redirects", "created")

    def report_disappeared(self):
        present = {row["uid"] for row in self.rows("present")}
        for record in ImportedRecord.objects.filter(source=self.label,
                                                    kind=ImportedRecord.Kind.NEWS):
            if record.uid not in present:
                self.report.warn(NEWS_TABLE, record.uid, "no longer in the source (deleted "
                                 "there); the page is kept")
                self.report.count("pages", "disappeared")


def file_checksum(path):
    """SHA-1 of a file's content, as Wagtail keeps it in `file_hash`."""
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()

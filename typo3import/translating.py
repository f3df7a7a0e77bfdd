"""A TYPO3 translation becomes a translation in wagtail-localize's workflow.

The German page is read as a translation source (its strings), the English record's texts are
laid over the German page's own structure (same block ids where the blocks line up) and
extracted the same way, and each English string is stored as the manual translation of the
German string at the same place. wagtail-localize then saves the translated page from the
source and those strings, as when a translator presses "Speichern": the page shares the German
page's translation key, and the Übersetzungsstatus shows it up to date with its source until
the German page changes. The English record's `path_segment` is the slug's override.
"""

import json
import re

from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.forms import german_slugify
from translation.work.autodraft import start_translation

LINK_ID = re.compile(r'<a id="(a\d+)">')
ANCHOR = re.compile(r"</?a\b[^>]*>")


def laid_over(source_page, fields):
    """A copy of `source_page` (not saved) with the translated `fields`; body blocks keep the
    German blocks' ids where the kinds line up, so their strings meet at the same paths."""
    candidate = type(source_page).objects.get(pk=source_page.pk)
    for name, value in fields.items():
        if name == "body":
            german = list(source_page.body) if hasattr(source_page, "body") else []
            blocks = []
            for position, (kind, block_value) in enumerate(value):
                if position < len(german) and german[position].block_type == kind:
                    blocks.append((kind, block_value, german[position].id))
                else:
                    blocks.append((kind, block_value))
            stream_block = type(candidate)._meta.get_field("body").stream_block
            candidate.body = StreamValue(stream_block, blocks)
        elif name in {"title", "subtitle", "teaser", "search_description", "seo_title",
                      "lead_image_alt", "lead_image_caption", "lead_image_credit",
                      "introduction", "search_keywords"}:
            setattr(candidate, name, value)
    return candidate


def save_translation(importer, source_page, locale, fields, *, table, uid, slug, live,
                     go_live=None, expire=None, first_published=None):
    user = importer.user
    start_translation(source_page, locale, user)
    source, _created = TranslationSource.update_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True})
    english = {}
    for segment in extract_segments(laid_over(source_page, fields)):
        if isinstance(segment, StringSegmentValue):
            english.setdefault(segment.path, []).append(segment.string.data)
    seen, kept = {}, 0
    for segment in source.stringsegment_set.select_related("string", "context").order_by(
            "order"):
        path = segment.context.path
        position = seen.get(path, 0)
        seen[path] = position + 1
        candidates = english.get(path, [])
        if position < len(candidates):
            data = candidates[position]
        else:
            # The translation in TYPO3 has no text here (a caption, a content element it
            # shares with the German item): readers there saw the German text, and so here.
            data = segment.string.data
            kept += 1
        german_ids = set(LINK_ID.findall(segment.string.data))
        if not set(LINK_ID.findall(data)) <= german_ids:
            data = ANCHOR.sub("", data)  # links the German text does not have
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=locale, context=segment.context,
            defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                      "last_translated_by": user, "tool_name": "", "has_error": False},
        )
    if kept:
        importer.report.warn(table, uid, f"{kept} text(s) of the German page have no "
                             "counterpart in this translation: kept in German")
    if slug:
        made = german_slugify(slug)
        segment = source.overridablesegment_set.filter(context__path="slug").select_related(
            "context").first()
        if segment is not None and made:
            SegmentOverride.objects.update_or_create(
                locale=locale, context=segment.context,
                defaults={"data_json": json.dumps(made), "last_translated_by": user})
    translation.save_target(user=user, publish=False)
    target = Page.objects.get(translation_key=source_page.translation_key, locale=locale)
    target = target.get_latest_revision_as_object() if target.has_unpublished_changes else (
        target.specific)
    target.go_live_at, target.expire_at = go_live, expire
    revision = target.save_revision(user=user, log_action=True)
    if live:
        revision.publish(user=user, skip_permission_checks=True)
        if first_published is not None:
            Page.objects.filter(pk=target.pk).update(first_published_at=first_published)
    return Page.objects.get(pk=target.pk).specific

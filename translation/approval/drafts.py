"""Translations become drafts, never live content, whichever wagtail-localize path makes them.

wagtail-localize has three ways to put a translation on the public site without anyone
approving it. This module closes each, and `apps.py` installs the replacements at start-up;
`tests/test_no_publish_without_approval.py` proves every path.

1. Saving a translation "as a draft" (`TranslationSource.create_or_update_translation` with
   `publish=False`) writes the translated fields into the database row of the target. For a
   page or contact that is already live, that row *is* what readers see: an unapproved title
   is public at once. For a live contact it also sets `live=False`, taking it offline; this
   happens to every linked contact when a news item is submitted for translation. Here, a live
   target gets a new draft revision instead and its row stays as it is.
2. A locale's "Synchronise content from another locale" (its "Sync from" setting) fills the
   new language's tree with *aliases* of the source pages. Aliases of live pages are live: the
   German text would appear under /en/ with no English translation behind it
   (wagtail-localize issue #743). Here it makes draft translations instead.
3. The same setting makes an alias in every synced language for each page created later.
   Here those are draft translations too.

The third way to publish, `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True`, is a setting;
`checks.py` refuses to start with it.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize import synctree
from wagtail_localize.models import LocaleSynchronization, TranslationLog, TranslationSource
from wagtail_localize.operations import TranslationCreator

logger = logging.getLogger(__name__)

_original_create_or_update_translation = TranslationSource.create_or_update_translation


def _live_target(source, locale):
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if not isinstance(target, DraftStateMixin) or not target.live:
        return None
    if getattr(target, "alias_of_id", None):
        return None
    return target


def save_live_translation_as_draft(source, locale, user=None, fallback=False):
    """Store the current translation of a live object as a new draft revision.

    The live database row is left alone: readers keep seeing the approved version until the
    revision is approved (or published by someone allowed to).
    """
    original = source.as_instance()
    translated = source.get_ephemeral_translated_instance(locale, fallback=fallback)
    if isinstance(translated, Page):
        translated.slug = find_available_slug(
            translated.get_parent(), slugify(translated.slug), ignore_page_id=translated.id
        )
    revision = translated.save_revision(user=user, log_action=True)
    if isinstance(translated, Page):
        source.sync_view_restrictions(original, translated)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return translated, False


def create_or_update_translation(
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
):
    """`TranslationSource.create_or_update_translation`, but a draft never touches live rows."""
    if not publish and _live_target(self, locale) is not None:
        return save_live_translation_as_draft(self, locale, user=user, fallback=fallback)
    return _original_create_or_update_translation(
        self,
        locale,
        user=user,
        publish=publish,
        copy_parent_pages=copy_parent_pages,
        fallback=fallback,
    )


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _is_translated(model, obj, locale):
    queryset = model._default_manager.filter(translation_key=obj.translation_key, locale=locale)
    if issubclass(model, Page):
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset.exists()


def _refresh_source(obj):
    """Re-read a source that was published again since wagtail-localize last read it, so a
    new language starts from the current German text (as "Sync translated pages" would; the
    existing translations are not touched and nothing is published)."""
    source = TranslationSource.objects.get_for_instance_or_none(obj)
    published = getattr(obj, "last_published_at", None)
    if source is not None and published is not None and published > source.last_updated_at:
        source.update_from_db()


def translate_tree(source_locale, target_locale, user=None):
    """Make draft translations of every page and translatable snippet of `source_locale` that
    `target_locale` does not have yet. Returns (pages, snippets) created.

    Pages go in tree order, so each parent is translated before its children; snippets come
    first, so pages can point at their translations. Nothing is published: pages and contacts
    are drafts for the approval workflow. (Authors have no draft state; their translation is
    a copy of the German name until a translator changes it.)
    """
    creator = TranslationCreator(user, [target_locale])
    snippets = 0
    for model in translatable_snippet_models():
        for obj in model._default_manager.filter(locale=source_locale).order_by("pk"):
            if not _is_translated(model, obj, target_locale):
                _refresh_source(obj)
                creator.create_translations(obj, include_related_objects=False)
                snippets += 1
    pages = 0
    source_pages = Page.objects.filter(
        locale=source_locale, depth__gt=1, alias_of__isnull=True
    ).order_by("path")
    for page in source_pages:
        if not _is_translated(Page, page, target_locale):
            page = page.specific
            _refresh_source(page)
            creator.create_translations(page, include_related_objects=False)
            pages += 1
    return pages, snippets


def synchronize_tree_as_drafts(source_locale, target_locale, *, page_index=None):
    """Replaces `wagtail_localize.synctree.synchronize_tree` (live aliases)."""
    pages, snippets = translate_tree(source_locale, target_locale)
    logger.info(
        "Synchronised %s from %s: %d draft pages, %d snippets.",
        target_locale, source_locale, pages, snippets,
    )


def translate_new_page_as_drafts(page, _seen=None):
    """Replaces `wagtail_localize.synctree.create_aliases_for_new_page` (live aliases)."""
    seen = _seen if _seen is not None else {page.locale_id}
    target_ids = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list(
        "locale_id", flat=True
    )
    for locale in Locale.objects.filter(id__in=target_ids).exclude(id__in=seen):
        seen.add(locale.id)
        if _is_translated(Page, page, locale):
            continue
        TranslationCreator(None, [locale]).create_translations(
            page.specific, include_related_objects=False
        )
        translated = page.get_translation_or_none(locale)
        if translated is not None:
            translate_new_page_as_drafts(translated, seen)


def install():
    """Put the replacements in place (called once, from `TranslationConfig.ready`)."""
    if TranslationSource.create_or_update_translation is not create_or_update_translation:
        TranslationSource.create_or_update_translation = create_or_update_translation
    synctree.synchronize_tree = synchronize_tree_as_drafts
    synctree.create_aliases_for_new_page = translate_new_page_as_drafts

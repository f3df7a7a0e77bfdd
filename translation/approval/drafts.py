"""Translations become drafts, never live content, whichever way they are made.

wagtail-localize has three ways to put a translation on the public site without anyone
approving it; `tests/approval/test_no_publish_without_approval.py` proves each is closed:

1. Saving a translation "as a draft" writes the translated fields into the live row of the
   target. `save_live_translation_as_draft` stores a draft revision instead; it is installed
   over upstream's method by `upstream_patches.py`, the project's only patch of upstream code.
2. A locale's "Sync from" fills a new language's tree with live *aliases* of the German pages
   (wagtail-localize issue #743), and
3. makes an alias in every synced language for each page created later. Both come with the
   optional `wagtail_localize.locales` app; the project uses Wagtail's own `wagtail.locales`
   instead, and `checks.py` refuses to start with locale synchronisation. A new language is
   filled with draft translations by `manage.py add_language` (`translate_tree` below).

`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True` would publish too; `checks.py` refuses it.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.operations import TranslationCreator


def live_target(source, locale):
    """The live, non-alias translation of `source` in `locale`, if there is one."""
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

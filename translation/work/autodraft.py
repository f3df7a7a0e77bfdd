"""Translators start their own work: draft translations appear when German content first goes live.

Trigger: Wagtail's `published` signal, which every publication sends — a direct publication, the
Redaktion's approval at the end of the workflow and a scheduled publication by the scheduler —
for pages and for snippets with drafts (contacts). Only the *first* publication of a German
object counts: the moment its text is settled enough for readers, and the only one, so that a
translation the Redaktion deliberately removed does not come back with the next correction.
(Saving a German draft would be too early: authors rewrite until approval, and each rewrite
would be translated for nothing.)

The drafts are made in an on-commit hook, after the publication is stored: a failed
publication makes no drafts, and the drafts never run inside the publishing transaction
(wagtail-localize's page tree operations do not like an outer transaction that later rolls
back). Nothing is published: every draft goes through the approval workflow
(`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE` is False, and `drafts.py` keeps live rows
untouched).

`start_translation()` is the same step for one object and one language, used by the
translators' "Start translation" action.
"""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.signals import published
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from translation.conf import SOURCE_LANGUAGE
from translation.roles import target_languages

logger = logging.getLogger(__name__)


def target_locales():
    """The Locale of every configured target language that exists, in settings order."""
    codes = target_languages()
    by_code = {locale.language_code: locale for locale in Locale.objects.filter(
        language_code__in=codes
    )}
    return [by_code[code] for code in codes if code in by_code]


def existing_translation(obj, locale):
    """The translation of `obj` in `locale` (an alias page does not count), or None."""
    model = Page if isinstance(obj, Page) else type(obj)
    queryset = model._default_manager.filter(translation_key=obj.translation_key, locale=locale)
    if model is Page:
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset.first()


def _missing_ancestors(page, locale):
    """German ancestors of `page` below the root without a translation in `locale`, top down.

    Returns None when `locale` has no tree yet (no translated home page): a language is set up
    with `manage.py add_language`, not as a side effect of one page.
    """
    ancestors = list(page.get_ancestors().filter(depth__gte=2).order_by("path").specific())
    if not ancestors:
        return []
    translated = set(
        Page.objects.filter(
            translation_key__in=[ancestor.translation_key for ancestor in ancestors],
            locale=locale,
        ).values_list("translation_key", flat=True)
    )
    if ancestors[0].translation_key not in translated:
        return None
    return [ancestor for ancestor in ancestors if ancestor.translation_key not in translated]


def start_translation(obj, locale, user=None):
    """Make a draft translation of `obj` into `locale` if there is none; return the translation.

    Returns None when `locale` has no page tree yet. A page whose German parents are not
    translated gets draft translations of them first (never live aliases of the German pages).
    """
    if isinstance(obj, Page):
        obj = obj.specific
    existing = existing_translation(obj, locale)
    if existing is not None:
        return existing
    creator = TranslationCreator(user, [locale])
    if isinstance(obj, Page):
        ancestors = _missing_ancestors(obj, locale)
        if ancestors is None:
            return None
        for ancestor in ancestors:
            creator.create_translations(ancestor, include_related_objects=False)
    creator.create_translations(obj, include_related_objects=False)
    return existing_translation(obj, locale)


def editor_translation(obj, locale):
    """wagtail-localize's Translation record for `obj` into `locale`, or None."""
    source = TranslationSource.objects.get_for_instance_or_none(obj)
    if source is None:
        return None
    return Translation.objects.filter(source=source, target_locale=locale).first()


def is_first_publication(instance):
    first, last = instance.first_published_at, instance.last_published_at
    return first is not None and first == last


def _make_drafts(model, pk):
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None or not getattr(obj, "live", True):
        return
    for locale in target_locales():
        try:
            with transaction.atomic():
                start_translation(obj, locale)
        except Exception:  # One language failing must not stop the others, nor the publication.
            logger.exception("Could not start the %s translation of %r", locale, obj)


@receiver(published, dispatch_uid="translation_drafts_on_first_publication")
def drafts_on_first_publication(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, TranslatableMixin) or not isinstance(instance, DraftStateMixin):
        return
    if instance.locale.language_code != SOURCE_LANGUAGE or not is_first_publication(instance):
        return
    if isinstance(instance, Page) and (instance.depth <= 2 or instance.alias_of_id):
        return  # a language's home page is made with the language (`add_language`)
    model = Page if isinstance(instance, Page) else type(instance)
    transaction.on_commit(lambda: _make_drafts(model, instance.pk))

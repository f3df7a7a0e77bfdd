"""Refuse to start with settings that would publish translations without approval."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from .conf import SOURCE_LANGUAGE


@register(Tags.compatibility)
def translations_stay_drafts(app_configs, **kwargs):
    errors = []
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True) is not False:
        errors.append(
            Error(
                "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE must be False.",
                hint="Otherwise wagtail-localize publishes every translation of a live page "
                "at once, without the Redaktion's approval.",
                id="translation.E001",
            )
        )
    languages = [code for code, _name in settings.LANGUAGES]
    if not languages or languages[0] != SOURCE_LANGUAGE or settings.LANGUAGE_CODE != (
        SOURCE_LANGUAGE
    ):
        errors.append(
            Error(
                "German must be the first language and LANGUAGE_CODE.",
                hint="German is the source language: set SITE_LANGUAGES to start with 'de'.",
                id="translation.E002",
            )
        )
    return errors


@register(Tags.compatibility)
def no_locale_synchronisation_app(app_configs, **kwargs):
    if not apps.is_installed("wagtail_localize.locales"):
        return []
    return [
        Error(
            "wagtail_localize.locales must not be installed; use wagtail.locales.",
            hint="Its \"Sync from\" setting fills a new language with live aliases of the German "
            "pages, published without translation or approval. Add languages with "
            "`manage.py add_language`, which makes drafts.",
            id="translation.E003",
        )
    ]


@register(Tags.database)
def no_locale_synchronisation(app_configs, databases=None, **kwargs):
    """Synchronisations stored before the app was removed would still make live aliases for
    every new page (wagtail-localize's `after_create_page` hook reads them)."""
    from wagtail_localize.models import LocaleSynchronization

    errors = []
    for alias in databases or ():
        try:
            synced = list(
                LocaleSynchronization.objects.using(alias)
                .values_list("locale__language_code", flat=True)
            )
        except DatabaseError:  # not migrated yet
            continue
        if synced:
            errors.append(
                Error(
                    f"Locale synchronisation is enabled for: {', '.join(sorted(synced))}.",
                    hint="It makes live aliases of every new German page. Delete the rows "
                    "(wagtail_localize.LocaleSynchronization) in the Django shell.",
                    id="translation.E004",
                )
            )
    return errors


@register(Tags.database)
def translator_groups_have_languages(app_configs, databases=None, **kwargs):
    """A translators' group without a language grants nothing (`guards/grants.py`): say so,
    and name groups that look like translators' groups but have no language mapping (their
    rights would apply in every language)."""
    from django.contrib.auth.models import Group

    from .roles import TRANSLATOR_GROUP_PREFIX

    problems = []
    for alias in databases or ():
        try:
            groups = Group.objects.using(alias)
            languageless = sorted(
                groups.filter(translator_role__isnull=False, translator_role__locales__isnull=True)
                .values_list("name", flat=True)
            )
            unmapped = sorted(
                groups.filter(name__startswith=TRANSLATOR_GROUP_PREFIX,
                              translator_role__isnull=True).values_list("name", flat=True)
            )
        except DatabaseError:  # not migrated yet
            continue
        problems += [
            Warning(
                f"The translators' group \"{name}\" has no language, so it grants nothing.",
                hint="Choose its languages under Einstellungen → Gruppen → the group → "
                "Übersetzung, or run `manage.py add_language <code>`.",
                id="translation.W005",
            )
            for name in languageless
        ] + [
            Warning(
                f"The group \"{name}\" is named like a translators' group but has no "
                "language mapping: its rights apply in every language.",
                hint="Tick \"Übersetzungsgruppe\" and its languages in the group's edit form, "
                "or rename the group.",
                id="translation.W006",
            )
            for name in unmapped
        ]
    return problems

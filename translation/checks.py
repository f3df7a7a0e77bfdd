"""Refuse to start with settings that would publish translations without approval."""

from django.conf import settings
from django.core.checks import Error, Tags, register

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

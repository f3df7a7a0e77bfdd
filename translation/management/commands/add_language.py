from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from translation.approval.drafts import translate_tree
from translation.conf import SOURCE_LANGUAGE
from translation.roles import setup_translators, target_languages, translator_group_name


class Command(BaseCommand):
    help = (
        "Add a configured language: create its locale, a draft translation of every German "
        "page and translatable snippet, and its translators' group. Nothing is published; "
        "each page goes live once the Redaktion approves it. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("language_code", help="a code from SITE_LANGUAGES, such as en or ar")

    def handle(self, *args, language_code, **options):
        code = language_code.strip().lower().replace("_", "-")
        if code == SOURCE_LANGUAGE:
            raise CommandError("German is the source language; it needs no translation.")
        if code not in target_languages():
            configured = ", ".join(code for code, _name in settings.LANGUAGES)
            raise CommandError(
                f"'{code}' is not a configured language ({configured}). Add it to "
                f"SITE_LANGUAGES first, for example SITE_LANGUAGES=\"{configured},{code}\"."
            )
        with transaction.atomic():
            source = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)[0]
            locale, created = Locale.objects.get_or_create(language_code=code)
            pages, snippets = translate_tree(source, locale)
            setup_translators(languages=[code])
        if options["verbosity"] >= 1:
            verb = "Created" if created else "Found"
            self.stdout.write(
                f"{verb} locale {code}: {pages} page(s) and {snippets} snippet(s) translated "
                f"as drafts; group \"{translator_group_name(code)}\" may edit the {code} tree."
            )
            if pages:
                self.stdout.write(
                    "Nothing is live yet: translators submit each page, the Redaktion approves."
                )

"""Wagtail's database search backend, made aware of the language of what it indexes.

Wagtail keeps one index entry per object. Its PostgreSQL backend turns the text of every entry
into a tsvector with one text-search configuration for the whole site, so German and English
pages would be stemmed alike. Here each object is indexed with the configuration of its own
locale ("german" for `de`, "english" for `en`: PostgreSQL's Snowball configuration of the
language, or what `LANGUAGE_CONFIGS` names); objects without a locale (images, documents) and
languages PostgreSQL cannot stem use "simple". A query then needs the configuration of
the language it searches: the public search (search/engine.py) knows it from the reader's
language; the admin's searches, which span languages, match under every configuration.

On other databases (SQLite in development and tests) Wagtail's own database backend is used
unchanged: SQLite's FTS5 index has no stemming, so the public search falls back to prefix
matching there.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backends",
        "LANGUAGE_CONFIGS": {"de": "german", "en": "english"},
    }}

Changing the configurations needs `manage.py update_index` to rebuild the stored vectors.
"""

from collections import defaultdict
from copy import copy
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

DEFAULT_CONFIG = "simple"
# PostgreSQL's built-in (Snowball) text-search configurations, by language code, so that a
# language added to the site (SITE_LANGUAGES) is stemmed without further set-up.
SNOWBALL_CONFIGS = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}


def language_configs(params=None):
    """The PostgreSQL text-search configuration of each language code: Snowball's, unless
    the backend's LANGUAGE_CONFIGS says otherwise."""
    if params is None:
        params = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return {**SNOWBALL_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}


def config_for_language(language_code):
    code = (language_code or "").lower()
    configs = language_configs()
    return configs.get(code) or configs.get(code.split("-")[0], DEFAULT_CONFIG)


class _WithConfig:
    """The backend as an indexer sees it, with the text-search configuration of one language."""

    def __init__(self, backend, config):
        self._backend = backend
        self.config = config

    def __getattr__(self, name):
        return getattr(self._backend, name)


class MultilingualPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            language_code = languages.get(getattr(obj, "locale_id", None))
            groups[self.backend.config_for(language_code)].append(obj)
        for config, group in groups.items():
            index = copy(self)
            index.backend = _WithConfig(self.backend, config)
            super(MultilingualPostgresIndex, index).add_items(model, group)


class MultilingualPostgresQueryCompiler(PostgresSearchQueryCompiler):
    """For searches that know no language (the admin's): a term matches when it matches under
    the configuration of any language."""

    def get_config(self, backend):
        site_languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        configs = [backend.config_for(code) for code in site_languages]
        return tuple(dict.fromkeys([*configs, backend.config]))

    def build_tsquery(self, query, config=None):
        configs = config if isinstance(config, tuple) else (config,)
        queries = [super().build_tsquery(query, config=one) for one in configs]
        if any(built is None for built in queries):
            return None
        return reduce(lambda a, b: a | b, queries)

    def get_fields_vectors(self, search_query):
        # Vectors built on the fly from the model's fields use the "simple" configuration,
        # which the "simple" part of the combined query matches.
        return [
            (SearchVector(field_lookup, config=DEFAULT_CONFIG), search_field.boost)
            for field_lookup, search_field in self.search_fields.items()
        ]


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = MultilingualPostgresIndex
    query_compiler_class = MultilingualPostgresQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or DEFAULT_CONFIG
        self.configs = language_configs(params)

    def config_for(self, language_code):
        code = (language_code or "").lower()
        return self.configs.get(code) or self.configs.get(code.split("-")[0], self.config)


def _sqlite_backend(params):
    """Wagtail's SQLite FTS5 backend, with double quotes in a query escaped: it wraps each
    word in quotes unescaped, so a word holding a quote was an FTS5 syntax error (a 500 in
    the admin's searches)."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    class QuoteSafeSQLiteSearchBackend(SQLiteSearchBackend):
        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            if isinstance(query, str):
                query = query.replace('"', '""')
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    return QuoteSafeSQLiteSearchBackend(params)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend(params)
    return backend

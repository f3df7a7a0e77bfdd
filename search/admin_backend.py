"""The search backend of the admin (page, snippet, image and document searches): Wagtail's
database backend, with one fix for SQLite.

Wagtail's SQLite FTS5 backend wraps each word of a query in double quotes without escaping the
quotes inside it, so a search for `href="x"` was an FTS5 syntax error, a 500. Doubling a quote
is FTS5's escape. The public search does not use this backend (see engine.py).
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = DatabaseSearchBackend(params)
    if connection.vendor != "sqlite" or type(backend).__name__ != "SQLiteSearchBackend":
        return backend

    class QuoteSafeSQLiteSearchBackend(type(backend)):
        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            if isinstance(query, str):
                query = query.replace('"', '""')
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    return QuoteSafeSQLiteSearchBackend(params)

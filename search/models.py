"""The public search's own index: the live text of each page, in the page's language.

Wagtail's search index keeps one text-search configuration for the whole site, and its
internals are not an API. This table is ours: one row per page, written by search/indexing.py
whenever a page is saved, with

- on PostgreSQL, `vector`: title (weight A) and text (weight B) as a tsvector made with the
  configuration of the page's language, in a GIN index;
- on SQLite, a row in the FTS5 table `FTS_TABLE` holding the Snowball stems of the same text.

Both are made in migration 0001, each only on its own database.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

FTS_TABLE = "search_entry_fts"


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True,
        related_name="search_entry",
    )
    language_code = models.CharField(max_length=20)
    title = models.TextField()
    body = models.TextField(blank=True)
    # PostgreSQL only (NULL on SQLite, where the column is unused).
    vector = SearchVectorField(null=True, editable=False)

    def __str__(self):
        return self.title

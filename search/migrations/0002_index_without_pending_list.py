"""PostgreSQL: the search index takes each page's words at once (GIN `fastupdate = off`).

With the default, new entries wait in a pending list that every search reads through in full,
until one unlucky publication (or autovacuum) merges up to 4 MB of them into the index. An
editorial site writes a page at a time: a few milliseconds more per publication buys searches
that never read a pending list and publications that never wait for a merge.
"""

from django.db import migrations


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Entries already waiting go into the index now, then no more wait.
        schema_editor.execute("SELECT gin_clean_pending_list('search_searchentry_vector_gin')")
        schema_editor.execute(
            "ALTER INDEX search_searchentry_vector_gin SET (fastupdate = off)")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX search_searchentry_vector_gin RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_page_text_per_language")]

    operations = [migrations.RunPython(without_pending_list, with_pending_list)]

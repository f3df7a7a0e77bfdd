"""Keeping the public search's index (search/models.py) in step with the live site.

A page's text is what its model declares in `search_fields` (Wagtail's documented way to say
what is searchable): the title, and every other `index.SearchField` as the text. The entry is
written whenever a page is saved with its content, which includes publishing (Wagtail writes
the published revision into the page's row). Saving a draft only touches the bookkeeping
fields of the row (`update_fields`), so the live text stays in the index until the draft is
published. Unpublished pages are left out by the search itself (`live()`), deleted pages take
their entry with them.

`manage.py rebuild_search_index` writes the entries of every page afresh.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

from . import dialects
from .models import SearchEntry

BATCH_SIZE = 200


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return " ".join(strip_tags(str(value)).split())


def _field_names(model):
    return {field.field_name for field in model.get_search_fields()
            if isinstance(field, index.SearchField)}


def entry_for(page, language_code):
    """The index entry of a specific page."""
    texts = [
        _text(field.get_value(page))
        for field in page.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]
    # A teaser often repeats the introduction word for word: index (and show) it once.
    body = " ".join(dict.fromkeys(text for text in texts if text))
    return SearchEntry(page_id=page.pk, language_code=language_code, title=page.title,
                       body=body)


def index_pages(pages):
    """Write the entries of `pages` (specific pages)."""
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    entries = [entry_for(page, languages.get(page.locale_id, "")) for page in pages]
    if not entries:
        return
    SearchEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["page"],
        update_fields=["language_code", "title", "body"],
    )
    dialects.current().store(entries)


def rebuild(stdout=None):
    """Every page's entry afresh; returns how many pages were indexed."""
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        ids = list(Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH_SIZE):
            batch = Page.objects.filter(pk__in=ids[start:start + BATCH_SIZE]).specific()
            index_pages(list(batch))
            count += len(batch)
    return count


def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or instance.depth == 1:
        return
    if update_fields is not None and not (set(update_fields) & _field_names(type(instance))):
        return  # a draft, a move or other bookkeeping: the indexed text did not change
    page = instance
    if type(page) is not page.specific_class:
        page = page.specific_class.objects.get(pk=page.pk)
    index_pages([page])


def _entry_deleted(sender, instance, **kwargs):
    dialects.current().forget([instance.pk])


def connect():
    post_save.connect(_page_saved, dispatch_uid="search.index_page")
    post_delete.connect(_entry_deleted, sender=SearchEntry, dispatch_uid="search.forget_entry")

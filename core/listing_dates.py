"""Keep `ListingDate` rows in step with the pages, so that listings sort on an index.

Every save of a page that has been published refreshes the rows of its whole translation
group (two queries). Pages made in bulk without signals (a data import, a benchmark corpus)
are brought in step with `manage.py refresh_listing_dates`, which does every page in a few
queries.
"""

from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page, get_page_models

from .models import ListingDate

# A save that touches none of these cannot change what a listing sorts by.
RELEVANT_FIELDS = {"live", "first_published_at", "translation_key", "locale"}
BATCH = 2000


def _own_date(page):
    field = getattr(page, "listing_date_field", None)
    return getattr(page, field, None) if field else None


def refresh_group(page):
    """Store the listing date of `page` and of every translation of it."""
    members = list(
        Page.objects.filter(translation_key=page.translation_key)
        .values_list("pk", "first_published_at")
    )
    published = [first for _pk, first in members if first is not None]
    if not published:
        return 0
    first = min(published)
    # Own dates are synchronised between translations: the saved page's is the group's.
    listing_date = _own_date(page) or timezone.localdate(first)
    rows = [ListingDate(page_id=pk, listing_date=listing_date, first_published=first)
            for pk, _first in members]
    ListingDate.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["page"],
        update_fields=["listing_date", "first_published"],
    )
    return len(rows)


def refresh_all():
    """Rebuild every row from the pages; returns the number of rows written."""
    firsts = dict(
        Page.objects.exclude(first_published_at=None).order_by()
        .values("translation_key").annotate(first=Min("first_published_at"))
        .values_list("translation_key", "first")
    )
    own_dates = {}
    for model in get_page_models():
        field = getattr(model, "listing_date_field", None)
        if field and not model._meta.abstract:
            own_dates.update(model.objects.exclude(**{field: None})
                             .values_list("translation_key", field))
    rows = [
        ListingDate(page_id=pk, first_published=firsts[key],
                    listing_date=own_dates.get(key) or timezone.localdate(firsts[key]))
        for pk, key in Page.objects.filter(translation_key__in=list(firsts))
        .values_list("pk", "translation_key").iterator()
    ]
    for start in range(0, len(rows), BATCH):
        ListingDate.objects.bulk_create(
            rows[start:start + BATCH], update_conflicts=True, unique_fields=["page"],
            update_fields=["listing_date", "first_published"],
        )
    return len(rows)


def page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    relevant = RELEVANT_FIELDS | {getattr(instance, "listing_date_field", None)}
    if update_fields is not None and not relevant.intersection(update_fields):
        return
    if instance.first_published_at is None:
        return
    refresh_group(instance)

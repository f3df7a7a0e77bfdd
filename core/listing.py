"""Listings: one query-bounded way to list, paginate and illustrate pages.

A listing costs a fixed number of queries, whatever its length: the count, the page of results,
one query per page type on it, and two per listing-image field (images and their renditions).
Listings that mix page types (news items and videos) sort newest first by `listing_date`.
Page types are passed in as models, so this module imports no content app.
"""

import datetime
from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from wagtail.images import get_image_model
from wagtail.models import Page

from caching.fragments import cached

from .images import CONTACT_PHOTO, TEASER
from .restrictions import public_q

PAGE_SIZE = 10
FEED_SIZE = 20


def mixed_listing(condition):
    """Live, public, unexpired pages matching `condition` (a Q over Page), as their specific
    types, newest first, with StreamFields deferred.

    Listings sort on the stored `ListingDate` of each page (an index, not a computation per
    row): each item carries `listing_date` (its own date, or the day it was first published in
    any language) and `first_published` (its first publication in any language). An item whose
    expiry time has passed is left out even before the scheduler unpublishes it.
    Page types declare their own date with `listing_date_field`.
    """
    return (
        Page.objects.live().filter(public_q()).filter(condition)
        .exclude(expire_at__lte=timezone.now())
        .annotate(listing_date=F("listing__listing_date"),
                  first_published=F("listing__first_published"))
        .filter(listing__isnull=False)
        .order_by("-listing__listing_date", "-listing__first_published", "-listing__page")
        .specific().defer_streamfields()
    )


def in_tree_of(page):
    """A Q for the pages below `page`'s parent (its language's home page), with no query."""
    return Q(path__startswith=page.path[: -page.steplen])


def with_listing_images(items):
    """Fetch the listing images of pages (a list or queryset of specific pages, of one type or
    several) with the teaser's renditions, in bulk: two queries per listing-image field.
    Returns the list."""
    items = list(items)
    images = get_image_model().objects.prefetch_renditions(*TEASER.specs)
    by_model = defaultdict(list)
    for item in items:
        by_model[type(item)].append(item)
    for model, group in by_model.items():
        field = model.listing_image_field
        if field:
            prefetch_related_objects(group, Prefetch(field, queryset=images))
    return items


def with_contact_photos(contacts):
    """Fetch the photos of a list of contacts and their renditions in bulk; return the list.

    Runs after the contacts are localised, so translated contacts get their photos too.
    """
    images = get_image_model().objects.prefetch_renditions(*CONTACT_PHOTO.specs)
    prefetch_related_objects(contacts, Prefetch("photo", queryset=images))
    return contacts


def paginate_listing(request, queryset, per_page=PAGE_SIZE, *, label_kinds=True):
    """A page of results whose items are ready for teasers (listing images fetched in bulk).

    `?page=abc` falls back to the first page, `?page=99999` to the last (Paginator.get_page);
    the page carries `elided_range` for numbered, crawlable links. With `label_kinds`, each
    item gets `listing_label`, its type ("news item", "video"), for listings that mix types.
    """
    return prepare_listing_page(listing_page_of(request, queryset, per_page),
                                label_kinds=label_kinds)


class CountCachingPaginator(Paginator):
    """Keeps the number of items under `count_key` (caching.fragments.key) until what `shows`
    tags changes: counting a long archive costs more than everything else on its page, and it
    only changes with what is published."""

    def __init__(self, object_list, per_page, count_key, shows):
        super().__init__(object_list, per_page)
        self.count_key = count_key
        self.shows = shows

    @cached_property
    def count(self):
        return cached(self.count_key, lambda: super(CountCachingPaginator, self).count,
                      self.shows)


class DeferredListing:
    """A listing's queryset, built when its items (or an uncounted length) are first needed:
    a mixed listing's query takes a millisecond to build, wasted on every page whose listing
    fragment comes from the cache. Slicing gives a lazy page of it."""

    ordered = True  # every listing sorts (mixed_listing)

    def __init__(self, build):
        self._build = build

    @cached_property
    def queryset(self):
        return self._build()

    def count(self):
        return self.queryset.count()

    def __getattr__(self, name):
        # Any other use of the queryset (filter, order_by, …) builds it now.
        return getattr(self.queryset, name)

    def __getitem__(self, index):
        return SimpleLazyObject(lambda: self.queryset[index])


def listing_page_of(request, queryset, per_page=PAGE_SIZE, *, count_key=None, shows=()):
    """The requested page of results, its items not fetched yet (costs the count query, or a
    cache read with `count_key`, kept until what the `shows` tags name changes). `queryset`
    may be a function that builds it (see DeferredListing)."""
    if callable(queryset):
        queryset = DeferredListing(queryset)
    paginator = (Paginator(queryset, per_page) if count_key is None
                 else CountCachingPaginator(queryset, per_page, count_key, shows))
    return paginator.get_page(request.GET.get("page"))


def prepare_listing_page(page, *, label_kinds=True):
    """Fetch the items of a `listing_page_of` page, ready for teasers; returns the page."""
    page.object_list = with_listing_images(page.object_list)
    if label_kinds:
        for item in page.object_list:
            item.listing_label = item._meta.verbose_name
    page.elided_range = list(page.paginator.get_elided_page_range(page.number, on_each_side=2,
                                                                  on_ends=1))
    return page


def archive_periods(queryset, cache_key=None, shows=()):
    """Years and months that have items, newest first, with their counts (one query, or none
    while `cache_key` has them, until what the `shows` tags name changes).

    Returns `[{"year": 2021, "count": 12, "months": [{"month": 7, "date": date, "count": 3}]}]`.
    """
    if cache_key is None:
        return _periods(_archive_rows(queryset))
    return _periods(cached(cache_key, lambda: _archive_rows(queryset), shows))


def _archive_rows(queryset):
    rows = (
        queryset.order_by()
        .annotate(year=ExtractYear("listing_date"), month=ExtractMonth("listing_date"))
        .values("year", "month")
        .annotate(count=Count("pk"))
        .order_by("-year", "-month")
    )
    return list(rows)


def _periods(rows):
    years = []
    for row in rows:
        if row["year"] is None:
            continue
        if not years or years[-1]["year"] != row["year"]:
            years.append({"year": row["year"], "count": 0, "months": []})
        years[-1]["count"] += row["count"]
        years[-1]["months"].append({
            "month": row["month"],
            "date": datetime.date(row["year"], row["month"], 1),
            "count": row["count"],
        })
    return years

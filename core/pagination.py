"""Listings cost a fixed number of queries, whatever the number of items."""

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

from .images import TEASER

# The renditions a teaser shows (templates/includes/teaser.html), fetched with the listing.
# Prefetch all of them: `prefetch_renditions(*LISTING_RENDITIONS)`.
LISTING_RENDITIONS = TEASER.specs
LISTING_RENDITION = LISTING_RENDITIONS[0]  # the teaser's fallback size; prefer the tuple
CONTACT_PHOTO_RENDITION = "fill-160x160|format-webp"
PAGE_SIZE = 10


def with_listing_images(queryset, image_field):
    """Fetch the listing image and its renditions with the pages, in bulk."""
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    return queryset.prefetch_related(Prefetch(image_field, queryset=images))


def with_contact_photos(contacts):
    """Fetch the photos of a list of contacts and their renditions in bulk; return the list.

    Runs after the contacts are localised, so translated contacts get their photos too.
    """
    images = get_image_model().objects.prefetch_renditions(CONTACT_PHOTO_RENDITION)
    prefetch_related_objects(contacts, Prefetch("photo", queryset=images))
    return contacts


def paginate(request, queryset, per_page=PAGE_SIZE):
    """A page of results; `?page=abc` or `?page=99999` fall back instead of raising."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))

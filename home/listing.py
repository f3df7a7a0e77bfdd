"""Listings cost a fixed number of queries, whatever the number of items."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from wagtail.images import get_image_model

LISTING_RENDITION = "fill-640x360|format-webp"
PAGE_SIZE = 10


def with_listing_images(queryset, image_field):
    """Fetch the listing image and its renditions with the pages, in bulk."""
    images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
    return queryset.prefetch_related(Prefetch(image_field, queryset=images))


def paginate(request, queryset, per_page=PAGE_SIZE):
    """A page of results; `?page=abc` or `?page=99999` fall back instead of raising."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))

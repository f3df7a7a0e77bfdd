"""Queue rendition generation when an image is saved or a page is published."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import listing_dates
from .cache import bump_site_version
from .renditions import image_ids_of


def _enqueue_renditions(image_ids):
    from .tasks import create_image_renditions

    if image_ids:
        # After the commit, so the worker finds the image and the page as saved.
        transaction.on_commit(lambda: create_image_renditions.enqueue(list(image_ids)))


def image_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    # Saving only the focal point (Wagtail's focal-point task) changes what `fill-` crops.
    _enqueue_renditions([instance.pk])


@receiver(page_published)
def page_published_renditions(sender, instance, **kwargs):
    _enqueue_renditions(image_ids_of(instance.specific))


def connect():
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="core.image_saved")
    # Menus, footers, archives and the sitemap show many pages: any change to what is live
    # retires their cached copies (core.cache).
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_site_version, dispatch_uid=f"core.bump_site_version.{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="core.page_deleted")
    post_save.connect(listing_dates.page_saved, dispatch_uid="core.listing_dates")
    post_save.connect(_page_saved, dispatch_uid="core.page_saved")
    # Contacts and bylines are shown inside cached articles.
    from .snippets import Author, Contact

    for signal in (published, unpublished):
        signal.connect(_shown_snippet_changed, dispatch_uid=f"core.snippet_changed.{id(signal)}")
    post_save.connect(bump_site_version, sender=Author, dispatch_uid="core.author_saved")
    for model in (Author, Contact):
        post_delete.connect(bump_site_version, sender=model,
                            dispatch_uid=f"core.snippet_deleted.{model.__name__}")
    # Host names, root pages and languages change where every URL leads (core.route_cache).
    for model in (Site, Locale):
        for signal in (post_save, post_delete):
            signal.connect(bump_site_version, sender=model,
                           dispatch_uid=f"core.site_changed.{model.__name__}.{id(signal)}")
    # Privacy settings change what menus, footers and listings may show.
    for signal in (post_save, post_delete):
        signal.connect(_restriction_changed, sender=PageViewRestriction,
                       dispatch_uid=f"core.restriction_changed.{id(signal)}")


# Saving a draft touches only these; a reader sees no change.
DRAFT_FIELDS = {"draft_title", "latest_revision_created_at", "has_unpublished_changes",
                "latest_revision", "locked", "locked_at", "locked_by"}


def _page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A live page saved outside publishing (imports, scripts, tests) also retires the cache."""
    if raw or not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    bump_site_version()


def _shown_snippet_changed(sender, instance, **kwargs):
    if not isinstance(instance, Page):  # pages have their own signals
        bump_site_version()


def _restriction_changed(sender, **kwargs):
    """core.restrictions caches which pages are private, and a private page must not stay
    listed."""
    bump_site_version()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_site_version()

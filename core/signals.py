"""Queue rendition generation when an image is saved or a page is published."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.signals import page_published

from . import listing_dates
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
    post_save.connect(listing_dates.page_saved, dispatch_uid="core.listing_dates")

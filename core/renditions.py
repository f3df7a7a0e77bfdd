"""Image renditions are made ahead of time, never while a reader waits.

Every rendition the site's templates ask for is listed in `RENDITION_SPECS` (every template
renders images through a preset of `core.images`). When an image is
saved, or a page that shows images is published, a background task (`core.tasks`) makes the
missing ones in bulk. Rendering a public page then only reads renditions; Wagtail still makes
a missing one on the fly as a fallback (an image saved before this code existed, a task that
has not run yet), so nothing breaks while the worker catches up.
"""

from django.db import models
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from .images import PRESETS, SOCIAL


def _all_specs():
    specs = []
    for preset in PRESETS.values():
        specs.extend(preset.specs)
    specs.append(SOCIAL)
    return tuple(dict.fromkeys(specs))


RENDITION_SPECS = _all_specs()


def create_renditions(image):
    """Make every missing rendition of `image`; return how many exist afterwards.

    An image whose original file is missing or unreadable is skipped: the page shows the
    fallback Wagtail renders for missing files.
    """
    try:
        return len(image.get_renditions(*RENDITION_SPECS))
    except (OSError, ValueError):
        return 0


def image_ids_of(page):
    """The ids of the images a page shows: image fields and image blocks in its StreamFields."""
    image_model = get_image_model()
    ids = set()
    for field in page._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.related_model is image_model:
            value = getattr(page, field.attname)
            if value:
                ids.add(value)
        elif isinstance(field, StreamField):
            stream = getattr(page, field.name)
            for model, object_id, _path, _content_path in field.stream_block.extract_references(
                stream
            ):
                if model is image_model and object_id:
                    ids.add(int(object_id))
    return sorted(ids)

"""Placeholder images drawn with Pillow, so the demo needs no files from elsewhere."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTE = ["#00546b", "#2e7d32", "#8e24aa", "#c62828", "#ef6c00", "#283593", "#00838f", "#4e342e"]


def placeholder_image(title, *, colour_index=0, description=""):
    """Return the image called `title`, drawing it the first time."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PillowImage.new("RGB", (1200, 675), PALETTE[colour_index % len(PALETTE)])
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((60, 520, 1140, 620), fill="#ffffff")
    draw.text((90, 555), title[:90], fill="#1b1b1b", font_size=36)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60].strip("-")
    return image_model.objects.create(
        title=title,
        description=description or title,
        file=ImageFile(buffer, name=f"{slug}.png"),
    )

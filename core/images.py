"""Responsive images: the renditions each layout slot needs, named in one place.

A preset lists the renditions of one slot and the `sizes` that tells the browser how wide the
slot is. The first rendition is the fallback `src` and gives the `<img>` its width and height:
it is the largest size the slot shows at 1x, so the image fills its column and the browser
reserves the right space before it loads. Listings prefetch exactly the teaser renditions
(`core.listing`), so a teaser costs no query of its own.

Formats: WebP for everything on the page; every browser we support reads it. AVIF would need
a `<picture>` with a second set of renditions and encodes many times slower, for a gain that
placeholder-sized editorial photos do not need. Link previews (Open Graph) get JPEG, which
every social network and messenger understands.

`fill-` crops around the image's focal point (set by editors in the image library); `width-`
keeps the whole image, so body images are never cropped.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ImagePreset:
    specs: tuple[str, ...]
    sizes: str


# The lead image of a news item: the width of the article column (48rem), above the fold.
LEAD = ImagePreset(
    specs=(
        "fill-800x450|format-webp",
        "fill-480x270|format-webp",
        "fill-1200x675|format-webp",
        "fill-1600x900|format-webp",
    ),
    sizes="(min-width: 50rem) 48rem, calc(100vw - 2rem)",
)

# A teaser in a listing: at most 640 CSS pixels wide, often a grid column. `auto` lets
# browsers that can use the laid-out width of a lazy image; the rest use the list after it.
TEASER = ImagePreset(
    specs=(
        "fill-640x360|format-webp",
        "fill-320x180|format-webp",
        "fill-960x540|format-webp",
    ),
    sizes="auto, (min-width: 42rem) 40rem, calc(100vw - 2rem)",
)

# An image block in the body text: the width of the text column, never cropped.
BODY = ImagePreset(
    specs=(
        "width-800|format-webp",
        "width-480|format-webp",
        "width-1200|format-webp",
        "width-1600|format-webp",
    ),
    sizes="(min-width: 50rem) 48rem, calc(100vw - 2rem)",
)

# The image of a topic hub: the article column, below the title.
HERO = ImagePreset(
    specs=(
        "fill-800x450|format-webp",
        "fill-480x270|format-webp",
        "fill-1200x675|format-webp",
    ),
    sizes="(min-width: 60rem) 48rem, 100vw",
)

# A video's poster behind the consent notice, as wide as the frame.
POSTER = ImagePreset(
    specs=("fill-960x540|format-webp", "fill-480x270|format-webp", "fill-640x360|format-webp"),
    sizes="(min-width: 50rem) 48rem, 100vw",
)

# A contact's photo on a contact card.
CONTACT_PHOTO = ImagePreset(specs=("fill-160x160|format-webp",), sizes="10rem")

PRESETS = {
    "lead": LEAD,
    "teaser": TEASER,
    "body": BODY,
    "hero": HERO,
    "poster": POSTER,
    "contact_photo": CONTACT_PHOTO,
}

# Link previews: the 1.91:1 size Open Graph and Twitter cards show large; transparent
# areas become white, since JPEG has no transparency.
SOCIAL = "fill-1200x630|bgcolor-ffffff|format-jpeg|jpegquality-85"

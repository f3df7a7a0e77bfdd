"""`{% responsive_image %}`: an `<img>` with `srcset`, `sizes`, width and height.

    {% responsive_image page.lead_image "lead" loading="eager" %}
    {% responsive_image item.listing_image "teaser" alt="" class="teaser__image" %}

Alternative text, decided once for the whole site:
- `alt="…"` is the text for this use of the image (an image block's own, translated text);
- `alt=""` marks the image decorative on purpose (teasers: the title beside it says it all);
- no `alt` takes the image's description from the image library, and an image without a
  description counts as decorative. Descriptions are written in the site's source language
  (German), so on pages in another language the `<img>` says so with `lang`.

Images are lazy-loaded unless `loading="eager"` is given (the lead image, above the fold); an
eager image is the one a reader sees first, so it is also fetched first (`fetchpriority`).
"""

from django import template
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.images import PRESETS

register = template.Library()


def _unique_by_width(renditions):
    """Renditions of a small original can come out the same width; a srcset must not repeat
    a width, so keep the first of each."""
    unique = {}
    for rendition in renditions:
        unique.setdefault(rendition.width, rendition)
    return list(unique.values())


def _specs_to_fetch(image, specs):
    """Never make a listing create renditions on every view.

    With renditions prefetched (`prefetch_renditions`), Wagtail creates any spec that was not
    prefetched, again on each request. If a listing prefetched the fallback size but not the
    others, render the sizes it has instead.
    """
    prefetched = getattr(image, "prefetched_renditions", None)
    if prefetched is None:
        return specs
    available = {rendition.filter_spec for rendition in prefetched}
    if specs[0] in available and not available.issuperset(specs):
        return [spec for spec in specs if spec in available]
    return specs


@register.simple_tag
def responsive_image(image, preset_name, alt=None, loading="lazy", **attrs):
    if not image:
        return ""
    try:
        preset = PRESETS[preset_name]
    except KeyError:
        raise template.TemplateSyntaxError(
            f"responsive_image: unknown preset {preset_name!r}; use one of {sorted(PRESETS)}."
        ) from None

    if loading not in {"lazy", "eager"}:
        raise template.TemplateSyntaxError(
            f'responsive_image: loading must be "lazy" or "eager", not {loading!r}.'
        )

    renditions = _unique_by_width(
        get_renditions_or_not_found(image, _specs_to_fetch(image, preset.specs)).values()
    )
    fallback = renditions[0]
    html_attrs = {"src": fallback.url}
    if fallback.width:  # zero when the original file is missing
        html_attrs["width"] = fallback.width
        html_attrs["height"] = fallback.height
    if len(renditions) > 1:
        ordered = sorted(renditions, key=lambda rendition: rendition.width)
        html_attrs["srcset"] = ", ".join(f"{r.url} {r.width}w" for r in ordered)
        sizes = preset.sizes
        if loading != "lazy":
            # `sizes="auto"` is only allowed on lazy images.
            sizes = sizes.removeprefix("auto, ")
        html_attrs["sizes"] = sizes

    if alt is None:
        alt = image.description or ""
        if alt and (get_language() or settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE:
            html_attrs["lang"] = settings.LANGUAGE_CODE
    html_attrs["alt"] = alt

    if loading == "lazy":
        html_attrs["loading"] = "lazy"
        html_attrs["decoding"] = "async"
    else:  # the image a reader sees first: fetched before the others
        html_attrs["fetchpriority"] = "high"
    html_attrs.update({name: value for name, value in attrs.items() if value is not None})
    return format_html("<img{}>", flatatt(html_attrs))

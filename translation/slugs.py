"""Translated pages have addresses in their own language: `/en/news/`, not `/en/aktuelles/`.

The slug stays a synchronised field of wagtail-localize (`core.models.BasePage`), which its
editor offers as an overridable value ("URL-Segment", on the same tab as in the page editor).
What the translated page's slug is, whenever a translation is saved into its page:

* the translator's own value, if they set one in the editor (made ASCII with German spelling,
  like every slug: `core.forms.german_slugify`; a value without letters or digits is refused
  with a message, and nothing is saved);
* otherwise, until the translated page is first published, a slug made from its translated
  title ("News" → `news`), stored as the slug's override in that language, so the editor shows
  it and later saves keep it (without an override, wagtail-localize would copy the German slug
  again each time);
* once the page has been published its address stays, whatever happens to the title or the
  German slug, until the translator changes it. Publishing a changed slug leaves a permanent
  redirect from the old address (Wagtail's `wagtail.contrib.redirects` does this for every
  slug change, in every language).

A language's home page is left alone: its slug is not part of any address. An override made
here has no author (`last_translated_by` is empty); one a person saved in the editor has, and
that is how the two are told apart.
"""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, StringTranslation
from wagtail_localize.strings import StringValue

from core.forms import german_slugify

from .approval.machine_output import unconfirmed_q

# Room below the slug field's 255 characters for the suffix a clash with a sibling adds ("-2").
MAX_LENGTH = 240


def make_slug(text):
    """ASCII with German spelling, like every slug, cut at a word if it is too long."""
    slug = german_slugify(text)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    return slug


def _translated_title(source, locale):
    """The confirmed translation of the source's current title in `locale` as plain text, or
    "" (a translation of an earlier German title does not count)."""
    title = (
        StringTranslation.objects.filter(
            locale=locale,
            translation_of__in=source.stringsegment_set.filter(context__path="title")
            .values("string_id"),
            context__object_id=source.object_id,
            context__path="title",
        )
        .exclude(unconfirmed_q())
        .values_list("data", flat=True)
        .first()
    )
    return StringValue(title).render_text() if title else ""


def _set(segment, locale, slug, existing):
    if existing is None:
        SegmentOverride.objects.create(
            locale=locale, context=segment.context, data_json=json.dumps(slug)
        )
    elif existing.data != slug:
        existing.data_json = json.dumps(slug)
        existing.save(update_fields=["data_json", "updated_at"])


def prepare_translated_slug(source, locale):
    """Settle the slug that saving `source`'s translation into `locale` will give the page.

    Called just before wagtail-localize writes a translation into its page or revision.
    """
    if not issubclass(source.specific_content_type.model_class(), Page):
        return
    target = (
        Page.objects.filter(translation_key=source.object_id, locale=locale)
        .only("depth", "first_published_at")
        .first()
    )
    if target is None or target.depth <= 2:
        return
    segment = (
        source.overridablesegment_set.filter(context__path="slug")
        .select_related("context")
        .first()
    )
    if segment is None:
        return
    override = SegmentOverride.objects.filter(locale=locale, context=segment.context).first()
    if override is not None and override.last_translated_by_id is not None:
        slug = make_slug(override.data)
        if not slug:
            raise ValidationError(
                _("The URL segment “%(value)s” has no letters or digits. Enter another one, "
                  "or reset it to use the title.") % {"value": override.data}
            )
        _set(segment, locale, slug, override)
        return
    if target.first_published_at is not None:
        return
    slug = make_slug(_translated_title(source, locale))
    if slug:
        _set(segment, locale, slug, override)

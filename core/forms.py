"""The admin form of every public page type: relations in the page's language, German slugs.

* Relations to translatable things (topics, contacts, byline, related pages) offer only items in
  the language they must have, and refuse any other, even in a hand-made POST. A page's own
  relations are in its language. A translation's synchronised relations (topics, contacts …)
  keep pointing at the source page's items, which wagtail-localize copies over, so for a
  translation those fields are held to the source language. Page choosers (related content)
  open Wagtail's chooser in that language only (`core.page_chooser`).
* The slug is the "URL-Segment": ASCII with German transliteration (ä → ae, ß → ss), on the
  server and in the admin's slug script, and its help text shows the address it will have.
"""

import re

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminPageChooser, SlugInput
from wagtail.models import Locale, TranslatableMixin

GERMAN_TRANSLITERATION = (
    ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss"),
)
_GERMAN_PATTERN = re.compile("|".join(char for char, _ in GERMAN_TRANSLITERATION))
_GERMAN_MAP = dict(GERMAN_TRANSLITERATION)


def german_slugify(value):
    """An ASCII slug that spells umlauts and ß the German way: "Räume öffnen" → "raeume-oeffnen"."""
    return slugify(_GERMAN_PATTERN.sub(lambda match: _GERMAN_MAP[match.group()], str(value)))


def synchronized_field_names(model):
    from wagtail_localize.fields import SynchronizedField

    return {
        field.field_name
        for field in getattr(model, "translatable_fields", ())
        if isinstance(field, SynchronizedField)
    }


def source_locale(page):
    """The language a translated page was translated from, or None for an original page."""
    if page.pk is None:
        return None
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source__locale")
        .first()
    )
    return translation.source.locale if translation else None


def _translatable_model(field):
    queryset = getattr(field, "queryset", None)
    model = getattr(queryset, "model", None)
    if model is not None and issubclass(model, TranslatableMixin):
        return model
    return None


def limit_to_locale(field, locale):
    """Offer, and accept, only items in `locale`; say so when another one is posted."""
    from .page_chooser import PageChooserInLanguage

    field.queryset = field.queryset.filter(locale=locale)
    if isinstance(field.widget, AdminPageChooser):
        field.widget = PageChooserInLanguage.replacing(field.widget, locale.language_code)
    message = gettext("Choose an item in %(language)s; this one is in another language.") % {
        "language": locale.get_display_name()
    }
    field.error_messages = {**field.error_messages, "invalid_choice": message,
                            "invalid_pk_value": message}


class EditorialPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        own_locale = self._own_locale()
        synced_locale = source_locale(page) or own_locale
        synced = synchronized_field_names(type(page))
        for name, field in self.fields.items():
            if _translatable_model(field) is None:
                continue
            locale = synced_locale if name in synced else own_locale
            self._limit_field(field, locale)
            single = not isinstance(field, forms.ModelMultipleChoiceField)
            if single and isinstance(field.widget, forms.RadioSelect) and not field.required:
                field.empty_label = _("none")
        for name, formset in self.formsets.items():
            locale = synced_locale if name in synced else own_locale
            formset.form = _limited_form_class(formset.form, locale)
            formset.__dict__.pop("forms", None)  # rebuilt with the limited form class
        if "slug" in self.fields:
            self._set_up_slug()

    def _own_locale(self):
        if self.instance.locale_id:
            return self.instance.locale
        if self.parent_page is not None and self.parent_page.depth > 1:
            return self.parent_page.locale
        return Locale.get_default()

    def _limit_field(self, field, locale):
        limit_to_locale(field, locale)

    def _set_up_slug(self):
        field = self.fields["slug"]
        field.label = _("URL segment")
        field.required = False  # made from the title when left empty
        field.allow_unicode = False
        field.validators = []  # clean_slug transliterates "ä" instead of refusing it
        field.widget = SlugInput(formatters=list(GERMAN_TRANSLITERATION),
                                 locale=self._own_locale())
        address = self._address_example()
        field.help_text = (
            _("The last part of the page's address, in lower-case letters without spaces: %(url)s")
            % {"url": address}
            if address
            else _("The last part of the page's address, in lower-case letters without spaces.")
        )

    def _address_example(self):
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if parent is None:
            return ""
        base = parent.specific_deferred.get_full_url()
        if not base:
            return ""
        segment = self.instance.slug or gettext("url-segment")
        return f"{base.rstrip('/')}/{segment}/"

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        title = self.data.get("title", "") if not slug else ""
        cleaned = german_slugify(slug or title)
        if (slug or title) and not cleaned:
            raise forms.ValidationError(
                _("Enter a URL segment of letters, digits or hyphens.")
            )
        return cleaned


def _limited_form_class(form_class, locale):
    """The form class of an inline panel's rows, with its relations limited to `locale`."""
    if getattr(form_class, "_editorial_locale", None) == locale.pk:
        return form_class

    class LimitedForm(form_class):
        _editorial_locale = locale.pk

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                if _translatable_model(field) is not None:
                    limit_to_locale(field, locale)

    LimitedForm.__name__ = form_class.__name__
    return LimitedForm


"""Factories for what every page shares: images, documents, the base page, the shared snippets
(contacts, authors) and translations.

Content apps build on these; this module imports no content app. Pages made here are live and
have a first publication date, like a page an editor published. `translate_page` makes a real
translation of a page.
"""

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale

from .snippets import Author, Contact


def get_locale(language_code="de"):
    """The Locale for `language_code`, created if the database has none yet."""
    return Locale.objects.get_or_create(language_code=language_code)[0]


def root_collection():
    """The root collection, created if missing (live-server tests flush Wagtail's own)."""
    root = Collection.get_first_root_node()
    if root is None:
        root = Collection.add_root(name="Root")
    return root


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (the upstream factory makes a new root each time)."""

    title = factory.Sequence(lambda n: f"Bild {n}")
    collection = factory.LazyFunction(root_collection)
    description = "Ein Foto aus der Praxis"


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Dokument {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="programm.pdf", data=b"%PDF-1.4\n" + b"0" * 2039)



class AuthorFactory(DjangoModelFactory):
    name = "Redaktion Connective Cities"
    kind = Author.Kind.TEAM
    locale = factory.LazyFunction(get_locale)

    class Meta:
        model = Author


class ContactFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    role = "Projektleitung"
    organisation = "Connective Cities"
    email = factory.Sequence(lambda n: f"kontakt{n}@connective-cities.example")
    phone = "+49 228 4460-0"
    live = True
    locale = factory.LazyFunction(get_locale)

    class Meta:
        model = Contact


class BasePageFactory(wagtail_factories.PageFactory):
    """A live page with a first publication date; pass `parent=` to place it in the tree."""

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda page: page.first_published_at)
    teaser = factory.LazyAttribute(lambda page: f"Kurz gesagt: {page.title}.")

    class Meta:
        abstract = True


def translate_page(page, language_code="en", **fields):
    """Make the published translation of `page` in `language_code`, as a translator would.

    The parent must already be translated. The copy keeps the translation key of the source,
    gets the given `fields` (an English title, …) and is published through a revision. It
    keeps the source's slug unless `slug` is given (in the translation editor, a page gets
    one from its translated title: translation/slugs.py).
    """
    translation = page.copy_for_translation(get_locale(language_code)).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


def translate_snippet(snippet, language_code="en", **fields):
    """Save the translation of a translatable snippet (contact, author) in `language_code`."""
    translation = snippet.copy_for_translation(get_locale(language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation

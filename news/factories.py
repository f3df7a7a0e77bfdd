"""Factories for the news index and news items. Pass `parent=` to place a page in the tree."""

import datetime

import factory
from factory.django import DjangoModelFactory

from core.factories import BasePageFactory

from .models import NewsIndexPage, NewsPage, NewsPageRelatedLink


class NewsIndexPageFactory(BasePageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    show_in_menus = True
    introduction = "<p>Neuigkeiten aus dem Netzwerk.</p>"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(BasePageFactory):
    """A news item. Pass `topics=[...]`, `contacts=[...]`, `byline=`, `body=[...]` as needed.

    `date` is left empty unless given, so it defaults to the first publication date.
    """

    title = factory.Sequence(lambda n: f"Meldung {n}")
    subtitle = factory.LazyAttribute(lambda page: f"Untertitel zu {page.title}")

    class Meta:
        model = NewsPage

    class Params:
        # NewsPageFactory(dated=datetime.date(2021, 7, 27)) sets date and publication together.
        dated = None

    @factory.lazy_attribute
    def date(self):
        return self.dated

    # Like the migration that introduced the field: the image's description becomes its alt
    # text, and an image without one counts as decorative.
    @factory.lazy_attribute
    def lead_image_alt(self):
        image = getattr(self, "lead_image", None)
        return (image.description or "") if image else ""

    @factory.lazy_attribute
    def lead_image_decorative(self):
        image = getattr(self, "lead_image", None)
        return bool(image) and not (image.description or "").strip()

    @factory.lazy_attribute
    def first_published_at(self):
        if self.dated:
            return datetime.datetime.combine(self.dated, datetime.time(9), tzinfo=datetime.UTC)
        return datetime.datetime.now(tz=datetime.UTC)


class NewsPageRelatedLinkFactory(DjangoModelFactory):
    """An editor-chosen related page: pass `page=` (the news item) and `related_page=`."""

    sort_order = factory.Sequence(int)

    class Meta:
        model = NewsPageRelatedLink

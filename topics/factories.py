"""Factories for the topic index and topic hubs. Pass `parent=` to place a page in the tree."""

import factory

from core.factories import BasePageFactory

from .models import TopicIndexPage, TopicPage


class TopicIndexPageFactory(BasePageFactory):
    title = "Themen"
    slug = "themen"
    show_in_menus = True
    introduction = "<p>Die Schwerpunkte unseres Programms.</p>"

    class Meta:
        model = TopicIndexPage


class TopicPageFactory(BasePageFactory):
    """A topic hub. Pass `contacts=[...]` and `image=` as needed."""

    title = factory.Sequence(lambda n: f"Thema {n}")
    introduction = factory.LazyAttribute(lambda page: f"Worum es bei {page.title} geht.")

    class Meta:
        model = TopicPage

"""Factories for the home page."""

import factory
from factory.django import DjangoModelFactory

from core.factories import BasePageFactory

from .models import HomePage, HomePageFeaturedTopic


class HomePageFactory(BasePageFactory):
    title = "Startseite"
    slug = "startseite"
    introduction = "<p>Connective Cities verbindet Praktikerinnen und Praktiker aus Kommunen.</p>"

    class Meta:
        model = HomePage


class HomePageFeaturedTopicFactory(DjangoModelFactory):
    """Links a topic hub (passed as `topic=`) to the home page's featured topics."""

    sort_order = factory.Sequence(int)

    class Meta:
        model = HomePageFeaturedTopic


"""Factories for the home page and the shared snippets (contacts, authors)."""

import factory
from factory.django import DjangoModelFactory

from core.factories import BasePageFactory, get_locale

from .models import Author, Contact, HomePage, HomePageFeaturedTopic


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

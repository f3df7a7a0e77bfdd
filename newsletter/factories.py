"""Factories for the newsletter page, issues and subscribers. Pass `parent=` for pages."""

import factory
from factory.django import DjangoModelFactory

from core.factories import BasePageFactory

from .models import CONSENT_TEXT_VERSION, NewsletterIndexPage, NewsletterIssuePage, Subscriber


class NewsletterIndexPageFactory(BasePageFactory):
    title = "Newsletter"
    slug = "newsletter"
    introduction = "<p>Neues aus dem Netzwerk, einmal im Monat.</p>"

    class Meta:
        model = NewsletterIndexPage


class NewsletterIssuePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Newsletter Connective Cities Nr. {n}")

    class Meta:
        model = NewsletterIssuePage


class SubscriberFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"leser{n}@example.org")
    language = "de"
    state = Subscriber.State.CONFIRMED
    consent_text_version = CONSENT_TEXT_VERSION

    class Meta:
        model = Subscriber

"""Factories for standard pages and the feedback form. Pass `parent=` to place a page."""

import factory
from factory.django import DjangoModelFactory

from core.factories import BasePageFactory

from .models import FeedbackFormField, FeedbackFormPage, StandardPage


class StandardPageFactory(BasePageFactory):
    """A standard page; `kind=StandardPage.Kind.IMPRINT` (…) puts it in the footer."""

    title = factory.Sequence(lambda n: f"Seite {n}")
    kind = StandardPage.Kind.OTHER
    introduction = "Eine kurze Einleitung."
    body = factory.LazyFunction(
        lambda: [("rich_text", "<p>Ein Absatz Text.</p>")]
    )

    class Meta:
        model = StandardPage


class FeedbackFormFieldFactory(DjangoModelFactory):
    """A field of a feedback form; pass `page=`."""

    sort_order = factory.Sequence(int)
    label = factory.Sequence(lambda n: f"Feld {n}")
    field_type = "singleline"
    required = False

    class Meta:
        model = FeedbackFormField


class FeedbackFormPageFactory(BasePageFactory):
    """A feedback form mailing to the Redaktion, with the fields name, e-mail and message.

    Pass `fields=[]` for a form without fields, or a list of FeedbackFormField keyword
    dictionaries for other fields.
    """

    title = "Feedback"
    slug = "feedback"
    introduction = "<p>Schreiben Sie uns.</p>"
    thank_you_text = "<p>Vielen Dank für Ihre Nachricht.</p>"
    to_address = "redaktion@example.org"
    subject = "Rückmeldung zur Barrierefreiheit"

    class Meta:
        model = FeedbackFormPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted if extracted is not None else [
            {"label": "Ihr Name", "field_type": "singleline"},
            {"label": "Ihre E-Mail-Adresse", "field_type": "email",
             "help_text": "Nur nötig, wenn Sie eine Antwort wünschen."},
            {"label": "Ihre Nachricht", "field_type": "multiline", "required": True},
        ]
        for spec in specs:
            FeedbackFormFieldFactory(page=page, **spec)

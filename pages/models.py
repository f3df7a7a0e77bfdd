"""Editable standard pages and the feedback form.

`StandardPage` holds the imprint ("Impressum"), the privacy notice ("Datenschutz") and the
accessibility statement ("Erklärung zur Barrierefreiheit"). Its `kind` tells the footer which
page is which, so editors may rename and move them freely.

`FeedbackFormPage` is Wagtail's form builder (wagtail.contrib.forms): submissions are kept in
the admin and mailed to the Redaktion. Spam is kept out by a honeypot and a minimum fill time
(see forms.py), without a captcha or a cookie. The form posts to its own small view
(views.py), so that the page needs no CSRF cookie and a reader's visit sets no cookie at all.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import BasePage
from core.restrictions import public_q
from security.ratelimit import claim_once, is_rate_limited

from .forms import (
    HONEYPOT_FIELD,
    RESERVED_FIELD_NAMES,
    TOKEN_FIELD,
    TOKEN_MAX_AGE,
    FeedbackFormBuilder,
    Verdict,
    check_submission,
    make_token,
    rate_limit,
    renewed_token,
)

logger = logging.getLogger(__name__)


class StandardPage(BasePage):
    """A page of text: imprint, privacy notice, accessibility statement, or any other."""

    class Kind(models.TextChoices):
        OTHER = "other", _("Other page")
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    # Linked from the footer of every page, in this order.
    FOOTER_KINDS = (Kind.IMPRINT, Kind.PRIVACY, Kind.ACCESSIBILITY)

    kind = models.CharField(
        _("kind of page"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_(
            "Imprint, privacy notice and accessibility statement are linked from the footer "
            "of every page. Each of them exists once per language."
        ),
    )
    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Shown on the page, e.g. when the accessibility statement was last checked."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("kind"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("last_reviewed"),
    ]
    parent_page_types = ["home.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage", "pages.FeedbackFormPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.OTHER or not self.locale_id:
            return
        clash = (
            StandardPage.objects.filter(kind=self.kind, locale_id=self.locale_id)
            .exclude(pk=self.pk).exclude(translation_key=self.translation_key)
        )
        if clash.exists():
            raise ValidationError({"kind": _(
                "There already is a page of this kind in this language: “%(title)s”."
            ) % {"title": clash.first().title}})

    @classmethod
    def footer_pages(cls, language_code):
        """The live, public footer pages of a language, in footer order.

        `public_q()` excludes the (few, cached) private sections by path prefix, so the plan
        does not depend on the planner's statistics (a correlated anti-join over every page
        did); the result is cached (`legal_tags.footer_links`).
        """
        pages = (
            cls.objects.live().filter(public_q())
            .filter(locale__language_code=language_code, kind__in=cls.FOOTER_KINDS)
            .select_related("locale")
            .defer_streamfields()
            .order_by("path")
        )
        first_of_kind = {}
        for page in pages:
            first_of_kind.setdefault(page.kind, page)
        return [first_of_kind[kind] for kind in cls.FOOTER_KINDS if kind in first_of_kind]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feedback_pages"] = (
            FeedbackFormPage.objects.child_of(self).live().filter(public_q())
        )
        return context


class FeedbackFormField(TranslatableMixin, AbstractFormField):
    """A field of the feedback form; its label, help text and choices are translated."""

    page = ParentalKey("pages.FeedbackFormPage", related_name="form_fields",
                       on_delete=models.CASCADE)

    # Submissions are stored under `clean_name`; every translation keeps the German one,
    # so that the answers of all languages line up in the admin.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta:
        ordering = ["sort_order"]
        unique_together = [("translation_key", "locale")]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) in RESERVED_FIELD_NAMES:
            raise ValidationError({"label": _(
                "This label is reserved for the form's spam protection; please choose another."
            )})


class FeedbackFormPage(EmailFormMixin, FormMixin, BasePage):
    """A form (e.g. feedback on accessibility) whose answers go to the admin and the Redaktion.

    Built from Wagtail's AbstractEmailForm parts (EmailFormMixin, FormMixin) on the site's
    BasePage, so it shares the teaser and search-engine fields of every other page.
    """

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=RICH_TEXT_FEATURES,
        help_text=_("Shown after the form was sent."),
    )

    form_builder = FeedbackFormBuilder
    template = "pages/feedback_form_page.html"
    landing_page_template = "pages/feedback_form_page_landing.html"

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the Redaktion"),
        ),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        TranslatableField("subject"),
    ]
    parent_page_types = ["home.HomePage", "pages.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")

    # --- Serving ---------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        """Show the form, or handle a submission; never cached (the form carries a timestamp)."""
        if request.method == "POST":
            response = self.handle_submission(request)
        else:
            response = self.render_form(request, self.get_form(page=self, user=request.user))
        add_never_cache_headers(response)
        return response

    def handle_submission(self, request):
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        token = request.POST.get(TOKEN_FIELD, "")
        if is_rate_limited(request, "feedback-form", *rate_limit()):
            form.is_valid()
            form.add_error(None, _(
                "This form was sent from your connection too often in a short time. Please "
                "wait a few minutes and send it again; your entries are still here."
            ))
            response = self.render_form(request, form, token=token)
            response.status_code = 429
            return response
        verdict = check_submission(request.POST, self.pk)
        if verdict is Verdict.STALE:
            form.is_valid()
            form.add_error(None, _(
                "This form was open for too long. Please check your entries and send it again."
            ))
            return self.render_form(request, form)
        if not form.is_valid():
            # Keep the original timestamp: correcting a mistake quickly is no sign of a robot.
            return self.render_form(request, form, token=request.POST.get(TOKEN_FIELD))
        if verdict is Verdict.SPAM:
            logger.info("Dropped a spam submission to the form %s.", self.pk)
            return self.render_landing_page(request)
        if not claim_once("feedback-form-token", token, TOKEN_MAX_AGE):
            # The same form was sent before: a double click, the back button, or a replay.
            form.add_error(None, _(
                "This form has already been sent. To send another message, check your "
                "entries and press “Send” again."
            ))
            response = self.render_form(request, form, token=renewed_token(token, self.pk))
            response.status_code = 409
            return response
        return self.render_landing_page(request, self.process_form_submission(form))

    def render_form(self, request, form, token=None):
        context = self.get_context(request)
        context.update(self.get_form_context(form, token))
        return TemplateResponse(request, self.get_template(request), context)

    def get_form_context(self, form, token=None):
        return {
            "form": form,
            "form_action": self.submit_url(),
            "form_token": token or make_token(self.pk),
            "honeypot_name": HONEYPOT_FIELD,
            "token_name": TOKEN_FIELD,
        }

    def submit_url(self):
        if not self.pk:  # the preview of a page that was never saved
            return ""
        with translation.override(self.locale.language_code):
            return reverse("feedback_submit", args=[self.pk])

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(self.get_form_context(context["form"]))
        return context

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parent_page"] = self.get_parent().specific_deferred if self.pk else None
        return context

    # --- Storing and notifying -------------------------------------------------------------

    def process_form_submission(self, form):
        """Store the submission first; then tell the Redaktion. A failing mail server is
        logged, never shown to the reader, and never costs the stored submission."""
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception(
                    "Submission %s to the form %s was stored, but the e-mail to %s failed.",
                    submission.pk, self.pk, self.to_address,
                )
        return submission

    def send_mail(self, form):
        addresses = [address.strip() for address in self.to_address.split(",")
                     if address.strip()]
        reply_to = [
            form.cleaned_data[field.clean_name] for field in self.get_form_fields()
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name)
        ][:1]
        subject = self.subject or _("Feedback: %(title)s") % {"title": self.title}
        send_mail(subject, self.render_email(form), addresses, self.from_address,
                  reply_to=reply_to or None)

    def render_email(self, form):
        listing = reverse("wagtailforms:list_submissions", args=[self.pk])
        return "\n\n".join([
            super().render_email(form),
            _("All submissions: %(url)s") % {
                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + listing
            },
        ])

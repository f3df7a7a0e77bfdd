"""The newsletter: its subscribers with their consent record, its issues, and their sending.

* `Subscriber`: one person's subscription in one language, with the evidence of consent that
  double opt-in requires (Art. 7(1) GDPR): when and from which address the request came, when
  the confirmation mail went out and which version of its text, when and from which address
  it was confirmed, and which version of the consent text was agreed to.
* `NewsletterIndexPage`: the web archive (`/newsletter/`, `/en/newsletter/`) with the form.
* `NewsletterIssuePage`: one issue, written and approved like every page.
* `Delivery` and `SendLog`: one send of an issue to the confirmed subscribers of its language;
  a log row per recipient, unique, so that a restarted send mails nobody twice.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from caching import tags
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from core.restrictions import public_q

from .blocks import IssueBodyBlock

# Change a version whenever the text it names changes: the consent record keeps the version
# each subscriber saw (the texts themselves are in the UI catalogue and in git's history).
CONSENT_TEXT_VERSION = "2026-12-consent-1"
CONFIRMATION_MAIL_VERSION = "2026-12-confirmation-1"
# Requests never confirmed are deleted after this many days (tasks.delete_unconfirmed).
UNCONFIRMED_DAYS = 7


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def new_key():
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("bounced")

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.WAITING)
    # The confirmation link's token, hashed: a leaked database confirms nobody. Emptied on use.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # The key of the unsubscribe link in every mail; it stays valid for good.
    unsubscribe_key = models.CharField(max_length=64, unique=True, default=new_key,
                                       editable=False)
    # The consent record.
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    request_address = models.GenericIPAddressField(_("requested from"), null=True, blank=True)
    consent_text_version = models.CharField(_("consent text version"), max_length=40)
    confirmation_sent_at = models.DateTimeField(_("confirmation mail sent at"), null=True,
                                                blank=True)
    confirmation_mail_version = models.CharField(_("confirmation mail version"),
                                                 max_length=40, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirm_address = models.GenericIPAddressField(_("confirmed from"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced at"), null=True, blank=True)
    bounce_reason = models.CharField(_("bounce reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "language",
                                    name="newsletter_one_subscription_per_language"),
        ]
        indexes = [models.Index(fields=["language", "state"])]
        permissions = [("send_newsletter", _("Can send newsletter issues"))]

    def __str__(self):
        return self.email

    def start_request(self, *, address, token):
        """A new request (first, repeated, or after unsubscribing): waiting for confirmation
        by the link with `token`, with the request's own consent record."""
        self.state = self.State.WAITING
        self.token_hash = hash_token(token)
        self.requested_at = timezone.now()
        self.request_address = address
        self.consent_text_version = CONSENT_TEXT_VERSION
        self.confirmation_sent_at = None
        self.confirmation_mail_version = ""
        self.confirmed_at = None
        self.confirm_address = None
        self.unsubscribed_at = None
        self.bounced_at = None
        self.bounce_reason = ""

    def confirm(self, address):
        self.state = self.State.CONFIRMED
        self.token_hash = ""
        self.confirmed_at = timezone.now()
        self.confirm_address = address

    def unsubscribe(self):
        self.state = self.State.UNSUBSCRIBED
        self.token_hash = ""
        self.unsubscribed_at = timezone.now()

    def mark_bounced(self, reason=""):
        self.state = self.State.BOUNCED
        self.bounced_at = timezone.now()
        self.bounce_reason = reason[:255]


class RemovedSubscriber(models.Model):
    """What is left of a subscriber the Redaktion removed: no personal data, only a count."""

    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(_("state"), max_length=20)
    removed_on = models.DateField(_("removed on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("removed subscriber")
        verbose_name_plural = _("removed subscribers")

    def __str__(self):
        return f"{self.language} {self.removed_on}"


class NewsletterIndexPage(BasePage):
    """The newsletter page: the subscription form and the archive of published issues."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1
    template = "newsletter/newsletter_index_page.html"

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    def issues(self):
        return (
            NewsletterIssuePage.objects.child_of(self).live().filter(public_q())
            .order_by("-first_published_at").defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A publication below this page retires its children's list (caching/changes.py).
        context["listing_tags"] = [tags.children(self.pk)]
        return context


class NewsletterIssuePage(BasePage):
    """One issue: read on the site, and sent as an e-mail (HTML and plain text)."""

    preheader = models.CharField(
        _("preheader"), blank=True, max_length=200,
        help_text=_("One sentence that mail programs show beside the subject."),
    )
    body = StreamField(IssueBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("preheader"), FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("preheader"),
        TranslatableField("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/newsletter_issue_page.html"
    preview_modes = [
        ("", _("Web page")),
        ("email-html", _("E-mail (HTML)")),
        ("email-text", _("E-mail (plain text)")),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @property
    def summary(self):
        """Listings, search results and link previews: the teaser, else the preheader."""
        return self.teaser or self.search_description or self.preheader

    def serve_preview(self, request, mode_name):
        if mode_name in ("email-html", "email-text"):
            from django.http import HttpResponse

            from .mail import render_issue

            html, text = render_issue(self, unsubscribe_url="#unsubscribe")
            if mode_name == "email-html":
                return HttpResponse(html, content_type="text/html; charset=utf-8")
            return HttpResponse(text, content_type="text/plain; charset=utf-8")
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .mail import issue_items

        context["items"] = issue_items(self)
        return context


class Delivery(models.Model):
    """One send of an issue to the confirmed subscribers of its language."""

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        DONE = "done", _("done")

    issue = models.ForeignKey(NewsletterIssuePage, on_delete=models.CASCADE,
                              related_name="deliveries", verbose_name=_("issue"))
    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.SCHEDULED)
    send_at = models.DateTimeField(_("send at"), default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    # The recipients are listed once, when sending starts.
    recipients_listed = models.BooleanField(default=False)
    # Whoever sends holds the lease until then; a worker that died lets it run out.
    lease_until = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at"]
        constraints = [
            # One send per issue: a second press of "Senden" cannot mail everyone again.
            models.UniqueConstraint(fields=["issue"], name="newsletter_one_delivery_per_issue"),
        ]

    def __str__(self):
        return f"{self.issue_id} ({self.language})"

    def progress(self):
        counts = dict(
            self.logs.values_list("state").annotate(n=models.Count("pk")).order_by()
        )
        sent = counts.get(SendLog.State.SENT, 0)
        failed = counts.get(SendLog.State.FAILED, 0) + counts.get(SendLog.State.UNCERTAIN, 0)
        left = counts.get(SendLog.State.PENDING, 0) + counts.get(SendLog.State.SENDING, 0)
        return {"sent": sent, "failed": failed, "left": left}


class SendLog(models.Model):
    """One recipient of one delivery. Claimed (`sending`) before its mail goes out and marked
    `sent` right after: a worker that dies in between leaves it `uncertain`, never resent."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        UNCERTAIN = "uncertain", _("interrupted, not sent again")

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="logs")
    # Removing a subscriber keeps the row, without anyone's address.
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL,
                                   related_name="send_logs")
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["delivery", "subscriber"],
                                    name="newsletter_once_per_recipient"),
        ]
        indexes = [models.Index(fields=["delivery", "state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.delivery_id}/{self.subscriber_id}: {self.state}"

"""The feedback form's fields, and how it keeps spam out without a captcha or a cookie.

Two traps, neither visible to people or assistive technology:

* a honeypot: a text field that is visually hidden, `aria-hidden`, out of the tab order and
  without autofill. People leave it empty; form-filling robots don't.
* a signed timestamp, written into the form when it is shown. A submission without one, or
  faster than `FEEDBACK_FORM_MIN_SECONDS` after the form was shown, comes from a robot.

A submission with mistakes gets its error messages, whoever sent it. A complete one that fell
into a trap is dropped silently: the sender sees the usual thank-you page, nothing is stored or
mailed.
Each token is accepted once: sending the same form again (a double click, or a robot replaying
it) stores and mails nothing and shows the form again, filled in. One address may send forms
`FEEDBACK_FORM_RATE_LIMIT` times per period; beyond that it gets the form back, filled in, with
a message. Both are counted in Django's cache, so every app server sees them.
A timestamp that is too old or unreadable (the form stayed open for days, or the secret key
changed) is no sign of spam: the reader gets the form back, filled in, and is asked to send
it again, so nothing a person wrote is lost.
"""

import enum
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

HONEYPOT_FIELD = "website_url"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
RESERVED_FIELD_NAMES = frozenset({HONEYPOT_FIELD, TOKEN_FIELD})
TOKEN_SALT = "pages.feedback-form"  # noqa: S105 - a namespace for signing
# A form may stay open this long (seconds) before the reader is asked to send it again.
TOKEN_MAX_AGE = 2 * 24 * 60 * 60
MESSAGE_MAX_LENGTH = 5000


class Verdict(enum.Enum):
    ACCEPT = "accept"
    SPAM = "spam"
    STALE = "stale"


def min_fill_seconds():
    return getattr(settings, "FEEDBACK_FORM_MIN_SECONDS", 3)


def make_token(page_id, now=None):
    """The signed moment at which the form of page `page_id` was shown."""
    # The random part makes every shown form's token unique, even within one second, so
    # that using a token once (models.py) never turns away another reader's form.
    return signing.dumps(
        {"page": page_id, "t": time.time() if now is None else now,
         "n": secrets.token_urlsafe(8)},
        salt=TOKEN_SALT,
    )


def check_submission(data, page_id, now=None):
    """Tell spam from a person's submission by the honeypot and the timestamp in `data`."""
    now = time.time() if now is None else now
    if data.get(HONEYPOT_FIELD, ""):
        return Verdict.SPAM
    token = data.get(TOKEN_FIELD, "")
    if not token:
        return Verdict.SPAM
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired included
        return Verdict.STALE
    if not isinstance(payload, dict) or payload.get("page") != page_id:
        return Verdict.STALE
    shown_at = payload.get("t")
    if not isinstance(shown_at, int | float):
        return Verdict.STALE
    if now - shown_at < min_fill_seconds():
        return Verdict.SPAM
    return Verdict.ACCEPT


def renewed_token(token, page_id):
    """A new token for a form whose token was used already, keeping the moment the form was
    first shown (a person who sends it again is no faster than before)."""
    payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    return make_token(page_id, now=payload["t"])


def rate_limit():
    """(submissions, seconds): how often one address may send the form (any of them)."""
    return getattr(settings, "FEEDBACK_FORM_RATE_LIMIT", (10, 10 * 60))


class FeedbackFormBuilder(FormBuilder):
    """Wagtail's form builder with clear messages, a length limit and autofill hints."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {"required": _("Please fill in this field.")}
        if field.field_type == "email":
            options["error_messages"]["invalid"] = _(
                "Please enter a valid e-mail address, such as name@example.org."
            )
        elif field.field_type in {"number", "date", "datetime", "url"}:
            options["error_messages"]["invalid"] = _("Please check the format of this entry.")
        return options

    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        options["widget"] = forms.Textarea(attrs={"rows": 8})
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["widget"] = forms.EmailInput(attrs={"autocomplete": "email"})
        return super().create_email_field(field, options)

    def create_singleline_field(self, field, options):
        # WCAG 1.3.5: a field that asks for the reader's name says so to autofill.
        if field.clean_name in {"name", "your_name", "ihr_name", "full_name"}:
            options["widget"] = forms.TextInput(attrs={"autocomplete": "name"})
        return super().create_singleline_field(field, options)

"""The newsletter's mails: the confirmation of a subscription, and an issue.

An issue is HTML with inline styles (mail programs drop style sheets) and a plain-text part,
in the issue's language (`lang`), with real headings and text, images with alternative text or
marked decorative, and readable without images. Every issue carries RFC 8058's one-click
unsubscribe headers and a visible unsubscribe link.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import CONFIRMATION_MAIL_VERSION

EMAIL_IMAGE = "fill-560x315|format-jpeg|jpegquality-80"


def site_root_url(page=None):
    """The public site's address (https://…), without a trailing slash."""
    site = page.get_site() if page is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(name, language, *args, page=None):
    with translation.override(language):
        return site_root_url(page) + reverse(name, args=args)


def unsubscribe_url(subscriber, page=None):
    return public_url("newsletter_unsubscribe", subscriber.language, subscriber.unsubscribe_key,
                      page=page)


def unsubscribe_addresses(issue):
    """A function giving each subscriber's unsubscribe address for `issue`'s mail (the site
    and the address pattern looked up once per send)."""
    marker = "UNSUBSCRIBE-KEY"
    pattern = public_url("newsletter_unsubscribe", issue.locale.language_code, marker,
                         page=issue)
    return lambda subscriber: pattern.replace(marker, subscriber.unsubscribe_key)


def confirmation_url(language, token):
    return public_url("newsletter_confirm", language, token)


def _rendition_url(image):
    try:
        url = image.get_rendition(EMAIL_IMAGE).url
    except Exception:  # a missing source file must not stop a mail
        return None
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def issue_items(issue):
    """The issue's blocks, with each chosen item's title, teaser, image and link read from
    its page (an item whose page is gone or not live is left out)."""
    items = []
    for block in issue.body:
        value = block.value
        if block.block_type == "item":
            page = value["page"]
            if page is None or not page.live:
                continue
            page = page.specific
            image = getattr(page, "listing_image", None)
            items.append({
                "type": "item",
                "title": value["title"] or page.title,
                "teaser": value["teaser"] or getattr(page, "summary", "") or "",
                "url": page.full_url,
                "image": image,
                "image_url": _rendition_url(image) if image is not None else None,
            })
        elif block.block_type == "call_to_action":
            page = value["page"]
            items.append({
                "type": "call_to_action",
                "heading": value["heading"],
                "text": value["text"],
                "label": value["label"],
                "url": page.full_url if page is not None and page.live else value["url"],
            })
        else:
            items.append({"type": block.block_type, "value": value})
    return items


def render_issue(issue, unsubscribe_url):
    """(html, text) of an issue's mail."""
    language = issue.locale.language_code
    with translation.override(language):
        context = {
            "issue": issue,
            "items": issue_items(issue),
            "language": language,
            "unsubscribe_url": unsubscribe_url,
            "issue_url": issue.full_url,
            "site_url": site_root_url(issue),
        }
        html = render_to_string("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
    return html, text


def issue_message(issue, to, unsubscribe_url, rendered=None):
    """The issue as a mail to `to`, with the one-click unsubscribe headers (RFC 8058)."""
    html, text = rendered or render_issue(issue, unsubscribe_url)
    if rendered:
        html = html.replace(RECIPIENT_MARK, unsubscribe_url)
        text = text.replace(RECIPIENT_MARK, unsubscribe_url)
    message = EmailMultiAlternatives(
        subject=issue.title, body=text, from_email=newsletter_from(), to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": issue.locale.language_code,
        },
    )
    message.attach_alternative(html, "text/html")
    return message


# Rendered once per send; each recipient's own unsubscribe address replaces this mark.
RECIPIENT_MARK = "https://unsubscribe.invalid/recipient"


def render_issue_for_everyone(issue):
    return render_issue(issue, RECIPIENT_MARK)


def newsletter_from():
    return getattr(settings, "NEWSLETTER_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL


def send_confirmation(subscriber, token):
    """The double opt-in mail: a link to the page where the subscription is confirmed."""
    with translation.override(subscriber.language):
        context = {
            "subscriber": subscriber,
            "confirm_url": confirmation_url(subscriber.language, token),
            "version": CONFIRMATION_MAIL_VERSION,
        }
        text = render_to_string("newsletter/email/confirmation.txt", context)
        subject = _("Please confirm your subscription to the Connective Cities newsletter")
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=newsletter_from(),
                                     to=[subscriber.email])
    mailers.default.send_messages([message])

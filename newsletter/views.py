"""Subscribing, confirming and unsubscribing, for readers.

The forms post here without a CSRF token, as the feedback form does (pages/views.py), so that
the pages showing them need no cookie and stay cacheable: cross-site posts from browsers are
refused by their `Sec-Fetch-Site` header. The one-click unsubscribe (RFC 8058) is the
exception: mail providers post it from their servers, and the key in its address is the proof.

Opening a confirmation or unsubscribe link changes nothing (mail scanners open links): it shows
a page with a button, and only the button's POST confirms or unsubscribes.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from security.clientip import client_ip
from security.ratelimit import is_rate_limited

from . import subscriptions
from .forms import HONEYPOT_FIELD, SubscribeForm, is_spam


def rate_limit():
    from django.conf import settings

    return getattr(settings, "NEWSLETTER_FORM_RATE_LIMIT", (10, 10 * 60))


def _render(request, template, context, status=200):
    context.setdefault("honeypot_name", HONEYPOT_FIELD)
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _refuse_cross_site(request):
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        raise PermissionDenied("Cross-site form submission")


@csrf_exempt
@require_POST
def subscribe(request):
    _refuse_cross_site(request)
    language = translation.get_language()
    form = SubscribeForm(request.POST, language=language)
    if is_rate_limited(request, "newsletter-form", *rate_limit()):
        form.is_valid()
        form.add_error(None, translation.gettext(
            "This form was sent from your connection too often in a short time. Please wait "
            "a few minutes and send it again; your entries are still here."
        ))
        return _render(request, "newsletter/subscribe.html", {"form": form}, status=429)
    if not form.is_valid():
        return _render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    if not is_spam(request.POST):
        data = form.cleaned_data
        subscriptions.request_subscription(
            email=data["email"], language=data["language"], name=data["name"].strip(),
            organisation=data["organisation"].strip(), address=client_ip(request),
        )
    # The same answer for a new address, a known one, and a robot.
    return _render(request, "newsletter/subscribe_done.html", {})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "GET":
        known = subscriptions.waiting_for(token) is not None
        return _render(request, "newsletter/confirm.html", {"known": known},
                       status=200 if known else 404)
    _refuse_cross_site(request)
    if subscriptions.confirm(token, client_ip(request)):
        return _render(request, "newsletter/confirmed.html", {})
    return _render(request, "newsletter/confirm.html", {"known": False}, status=404)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, key):
    if request.method == "GET":
        return _render(request, "newsletter/unsubscribe.html", {"key": key})
    if not subscriptions.unsubscribe(key):
        return _render(request, "newsletter/unsubscribe.html", {"key": key, "unknown": True},
                       status=404)
    return _render(request, "newsletter/unsubscribed.html", {})

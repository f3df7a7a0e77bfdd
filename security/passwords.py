"""Page and document passwords are throttled like logins: after LOGIN_FAILURE_LIMIT wrong
passwords from one address for one protected page (its view restriction, which covers the
page's subtree) or collection, that password form is locked from that address for
LOGIN_LOCKOUT_MINUTES. Even the right password is refused until then; readers elsewhere are
not affected. The counts live in the shared cache, so every app server sees them. Redis
counts atomically; the file cache of the embedded default reads and writes, so guesses sent at
the very same moment there may count as fewer (one machine, a small newsroom).

Wagtail's views stay as they are; these wrappers take over their URLs and names.
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import path
from django.utils.cache import add_never_cache_headers
from wagtail.documents.views.serve import authenticate_with_password as document_password
from wagtail.views import authenticate_with_password as page_password

from .clientip import client_ip

logger = logging.getLogger(__name__)


def _key(scope, restriction_id, request):
    address = hashlib.sha256((client_ip(request) or "unknown").encode()).hexdigest()[:32]
    return f"password-failures:{scope}:{restriction_id}:{address}"


def _cool_off_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _attempt(key):
    """Count one more attempt; how many there were within the cool-off."""
    cache.add(key, 0, timeout=_cool_off_seconds())
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=_cool_off_seconds())
        count = 1
    # Locked for the cool-off after the last attempt, as logins are.
    cache.touch(key, _cool_off_seconds())
    return count


def locked_response(request):
    response = render(
        request,
        "security/password_locked.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": _cool_off_seconds() // 60,
        },
        status=429,
    )
    add_never_cache_headers(response)
    return response


def throttled(view, scope, restriction_argument):
    """`view` (Wagtail's password form for the restriction in the URL argument
    `restriction_argument`), refused with 429 from an address that entered too many wrong
    passwords for that restriction."""

    @wraps(view)
    def wrapper(request, **kwargs):
        if request.method != "POST":
            return view(request, **kwargs)
        restriction_id = kwargs[restriction_argument]
        key = _key(scope, restriction_id, request)
        # Counted before the password is checked, so that guesses sent at once are counted too.
        attempts = _attempt(key)
        if attempts > settings.AXES_FAILURE_LIMIT:
            return locked_response(request)
        response = view(request, **kwargs)
        if response.status_code in (301, 302, 303):  # accepted: the reader is sent on
            cache.delete(key)
            return response
        if attempts == settings.AXES_FAILURE_LIMIT:
            logger.warning("Password of %s restriction %s locked for %s", scope,
                           restriction_id, client_ip(request))
            return locked_response(request)
        return response

    return wrapper


throttled_page_password = throttled(page_password, "page", "page_view_restriction_id")
throttled_document_password = throttled(document_password, "collection", "restriction_id")

# Inside i18n_patterns, before Wagtail's own URLs (site/urls.py).
page_password_urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

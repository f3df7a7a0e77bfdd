"""Page and document passwords are throttled like logins: after LOGIN_FAILURE_LIMIT wrong
passwords from one address for one protected page (its view restriction, which covers the
page's subtree) or collection, that password form is locked from that address for
LOGIN_LOCKOUT_MINUTES. Even the right password is refused until then; readers elsewhere are
not affected. The counts live in the shared cache, so every app server sees them. Redis
counts atomically; the file cache of the embedded default reads and writes, so guesses sent at
the very same moment there may count as fewer (one machine, a small newsroom).

Wagtail's views stay as they are; these wrappers take over their URLs and names.
"""

import logging
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.urls import path
from django.utils.cache import add_never_cache_headers
from wagtail.documents.views.serve import authenticate_with_password as document_password
from wagtail.views import authenticate_with_password as page_password

from .clientip import client_ip
from .ratelimit import count_use, forget_uses

logger = logging.getLogger(__name__)


def _cool_off_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


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
        counter = (f"password-failures:{scope}:{restriction_id}", client_ip(request) or "unknown")
        # Counted before the password is checked, so that guesses sent at once are counted too.
        attempts = count_use(*counter, _cool_off_seconds(), restart_window=True)
        if attempts > settings.AXES_FAILURE_LIMIT:
            return locked_response(request)
        response = view(request, **kwargs)
        if response.status_code in (301, 302, 303):  # accepted: the reader is sent on
            forget_uses(*counter)
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

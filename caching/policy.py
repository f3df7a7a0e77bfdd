"""How long public responses may be kept, from the environment (see the README's caching
section). Browsers keep a page briefly; shared caches (Varnish, a CDN) keep it long, because
publishing bans what changed. Without a front cache to ban (FRONTEND_CACHE_URLS unset) the
shared lifetime stays short, so a CDN that nobody purges is never stale for long."""

import contextlib
import os

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject

SAFE_METHODS = {"GET", "HEAD"}


def _seconds(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = int(value)
    except ValueError as error:
        raise ValueError(f"{name} must be a number of seconds, not {value!r}.") from error
    if seconds < 0:
        raise ValueError(f"{name} must not be negative.")
    return seconds


def max_ages(purging):
    browser = _seconds("HTTP_CACHE_MAX_AGE", 60)
    shared = _seconds("HTTP_CACHE_S_MAXAGE", 86_400 if purging else 300)
    return browser, shared


def _private_prefixes():
    prefixes = [reverse("wagtailadmin_home")]
    with contextlib.suppress(NoReverseMatch):  # Django's admin is optional
        prefixes.append(reverse("admin:index"))
    return tuple(prefixes)


PRIVATE_PREFIXES = SimpleLazyObject(_private_prefixes)


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_public_request(request):
    """A request whose answer may be public: a safe method, no session, not the admin."""
    return (request.method in SAFE_METHODS and not has_session(request)
            # "/admin" too, which only redirects to "/admin/".
            and not f"{request.path}/".startswith(tuple(PRIVATE_PREFIXES)))

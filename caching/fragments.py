"""Rendered output and query results in the shared cache (Redis in production), by their tags.

An entry keeps its value and the versions of the tags it showed (caching/tags.py): those given
when it is cached, and those that whatever computed it noted with `tags.shows`. It is read only
while all of them are still at those versions, so a change retires exactly the entries that
show it, on every app server at once. Reading an entry notes its tags for the request again:
the response carries them to Varnish.

An entry is stored only if none of its tags changed since the request began (it may show what
was there before). Its key holds the release (`release()`), so a new release never reads what
an old one rendered (hashed asset URLs in a page's head, pickled pages of changed models).

Only what every reader sees alike is cached: previews and drafts never are (`live_page`).
"""

import functools
import hashlib
import os

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.utils.translation import get_language

from . import tags as tagging


def timeout():
    return getattr(settings, "FRAGMENT_CACHE_TIMEOUT", 24 * 60 * 60)


@functools.cache
def release():
    """The release's name: RELEASE if set, else a hash of the static files' manifest (every
    change of an asset changes it), else "dev"."""
    if os.environ.get("RELEASE"):
        return os.environ["RELEASE"]
    manifest_path = getattr(staticfiles_storage, "manifest_name", None)
    if manifest_path and staticfiles_storage.exists(manifest_path):
        with staticfiles_storage.open(manifest_path) as manifest:
            return hashlib.sha256(manifest.read()).hexdigest()[:12]
    return "dev"


def key(name, *parts, language=None):
    language = language or get_language() or settings.LANGUAGE_CODE
    return ":".join(["f", release(), name, language, *map(str, parts)])


def live_page(page):
    """Whether output about `page` may be cached: a live page shown to a reader (editors'
    requests, previews among them, may show a draft)."""
    return bool(getattr(page, "live", False)) and tagging.current_view().public


MISS = object()


def read(entry_key):
    """The value under `entry_key` if it is there and nothing it shows changed, else MISS."""
    view = tagging.current_view()
    view.keys_read.append(entry_key)
    if entry_key not in view.read_ahead:  # asked once per request
        view.read_ahead[entry_key] = cache.get(entry_key)
    entry = view.read_ahead[entry_key]
    if entry is None:
        return MISS
    value, stored = entry
    if tagging.versions(list(stored), view) != stored:
        return MISS
    tagging.shows(*stored)
    return value


def cached(entry_key, compute, tags=()):
    """The value under `entry_key`, computed and kept when missing or retired. `tags`: what it
    shows beyond what `compute` notes itself (a list may show pages not yet in it)."""
    value = read(entry_key)
    if value is not MISS:
        return value
    return store(entry_key, compute, tags)


def store(entry_key, compute, tags=()):
    """`compute()`, kept under `entry_key` with the versions of what it shows (for callers
    that have just found it missing with `read`)."""
    with tagging.collecting() as shown:
        tagging.shows(tagging.ALL, *tags)
        value = compute()
        view = tagging.current_view()
        current = tagging.versions(sorted(shown), view)
    # Versions are times: one after the request began means a change it may have missed.
    if all(version <= view.started for version in current.values()):
        cache.set(entry_key, (value, current), timeout())
        view.read_ahead[entry_key] = (value, current)
    return value


def cached_list(entry_key, build, tags=()):
    """Pages or rows shown on many pages, as a list (querysets pickle without their results)."""
    return cached(entry_key, lambda: list(build()), tags)


class lazy:  # noqa: N801 (used like a function)
    """A template context value computed on first use, once: parts of a page behind a cached
    fragment then cost nothing while the fragment is cached (Django templates call a callable
    context value when they resolve it)."""

    def __init__(self, compute):
        self._compute = compute
        self._done = False
        self._value = None

    def __call__(self):
        if not self._done:
            self._value = self._compute()
            self._done = True
        return self._value


def resolve(value):
    """A context value as templates see it (`lazy` values computed)."""
    return value() if isinstance(value, lazy) else value


def active_locale():
    """Wagtail's `Locale.get_active()`, without its query once this language's locale is
    cached."""
    from wagtail.models import Locale

    code = get_language() or settings.LANGUAGE_CODE
    return cached(key("locale", language=code), Locale.get_active)

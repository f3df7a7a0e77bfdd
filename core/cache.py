"""Caching rendered output in the shared cache (Redis in production), safely.

Two kinds of keys:
- **Revision keys** for one page's own output (its StreamField body): the page's live
  revision and the language are part of the key, so a new publication is a new key, and a
  preview or draft (which has no live revision of its own, or another one) never reads or
  writes a live page's entry.
- **Site-version keys** for output that shows many pages (menu, footer, archive, sitemap):
  the site's change mark (caching/freshness.py), moved on whenever any page is published,
  unpublished, moved or deleted (and whenever a snippet, author, site or locale changes), is
  part of the key. Moving it retires every such entry at once, on every app server sharing the
  cache, without enumerating them.

A request reads the version once and keeps it to its end (one consistent view of the site: a
page's fragments never mix two versions). A bump in the same request is seen at once.

Entries expire on their own after `FRAGMENT_CACHE_TIMEOUT` (a day by default), so retired
entries do not pile up in the cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from caching import freshness


def timeout():
    return getattr(settings, "FRAGMENT_CACHE_TIMEOUT", 24 * 60 * 60)


def site_version():
    """The current content version: the site's change mark (caching/freshness.py), read once
    per request."""
    return freshness.version()


def bump_site_version(**kwargs):
    """Retire every site-version entry at once and again when the transaction commits: a
    request in between may have cached, under the new version, what it read before the commit
    (signal receiver: accepts and ignores arguments)."""
    freshness.content_changed()


def site_key(name, *parts, language=None):
    """A key for output that shows many pages, valid until the next publication."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return ":".join(["site", name, language, site_version(), *map(str, parts)])


def revision_key(name, page, *parts, language=None):
    """A key for one live page's own output, or None when the page shows no live revision
    (previews, drafts, pages saved without a revision): such output is never cached."""
    revision_id = getattr(page, "live_revision_id", None)
    if not revision_id or not getattr(page, "live", False) or getattr(page, "is_preview", False):
        return None
    language = language or get_language() or settings.LANGUAGE_CODE
    return ":".join(["page", name, language, str(page.pk), str(revision_id), *map(str, parts)])


def cached(key, compute):
    """The value under `key` (a site-version or revision key), computed and kept when the cache
    does not have it."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout())
    return value


def cached_pages(key, build):
    """Live pages shown on many pages (menu, switcher, footer, filters), from the shared cache
    until the next publication: pages pickle without their StreamFields' renderings, and
    `pageurl` needs no query for them."""
    return cached(key, lambda: list(build()))


# The locales by language code, in this process, for the content version they were read at.
_locales = {"version": None, "by_code": {}}


def active_locale():
    """Wagtail's `Locale.get_active()` without its query: locales change with the content
    version (core.signals)."""
    from wagtail.models import Locale

    version = site_version()
    if _locales["version"] != version:
        _locales.update(version=version, by_code={})
    code = get_language() or settings.LANGUAGE_CODE
    locale = _locales["by_code"].get(code)
    if locale is None:
        locale = _locales["by_code"][code] = Locale.get_active()
    return locale


def cached_about_live_page(name, page, compute, *parts):
    """A value about one live page that shows other content too (its byline, its link-preview
    image), from the cache until its next publication or any change of content; computed
    afresh for previews. None is not remembered: it may only mean "not ready yet" (an image
    whose renditions the worker has still to make)."""
    if revision_key(name, page) is None:
        return compute()
    key = site_key(name, page.pk, page.live_revision_id, *parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout())
    return value


class lazy_value:  # noqa: N801 (used like a function)
    """A template context value computed on first use, once.

    Parts of a page behind a cached fragment then cost nothing while the fragment is cached:
    Django templates call a callable context value when they resolve it.
    """

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
    """A context value as templates see it (`lazy_value`s computed)."""
    return value() if isinstance(value, lazy_value) else value

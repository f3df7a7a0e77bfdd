"""Caching rendered output in the shared cache (Redis in production), safely.

Two kinds of keys:
- **Revision keys** for one page's own output (its StreamField body): the page's live
  revision and the language are part of the key, so a new publication is a new key, and a
  preview or draft (which has no live revision of its own, or another one) never reads or
  writes a live page's entry.
- **Site-version keys** for output that shows many pages (menu, footer, archive, sitemap):
  a counter in the cache, bumped whenever any page is published, unpublished, moved or
  deleted, is part of the key. Bumping it retires every such entry at once, on every app
  server sharing the cache, without enumerating them.

Entries expire on their own after `FRAGMENT_CACHE_TIMEOUT` (a day by default), so retired
entries do not pile up in the cache.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

SITE_VERSION_KEY = "site-content-version"


def timeout():
    return getattr(settings, "FRAGMENT_CACHE_TIMEOUT", 24 * 60 * 60)


def site_version():
    """The current content version (made on first use, kept until bumped)."""
    version = cache.get(SITE_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        # add() so that concurrent first uses agree on one value.
        if not cache.add(SITE_VERSION_KEY, version, timeout=None):
            version = cache.get(SITE_VERSION_KEY) or version
    return version


def bump_site_version(**kwargs):
    """Retire every site-version entry (signal receiver: accepts and ignores arguments)."""
    cache.set(SITE_VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)


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

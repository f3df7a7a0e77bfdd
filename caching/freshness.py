"""The site's change mark: when any published content last changed.

Every public page shows more than itself (menus, listings, related items), so a page's own
`last_published_at` would be wrong for most of them. Instead, any publish, unpublish, move or
delete moves one site-wide mark on, kept in the shared cache (Redis in production, so all app
servers agree). It serves twice:

- as Last-Modified (to the second; the ETag, a hash of the body, is the precise validator);
- to tell whether content changed while a response was being made (caching/middleware.py):
  such a response may show what was there before the change, so shared caches keep it only
  briefly;
- as the content version of cached fragments (core.cache.site_key): moving it on retires them
  all at once.

Within a request the mark is read once (caching/prefetch.py keeps what a request read), so a
page's parts all agree on one version; `mark(fresh=True)` asks the cache again.
"""

import datetime
import time

from django.core.cache import cache
from django.db import transaction

from .prefetch import read_fresh

KEY = "caching:content-changed-at"


def _move_on():
    # Microseconds, so that two changes within one second are two marks.
    cache.set(KEY, time.time(), None)


def content_changed():
    """Move the mark on now and once more when the transaction commits, so that no response
    made in between can pass as made after the change. `purge.schedule` calls this before it
    registers its bans, so that the commit moves the mark on before the ban goes out."""
    _move_on()
    transaction.on_commit(_move_on)


def mark(fresh=False):
    """The current mark (as this request first read it, unless `fresh`). Unknown (a fresh
    cache): from now on, which is never too early."""
    value = read_fresh(cache, KEY) if fresh else cache.get(KEY)
    if value is None:
        value = time.time()
        if not cache.add(KEY, value, None):
            value = cache.get(KEY, value)
    return value


def version():
    """The mark as a part of cache keys."""
    return f"{mark():.6f}"


def content_changed_at(value=None):
    """The mark (the current one unless given) as a time, to the second."""
    value = mark() if value is None else value
    return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC)

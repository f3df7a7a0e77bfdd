"""The site's Last-Modified: when any published content last changed.

Every public page shows more than itself (menus, listings, related items), so a page's own
`last_published_at` would be wrong for most of them. Instead, any publish, unpublish, move or
delete moves one site-wide time on, kept in the shared cache (Redis in production, so all app
servers agree). The ETag, a hash of the body, is the precise validator; Last-Modified lets
clients that only send If-Modified-Since revalidate too.
"""

import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

KEY = "caching:content-changed-at"


def _now():
    return timezone.now().replace(microsecond=0)


def content_changed():
    """Move the time on now and once more when the transaction commits, so that no copy made
    in between can claim to be newer than the change."""
    cache.set(KEY, _now().timestamp(), None)
    transaction.on_commit(lambda: cache.set(KEY, _now().timestamp(), None))


def content_changed_at():
    """When content last changed. Unknown (a fresh cache): from now on, which is never too
    early."""
    value = cache.get(KEY)
    if value is None:
        value = _now().timestamp()
        if not cache.add(KEY, value, None):
            value = cache.get(KEY, value)
    return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)

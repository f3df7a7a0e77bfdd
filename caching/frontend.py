"""Dropping retired tags from the front caches (Varnish with xkey, deploy/varnish/default.vcl).

Every public response names its tags in an `xkey` header (caching/middleware.py); Varnish
indexes its objects by them. After a change commits, one PURGE request per Varnish in
FRONTEND_CACHE_URLS names the retired tags, and Varnish drops every object carrying any of
them, whatever its URL, query string or host name.

A reader's request that read the old rows before the commit can still reach Varnish after the
purge: its response is kept for a second only when a tag it shows changed while it was made
(caching/middleware.py), and the purge is sent once more `PURGE_AGAIN_AFTER` seconds later,
for a response that had been checked but not yet stored when the first one arrived.
"""

import logging
import threading
from functools import partial
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction

logger = logging.getLogger("caching.purge")

TIMEOUT = 3
# Tags per PURGE request: keeps its header well below Varnish's limit.
CHUNK = 200
# Seconds; far longer than a response takes from the app's check to the cache's store.
PURGE_AGAIN_AFTER = 2.0


def front_caches():
    return list(getattr(settings, "FRONTEND_CACHE_URLS", None) or [])


class PurgeRequest(Request):
    def get_method(self):
        return "PURGE"


def purge(tags):
    """Drop every object carrying any of `tags` from every front cache; returns the caches
    that failed. Never raises: purging must never turn an editor's publication into an error
    page."""
    tags = sorted(tags)
    failed = []
    for location in front_caches():
        for start in range(0, len(tags), CHUNK):
            request = PurgeRequest(location.rstrip("/") + "/",
                                   headers={"xkey": " ".join(tags[start:start + CHUNK])})
            try:
                # The location comes from the settings, never from a request.
                with urlopen(request, timeout=TIMEOUT):  # noqa: S310
                    pass
            except (URLError, OSError) as error:
                logger.error("The front cache %s missed a purge of %s: %s", location,
                             " ".join(tags[start:start + CHUNK]), error)
                failed.append(location)
    return failed


def purge_after_commit(tags):
    if not front_caches():
        return
    transaction.on_commit(partial(_purge_twice, tags))


def _purge_twice(tags):
    purge(tags)
    again_after = getattr(settings, "FRONTEND_CACHE_PURGE_AGAIN_AFTER", PURGE_AGAIN_AFTER)
    if again_after:
        # A timer, not a background task: it must not wait for (or depend on) the task
        # worker, and a purge lost with a dying process costs no more than the race it covers.
        timer = threading.Timer(again_after, purge, args=(tags,))
        timer.daemon = True
        timer.start()

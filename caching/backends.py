"""A Varnish backend for Wagtail's frontend cache that can also ban.

`purge(url)` sends Wagtail's usual PURGE for one URL. `ban()` sends a BAN with a regular
expression over URLs or over cache tags; deploy/varnish/default.vcl turns it into a Varnish ban,
which drops every matching object at once (all `?page=N` and filter variants of a listing, or
every page showing a topic).
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("caching.purge")

TIMEOUT = 3


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    def __init__(self, params):
        self.location = params["LOCATION"].rstrip("/")
        super().__init__(params)

    def ban(self, *, url_regex=None, tags_regex=None):
        """Drop every object whose URL (path and query) or cache tags match, on every host
        name. Returns whether the cache accepted the ban."""
        headers = {}
        if url_regex:
            headers["X-Ban-Url"] = url_regex
        elif tags_regex:
            headers["X-Ban-Tags"] = tags_regex
        else:
            raise ValueError("A ban needs a URL or a tags expression.")
        request = BanRequest(self.location + "/", headers=headers)
        try:
            # The location comes from FRONTEND_CACHE_URLS, never from a request.
            with urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                return response.status == 200
        except (URLError, OSError) as error:
            logger.error("The front cache %s refused or missed a ban (%s): %s",
                         self.location, headers, error)
            return False

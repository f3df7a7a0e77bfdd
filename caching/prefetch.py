"""A page's entries in the shared cache, read in two round trips.

A warm public page reads a dozen entries from the shared cache (the change mark, its route,
menu, footer, translations, its body, …). One at a time, each a round trip to Redis and its
share of the client's work, they cost about a third of the page's time. Two parts make that
two round trips:

- **A request memo** (the cache backends below): within a request, an entry is read from the
  cache once; reading it again, or an entry read ahead, costs nothing. Writing, adding,
  counting or deleting an entry forgets it, so the next read asks the cache again.
- **A reading plan** (`PrefetchMiddleware`): for readers without a session, the entries a URL
  read are remembered with the content version they were read under (core.cache.site_key).
  The next request for that URL reads the change mark and the plan in one round trip and, if
  the plan is of the current version, everything on it in a second one, before anything needs
  it. A plan of another version is not followed: a publication retires every plan with it.

Reads that must see the latest value, not the one the request started with, use
`read_fresh` (the change mark at the end of a request, caching/middleware.py).

Outside a request (workers, commands, tests calling code directly) every read asks the cache.
"""

import contextlib
import contextvars
import hashlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache

from .policy import is_public_request

# Longer plans are not kept: no page reads that many entries, so something is wrong.
MAX_PLAN = 64
# A plan is kept for responses that will be served again.
PLANNED_STATUS = {200}

_MISSING = object()
_memo = contextvars.ContextVar("cache_memo_of_request", default=None)


class Memo:
    def __init__(self):
        self.values = {}  # (key, version) -> value, or _MISSING
        self.reads = {}  # (key, version) in the order of first reading (an ordered set)


@contextlib.contextmanager
def request_memo():
    """Reads within this block are remembered (see above)."""
    memo = Memo()
    token = _memo.set(memo)
    try:
        yield memo
    finally:
        _memo.reset(token)


class RequestMemoMixin:
    """Django cache backend methods, with a request's reads remembered (see above)."""

    def entry(self, key, version=None):
        """A key as the memo and `read_ahead` know it: (key, cache version)."""
        return key, self.version if version is None else version

    def get(self, key, default=None, version=None, **kwargs):
        memo = _memo.get()
        if memo is None:
            return super().get(key, default, version, **kwargs)
        entry = self.entry(key, version)
        memo.reads[entry] = None
        if entry not in memo.values:
            memo.values[entry] = super().get(key, _MISSING, version, **kwargs)
        value = memo.values[entry]
        return default if value is _MISSING else value

    def get_many(self, keys, version=None, **kwargs):
        memo = _memo.get()
        if memo is None:
            return super().get_many(keys, version, **kwargs)
        return {key: value for key in keys
                if (value := self.get(key, _MISSING, version)) is not _MISSING}

    def get_fresh(self, key, default=None, version=None):
        """From the cache itself, whatever this request read before."""
        memo = _memo.get()
        if memo is not None:
            memo.values.pop(self.entry(key, version), None)
        return super().get(key, default, version)

    def read_ahead(self, entries):
        """Read `entries` ((key, version) pairs) into the memo, in as few round trips as the
        backend allows (one for Redis)."""
        memo = _memo.get()
        if memo is None:
            return
        entries = [entry for entry in entries if entry not in memo.values]
        found = self._fetch(entries)
        for entry in entries:
            memo.values[entry] = found.get(entry, _MISSING)

    def _fetch(self, entries):
        """{entry: value} of the entries the cache has (one read each: a backend in memory)."""
        found = {}
        for key, version in entries:
            value = super().get(key, _MISSING, version)
            if value is not _MISSING:
                found[key, version] = value
        return found

    def _forget(self, keys, version):
        memo = _memo.get()
        if memo is not None:
            for key in keys:
                memo.values.pop(self.entry(key, version), None)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        self._forget([key], version)
        return super().set(key, value, timeout, version, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        self._forget([key], version)
        return super().add(key, value, timeout, version, **kwargs)

    def delete(self, key, version=None, **kwargs):
        self._forget([key], version)
        return super().delete(key, version, **kwargs)

    def incr(self, key, delta=1, version=None, **kwargs):
        self._forget([key], version)
        return super().incr(key, delta, version, **kwargs)

    def decr(self, key, delta=1, version=None, **kwargs):
        self._forget([key], version)
        return super().decr(key, delta, version, **kwargs)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        self._forget(list(data), version)
        return super().set_many(data, timeout, version, **kwargs)

    def delete_many(self, keys, version=None, **kwargs):
        self._forget(list(keys), version)
        return super().delete_many(keys, version, **kwargs)

    def clear(self):
        memo = _memo.get()
        if memo is not None:
            memo.values.clear()
        return super().clear()


class MemoRedisCache(RequestMemoMixin, RedisCache):
    """Redis (django-redis), read ahead in one MGET whatever the entries' versions."""

    def _fetch(self, entries):
        if not entries:
            return {}
        client = self.client
        keys = {client.make_key(key, version=version): (key, version)
                for key, version in entries}
        # Keys already made are taken as they are: one MGET for every version.
        found = RedisCache.get_many(self, list(keys)) or {}  # {} or None when Redis is away
        return {keys[key]: value for key, value in found.items()}


class MemoLocMemCache(RequestMemoMixin, LocMemCache):
    """The process's memory (tests that run in one process)."""


class MemoFileBasedCache(RequestMemoMixin, FileBasedCache):
    """Files shared by every process on one machine (the embedded default, without Redis)."""


def read_fresh(cache, key, default=None):
    """`key` from the cache itself, also behind a backend without a memo."""
    get_fresh = getattr(cache, "get_fresh", None)
    return get_fresh(key, default) if get_fresh else cache.get(key, default)


class PrefetchMiddleware:
    """Keeps a memo for each request and, for public pages, reads ahead what the same URL read
    last time. Before the HTTP cache middleware, so that its change mark is read once too.

    The change mark and the URL's plan come in one round trip: the plan says which content
    version it was made under, and a plan of another version is not followed (the entries it
    names are retired). Then everything on the plan in a second one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.core.cache import cache

        from . import freshness

        with request_memo() as memo:
            if not is_public_request(request) or not hasattr(cache, "read_ahead"):
                return self.get_response(request)
            key = plan_key(request)
            cache.read_ahead([cache.entry(freshness.KEY), cache.entry(key)])
            version = freshness.version()
            made_under, planned = cache.get(key) or (None, [])
            plan = planned if made_under == version else []
            memo.reads.clear()  # the plan's own key belongs to no plan
            cache.read_ahead(plan)
            response = self.get_response(request)
            reads = [entry for entry in memo.reads if entry[0] != key]
            if (response.status_code in PLANNED_STATUS and reads != plan
                    and len(reads) <= MAX_PLAN):
                cache.set(key, (version, reads), _plan_timeout())
            return response


def plan_key(request):
    """One per URL, whatever the content version (the plan names the version it holds); the URL
    hashed, so that a long query string makes no long key."""
    url = f"{request.get_host()}{request.get_full_path()}"
    return "plan:" + hashlib.sha256(url.encode()).hexdigest()[:32]


def _plan_timeout():
    from core.cache import timeout

    return timeout()

"""Counting requests per client address through Django's cache, so that every app server
sees the same counts (Redis in production)."""

import hashlib

from django.core.cache import cache

from .clientip import client_ip


def _key(scope, value):
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def is_rate_limited(request, scope, limit, period):
    """Count this request against `scope`; True once `limit` requests came from the same
    address within `period` seconds (a fixed window that starts with the first request)."""
    return is_over_limit(scope, client_ip(request) or "unknown", limit, period)


def count_use(scope, value, period, *, restart_window=False):
    """Count one more use of `value` (an address, an e-mail address) in `scope`; how many uses
    there were within `period` seconds. With `restart_window`, the window starts again with
    each use, so that a lock lasts `period` after the last attempt (as logins' does)."""
    key = _key(scope, value)
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ran out between add() and incr()
        cache.add(key, 1, timeout=period)
        count = 1
    if restart_window:
        cache.touch(key, period)
    return count


def forget_uses(scope, value):
    cache.delete(_key(scope, value))


def is_over_limit(scope, value, limit, period):
    """Count one more use of `value` against `scope`; True once it was used more than `limit`
    times within `period` seconds."""
    return count_use(scope, value, period) > limit


def claim_once(namespace, value, timeout):
    """Mark `value` as used; False if it was used before (within `timeout` seconds)."""
    digest = hashlib.sha256(value.encode()).hexdigest()
    return cache.add(f"once:{namespace}:{digest}", 1, timeout=timeout)

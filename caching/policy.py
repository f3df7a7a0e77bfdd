"""How long public responses may be kept, from the environment (see the README's caching
section). Browsers keep a page briefly; shared caches (Varnish, a CDN) keep it long, because
publishing bans what changed. Without a front cache to ban (FRONTEND_CACHE_URLS unset) the
shared lifetime stays short, so a CDN that nobody purges is never stale for long."""

import os


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


def frontend_cache_settings(urls):
    """WAGTAILFRONTENDCACHE for the comma-separated FRONTEND_CACHE_URLS (one Varnish each)."""
    return {
        f"varnish{number}": {"BACKEND": "caching.backends.VarnishBackend", "LOCATION": url}
        for number, url in enumerate(urls, start=1)
    }


def max_ages(purging):
    browser = _seconds("HTTP_CACHE_MAX_AGE", 60)
    shared = _seconds("HTTP_CACHE_S_MAXAGE", 86_400 if purging else 300)
    return browser, shared

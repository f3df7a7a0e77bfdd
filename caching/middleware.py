"""Cache-Control, Vary and conditional requests for every response of the app.

Three classes of response:

- **public** (`public, max-age=<short>, s-maxage=<long>`): safe GET/HEAD requests without a
  session cookie that set no cookie, with a cacheable status. They vary on nothing that the
  URL does not already decide: not on Cookie (a reader without a session sees no per-user part;
  the user bar is only rendered when a session cookie is present) and not on Accept-Language
  (the URL prefix decides the language). They carry Last-Modified and an ETag, and answer
  conditional requests with 304.
- **private** (`private, no-store`): the admin, previews (under /admin/), anything sent to a
  request with a session cookie (editors, readers who entered a page password), anything that
  sets a cookie or uses a CSRF token (forms), other methods than GET/HEAD, redirects and errors
  other than 404/410, and whatever a view marked private or never-cache.
- whatever a view chose itself with `public`/`max-age` (robots.txt) is kept.

Public responses name what they show in `xkey` (caching/tags.py), for Varnish to purge by.
Their Last-Modified is the last change of any of it.

A response made while something it shows changed (a tag's version moved on after the request
started) may show what was there before the change, after the front cache has already purged
it: shared caches keep it for `RACING_S_MAXAGE` only, and browsers not at all. Not `no-store`:
Varnish would then send every reader of a busy page to the app at once, instead of letting
them wait for one fetch.
"""

from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from . import tags
from .frontend import front_caches
from .policy import is_public_request, max_ages

PRIVATE = "private, no-store"
CACHEABLE_STATUS = {200, 203, 300, 301, 308}
MISSING_STATUS = {404, 410}
# Missing pages are kept briefly: a page published at that URL bans it anyway.
MISSING_S_MAXAGE = 300
RACING_S_MAXAGE = 1
DROPPED_VARY = {"cookie", "accept-language"}


def mark_private(request):
    """For views and hooks: this response belongs to one reader."""
    request.cache_private = True


class HttpCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = is_public_request(request)
        with tags.request_view(public) as view:
            response = self.get_response(request)
        if not public or self.is_private(request, response):
            self.make_private(response)
            return response
        cache_control = response.get("Cache-Control", "")
        if cache_control:
            return response  # the view decided (robots.txt)
        shown = view.shown | {tags.ALL}
        if response.status_code != 200:
            shown.add(tags.MISSING)
        versions = tags.read_afresh(shown)
        # Without a version of "all" (the cache is down), a change cannot be ruled out.
        racing = tags.ALL not in versions or any(
            version > view.started for version in versions.values())
        self.make_public(request, response, sorted(shown),
                         last_change=max(versions.values(), default=view.started), racing=racing)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=_parse_last_modified(response),
            response=response,
        )

    def is_private(self, request, response):
        if getattr(request, "cache_private", False) or response.cookies:
            return True
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return True
        if response.status_code not in CACHEABLE_STATUS | MISSING_STATUS:
            return True
        cache_control = response.get("Cache-Control", "").lower()
        return any(word in cache_control for word in ("private", "no-store", "no-cache"))

    def make_private(self, response):
        if "no-store" not in response.get("Cache-Control", ""):
            # A view's own no-store (never_cache, the 500 page) says as much; kept.
            response["Cache-Control"] = PRIVATE
        response.headers.pop("Expires", None)
        response.headers.pop("ETag", None)
        response.headers.pop("Last-Modified", None)

    def make_public(self, request, response, shown, last_change, racing=False):
        browser, shared = max_ages(bool(front_caches()))
        if response.status_code in MISSING_STATUS:
            browser, shared = min(browser, MISSING_S_MAXAGE), min(shared, MISSING_S_MAXAGE)
        if racing:
            browser, shared = 0, min(shared, RACING_S_MAXAGE)
        patch_cache_control(response, public=True, max_age=browser, s_maxage=shared)
        vary = [
            field.strip() for field in response.get("Vary", "").split(",")
            if field.strip() and field.strip().lower() not in DROPPED_VARY
        ]
        if vary:
            response["Vary"] = ", ".join(vary)
        else:
            response.headers.pop("Vary", None)
        response["xkey"] = " ".join(shown)
        if response.status_code == 200:
            # Not a view's own time: feeds name their newest item, which moves back when that
            # item is unpublished.
            response["Last-Modified"] = http_date(int(last_change))
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)


def _parse_last_modified(response):
    from django.utils.http import parse_http_date_safe

    value = response.get("Last-Modified")
    return parse_http_date_safe(value) if value else None

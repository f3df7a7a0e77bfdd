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

A response made while content changed (the site's change mark moved between the request's
start and its end) may show what was there before the change, after the front cache has
already banned it: shared caches keep it for `RACING_S_MAXAGE` only, and browsers not at all.
Not `no-store`: Varnish would then send every reader of a busy page to the app at once,
instead of letting them wait for one fetch.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from . import freshness
from .policy import is_public_request, max_ages
from .purge import topic_tag

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
        started = freshness.mark() if is_public_request(request) else None
        response = self.get_response(request)
        if started is None or self.is_private(request, response):
            self.make_private(response)
            return response
        cache_control = response.get("Cache-Control", "")
        if cache_control:
            return response  # the view decided (robots.txt)
        now = freshness.mark(fresh=True)
        self.make_public(request, response, now, racing=now != started)
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

    def make_public(self, request, response, mark, racing=False):
        browser, shared = max_ages(bool(getattr(settings, "WAGTAILFRONTENDCACHE", None)))
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
        tags = set(getattr(request, "cache_tags", ())) | context_tags(response)
        if tags:
            response["X-Cache-Tags"] = ",".join(sorted(tags))
        if response.status_code == 200:
            # The site-wide time, even where a view set its own (feeds use their newest item,
            # which moves back when that item is unpublished).
            response["Last-Modified"] = http_date(
                freshness.content_changed_at(mark).timestamp())
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)


def context_tags(response):
    """Cache tags of a rendered page: one per topic it shows, so that publishing an item of a
    topic bans the pages whose "related content" may now list it (see purge.py). Read from the
    context the template already evaluated: no query."""
    context = getattr(response, "context_data", None) or {}
    page = context.get("page")
    if page is None or not hasattr(type(page), "topics"):
        return set()  # only items (news, videos) show other items by topic
    topics = context.get("topics")
    if isinstance(topics, QuerySet):
        topics = topics._result_cache
    if isinstance(topics, list | tuple):
        return {topic_tag(topic.translation_key) for topic in topics
                if getattr(topic, "translation_key", None)}
    # The page's fragment came from the cache, so the template never computed its topics. Their
    # translation keys change only with a new revision: keep them in the cache beside it.
    keys = cache.get_or_set(
        f"cache-tags:{page.pk}:{page.live_revision_id}",
        lambda: [key.hex for key in page.topics.values_list("translation_key", flat=True)],
        timeout=None,
    )
    return {topic_tag(key) for key in keys}


def _parse_last_modified(response):
    from django.utils.http import parse_http_date_safe

    value = response.get("Last-Modified")
    return parse_http_date_safe(value) if value else None

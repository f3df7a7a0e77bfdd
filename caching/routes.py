"""Where a URL leads, remembered until the page changes.

Finding the page for a reader's URL costs five queries (the site for the host name, the home
page in the URL's language, its specific type, the pages on the way, the page itself). For
readers without a session, the result (the site and Wagtail's route: page, args, kwargs) is kept
as a fragment (caching/fragments.py) that shows the page: publishing, moving, unpublishing or
deleting it retires it, and so does a change of privacy, site or language (everything). One
cache read then replaces the five queries.

The result is handed to Wagtail the way it keeps it for the rest of the request itself:
`request._wagtail_site` and `request._wagtail_route_for_request`; other views get the site
the same way. Page view restrictions and every `before_serve_page` hook still run on each
request. Editors (a session) are always routed afresh: their pages may show draft state.
"""

from wagtail.models import Page
from wagtail.views import serve

from . import fragments, tags
from .policy import has_session


def route_key(request):
    # The whole path: Wagtail's `path` lacks the language prefix (/en/), which decides the
    # language and so the page.
    return fragments.key("route", request.get_host(), request.path, language="-")


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_site_cache_key", None)
        site = getattr(request, "_wagtail_site", None)
        if key and site is not None:
            # The view looked the site up (one query); the next request reads it from here.
            fragments.store(key, lambda: site)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or has_session(request):
            return None
        if view_func is not serve:
            self.remember_site(request)
            return None
        # Wagtail's URL pattern passes the path positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = route_key(request)
        found = fragments.read(key)
        if found is fragments.MISS:
            route = Page.route_for_request(request, path)
            site = getattr(request, "_wagtail_site", None)
            if route is None or site is None:
                return None  # a 404 costs its queries: nothing is worth remembering
            tags.shows(tags.page(route[0].pk))
            # Stored now, before serving adds anything to the page.
            found = fragments.store(key, lambda: (site, route), [tags.page(route[0].pk)])
        request._wagtail_site, request._wagtail_route_for_request = found
        return None

    def remember_site(self, request):
        """Other views (search, feeds, the sitemap) look up the site too; views that do not
        (media) cost no query."""
        key = fragments.key("site", request.get_host(), language="-")
        site = fragments.read(key)
        if site is not fragments.MISS:
            request._wagtail_site = site
        else:
            request._site_cache_key = key

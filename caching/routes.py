"""Where a URL leads, remembered until the page changes.

Finding the page for a reader's URL costs five queries (the site for the host name, the home
page in the URL's language, its specific type, the pages on the way, the page itself). For
readers without a session, the result (the site and Wagtail's route: page, args, kwargs) is kept
as a fragment (caching/fragments.py) that shows the page: publishing, moving, unpublishing or
deleting it retires it, and so does a change of privacy, site or language (everything). One
cache read then replaces the five queries.

The result is handed to Wagtail the way it keeps it for the rest of the request itself:
`request._wagtail_site`, `request._wagtail_route_for_request` and the site root paths
(`request._wagtail_cached_site_root_paths`, which a site or language change retires with
everything); other views get the site
the same way. Page view restrictions and every `before_serve_page` hook still run on each
request. Editors (a session) are always routed afresh: their pages may show draft state.

Beside the route, each URL keeps its reading plan: the fragments the page read last time and
the tags they showed. The route, the plan, those fragments and the tags' versions then come
from the shared cache in two round trips instead of one or two per fragment. A plan is only a
guess: a fragment it names that is gone or retired is simply made again.
"""

from django.core.cache import cache
from django.http import Http404
from wagtail.models import Site
from wagtail.views import serve

from . import fragments, tags
from .policy import has_session


def route_key(request):
    # The whole path: Wagtail's `path` lacks the language prefix (/en/), which decides the
    # language and so the page.
    return fragments.key("routing", request.get_host(), request.path, language="-")


def plan_key(request):
    return fragments.key("plan", request.get_host(), request.path, language="-")


def find_route(request, path):
    """Wagtail's `Page.route_for_request`, with the site and the language's home page (three
    queries) from the shared cache: a page not yet routed costs only the walk from there."""
    start = fragments.cached(fragments.key("start", request.get_host()),
                             lambda: _site_and_home(request))
    if start is None:
        return None
    request._wagtail_site, home = start
    try:
        return home.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def _site_and_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    # A change to a home page, a site or a language retires everything (caching/changes.py).
    return site, site.root_page.localized.specific


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if hasattr(request, "_reading_plan") and response.status_code == 200:
            self.remember_plan(request, *request._reading_plan)
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
        self.read_ahead(request, key)
        found = fragments.read(key)
        if found is fragments.MISS:
            route = find_route(request, path)
            site = getattr(request, "_wagtail_site", None)
            if route is None or site is None:
                return None  # a 404 costs its queries: nothing is worth remembering
            tags.shows(tags.page(route[0].pk))
            # Stored now, before serving adds anything to the page.
            found = fragments.store(
                key, lambda: (site, route, route[0]._get_site_root_paths(request)),
                [tags.page(route[0].pk)])
        (request._wagtail_site, request._wagtail_route_for_request,
         request._wagtail_cached_site_root_paths) = found
        return None

    def read_ahead(self, request, key):
        """The route and the URL's plan in one round trip, then what the plan names in one."""
        view = tags.current_view()
        plan = plan_key(request)
        found = cache.get_many([key, plan])
        view.read_ahead[key] = found.get(key)
        known = found.get(plan)
        if known:
            tags.read_ahead(*known, view=view)
        request._reading_plan = (key, plan, known)

    def remember_plan(self, request, key, plan, known):
        view = tags.current_view()
        entry_keys = tuple(entry for entry in dict.fromkeys(view.keys_read) if entry != key)
        current = (entry_keys, tuple(sorted(view.versions)))
        if current != known:
            cache.set(plan, current, fragments.timeout())

    def remember_site(self, request):
        """Other views (search, feeds, the sitemap) look up the site too; views that do not
        (media) cost no query."""
        key = fragments.key("site", request.get_host(), language="-")
        site = fragments.read(key)
        if site is not fragments.MISS:
            request._wagtail_site = site
        else:
            request._site_cache_key = key

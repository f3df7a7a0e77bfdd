"""sitemap.xml as a sitemap index, its sections at most `MultilingualSitemap.limit` URLs each
(the protocol allows 50,000), every response cached until the next publication.

URLs a front cache must purge on publish: /sitemap.xml and /sitemap-pages.xml (with ?p=N for
further sections).
"""

from django.core.cache import cache
from django.http import HttpResponse
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from .cache import site_key, timeout

SITEMAP_SECTION_URL_NAME = "sitemap-section"


def _cached(render, request, name):
    key = site_key("sitemap", request.get_host(), request.scheme, name,
                   request.GET.get("p", ""), language="-")
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = render()
    if response.status_code == 200:
        response.render()
        cache.set(key, (response.content, response["Content-Type"]), timeout())
    return response


def sitemap_index(request, sitemaps):
    return _cached(
        lambda: wagtail_sitemap_views.index(
            request, sitemaps, sitemap_url_name=SITEMAP_SECTION_URL_NAME
        ),
        request, "index",
    )


def sitemap_section(request, sitemaps, section):
    return _cached(
        lambda: wagtail_sitemap_views.sitemap(request, sitemaps, section=section),
        request, f"section-{section}",
    )

"""sitemap.xml as a sitemap index, its sections at most `MultilingualSitemap.limit` URLs each
(the protocol allows 50,000), every response cached until a page changes.
"""

from django.http import HttpResponse
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from caching import tags
from caching.fragments import MISS, key, read, store

SITEMAP_SECTION_URL_NAME = "sitemap-section"


def _cached(render, request, name):
    entry_key = key("sitemap", request.get_host(), request.scheme, name,
                    request.GET.get("p", ""), language="-")
    found = read(entry_key)
    if found is MISS:
        response = render()
        if response.status_code != 200:
            return response
        response.render()
        found = store(entry_key, lambda: (response.content, response["Content-Type"]),
                      [tags.ANY_PAGE])
    content, content_type = found
    return HttpResponse(content, content_type=content_type)


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

"""robots.txt, the icons browsers ask for at the root, and the error pages."""

import logging

from django.conf import settings
from django.http import (
    HttpResponse,
    HttpResponseNotFound,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .seo import is_staging

logger = logging.getLogger(__name__)

# What is left when even the static 500 page cannot be read.
LAST_RESORT_500 = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Serverfehler</title>'
    "</head><body><h1>Serverfehler / Server error</h1></body></html>"
)


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    """Crawl everything but the admin and the search results, and find the sitemap here;
    on staging (SITE_ENVIRONMENT=staging) crawl nothing."""
    if is_staging():
        lines = ["User-agent: *", "Disallow: /"]
    else:
        lines = ["User-agent: *", "Disallow: /admin/"]
        for language_code, _name in settings.LANGUAGES:
            with translation.override(language_code):
                lines.append(f"Disallow: {reverse('search')}")
        lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The 404 page in the reader's language (from the URL), with the site's navigation."""
    try:
        return render(request, "404.html", {"request_path": request.path}, status=404)
    except Exception:
        logger.exception("The 404 page could not be rendered; sending a plain one.")
        return HttpResponseNotFound("<!DOCTYPE html><title>404</title><h1>404</h1>")


def _reader_language(request):
    return (
        getattr(request, "LANGUAGE_CODE", None)
        or translation.get_language_from_path(request.path_info)
        or settings.LANGUAGE_CODE
    )


def server_error(request):
    """The 500 page: the site's layout in the reader's language if it still renders, else the
    static bilingual 500.html. It never raises itself.

    It is rendered with a minimal context (the request, no context processors). The layout's
    own tags still read the database for the menu; if the database is what failed, the static
    page takes over. Front caches are told not to keep it.
    """
    try:
        with translation.override(_reader_language(request)):
            html = render_to_string("errors/500.html", {"request": request})
    except Exception:
        logger.exception("The 500 page could not render with the site's layout.")
        try:
            html = render_to_string("500.html")
        except Exception:
            logger.exception("The static 500 page could not be read.")
            html = LAST_RESORT_500
    response = HttpResponseServerError(html)
    response["Cache-Control"] = "no-store"
    return response


# Browsers and feed readers ask for these at the root, whatever the page links to.
ROOT_ICONS = {
    "favicon.ico": "icons/favicon.ico",
    "apple-touch-icon.png": "icons/apple-touch-icon.png",
    "apple-touch-icon-precomposed.png": "icons/apple-touch-icon.png",
}


@require_safe
def root_icon(request, name):
    """Redirect to the icon's static file, which is long-cached under its content hash. The
    redirect itself is temporary (and, as a 302, not cached): the hashed name changes when
    the icon does."""
    return HttpResponseRedirect(static(ROOT_ICONS[name]))

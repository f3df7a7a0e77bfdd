from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from core.media import serve_media
from core.sitemap import MultilingualSitemap
from core.sitemap_views import SITEMAP_SECTION_URL_NAME, sitemap_index, sitemap_section
from core.views import ROOT_ICONS, robots_txt, root_icon
from search import urls as search_urls
from security.accounts import urlpatterns as account_urlpatterns
from security.documents import urlpatterns as document_urlpatterns
from security.passwords import page_password_urlpatterns
from security.urls import urlpatterns as security_urlpatterns

# Friendly error pages in the reader's language, with the site's navigation (home/views.py).
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

SITEMAPS = {"pages": MultilingualSitemap}

urlpatterns = security_urlpatterns + [
    path("robots.txt", robots_txt),
    *[path(name, root_icon, {"name": name}) for name in ROOT_ICONS],
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS}),
    path("sitemap-<section>.xml", sitemap_section, {"sitemaps": SITEMAPS},
         name=SITEMAP_SECTION_URL_NAME),
    # Logout only by POST, password resets rate-limited (security/accounts.py).
    *account_urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    # Documents at keyed addresses; Wagtail's numbered ones only for editors.
    *document_urlpatterns,
    path("", include(search_urls.redirect_patterns)),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    # A provider's bounce and complaint webhooks (newsletter/bounces.py); without a shared
    # secret they are not served at all, so nothing unsigned is ever accepted.
    urlpatterns.append(path("anymail/", include("anymail.urls")))

if settings.SERVE_MEDIA:
    # Uploaded images when no object storage and no nginx serves them (core/media.py).
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", serve_media))

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("pages.urls")),
    path("", include("newsletter.urls")),
    # Page passwords are throttled like logins (security/passwords.py).
    *page_password_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

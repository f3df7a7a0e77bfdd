"""The site's URLs with a provider's webhooks, as `site/urls.py` serves them once
ANYMAIL_WEBHOOK_SECRET is set (it reads the setting when it is imported)."""

from django.urls import include, path

from siteconfig.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("anymail/", include("anymail.urls")), *site_urlpatterns]

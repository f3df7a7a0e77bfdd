"""A provider's webhooks, as `site/urls.py` serves them once ANYMAIL_WEBHOOK_SECRET is set (it
reads the setting when it is imported, so the tests mount them here)."""

from django.urls import include, path

urlpatterns = [path("anymail/", include("anymail.urls"))]

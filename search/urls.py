"""The search page's address in each language: /suche/ in German, /en/search/ in English (the
path is translated through the catalogues). The old German address /search/ redirects."""

from django.conf import settings
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from .views import search

urlpatterns = [path(_("search/"), search, name="search")]


class OldAddressRedirect(RedirectView):
    """/search/ → /suche/ (the query string kept), whatever language the browser prefers:
    a permanent redirect is cached, so it must not depend on who asked first."""

    permanent = True
    query_string = True

    def get_redirect_url(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            self.url = reverse("search")
        return super().get_redirect_url(*args, **kwargs)


redirect_patterns = [path("search/", OldAddressRedirect.as_view())]

"""Dashboard shortcuts: "Neue Nachricht", "Neues Video", "Neue Veranstaltung", "Neuer Kontakt",
one click each, for those allowed to create them. New pages go below the source language's
index of the default site, where editors start; translations follow through wagtail-localize."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Site

from core.models import Contact
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from videos.models import VideoIndexPage, VideoPage


def _add_page_link(index_model, page_model, label, icon, user, site, locale):
    index = (
        index_model.objects.filter(locale=locale).descendant_of(site.root_page, inclusive=True)
        .order_by("path").first()
    )
    if index is None or not index.permissions_for_user(user).can_add_subpage():
        return None
    url = reverse("wagtailadmin_pages:add", args=(
        page_model._meta.app_label, page_model._meta.model_name, index.pk,
    ))
    return {"label": label, "url": url, "icon": icon}


def shortcuts_for(user):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    links = []
    if site is not None:
        locale = Locale.get_default()
        links += [
            _add_page_link(NewsIndexPage, NewsPage, _("New news item"), "doc-full", user,
                           site, locale),
            _add_page_link(VideoIndexPage, VideoPage, _("New video"), "media", user, site,
                           locale),
            _add_page_link(EventIndexPage, EventPage, _("New event"), "date", user, site,
                           locale),
        ]
    if user.has_perm("core.add_contact"):
        links.append({"label": _("New contact"), "icon": "user",
                      "url": reverse(Contact.snippet_viewset.get_url_name("add"))})
    return [link for link in links if link]


class ShortcutsPanel(Component):
    name = "editorial_shortcuts"
    order = 10
    template_name = "editorial/panels/shortcuts.html"

    def get_context_data(self, parent_context):
        return {"shortcuts": shortcuts_for(parent_context["request"].user)}

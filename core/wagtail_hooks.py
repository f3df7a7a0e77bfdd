from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import GermanSnippetChooserViewSet
from .page_chooser import URL_NAME, browse_in_language, only_pages_in_language
from .snippets import Author, Contact


class ContactViewSet(SnippetViewSet):
    model = Contact
    chooser_viewset_class = GermanSnippetChooserViewSet
    icon = "user"
    menu_label = _("Contacts")
    # With their language: each contact is listed once per language it is translated into.
    list_display = ["name", LocaleColumn(label=_("Language")), "organisation", "email"]
    # No `search_fields` here: the model's index already searches name and organisation, and
    # naming fields makes SQLite's full-text backend query columns its index lacks (a 500).


class AuthorViewSet(SnippetViewSet):
    model = Author
    chooser_viewset_class = GermanSnippetChooserViewSet
    icon = "group"
    menu_label = _("Authors and teams")
    list_display = ["name", LocaleColumn(label=_("Language")), "kind"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (ContactViewSet, AuthorViewSet)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleViewSetGroup)


class MovedSnippetRedirect(RedirectView):
    """Contacts and authors lived in the `home` app until they moved to `core`: editors'
    bookmarks of their admin screens lead to the same screens at the new address."""

    permanent = True

    def get_redirect_url(self, model, rest):
        url = reverse(f"wagtailsnippets_core_{model}:list") + rest
        query = self.request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url


@hooks.register("register_admin_urls")
def moved_snippet_urls():
    return [re_path(r"^snippets/home/(?P<model>contact|author)/(?P<rest>.*)$",
                    MovedSnippetRedirect.as_view())]


@hooks.register("register_admin_urls")
def page_chooser_in_language_urls():
    return [
        path("choose-page-in/<str:language_code>/", browse_in_language, name=URL_NAME),
        path("choose-page-in/<str:language_code>/<int:parent_page_id>/", browse_in_language,
             name=URL_NAME),
    ]


hooks.register("construct_page_chooser_queryset", only_pages_in_language)

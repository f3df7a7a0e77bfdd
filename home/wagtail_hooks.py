from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, Contact


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Contacts")
    list_display = ["name", "organisation", "email"]
    search_fields = ["name", "organisation"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "group"
    menu_label = _("Authors and teams")
    list_display = ["name", "kind"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (ContactViewSet, AuthorViewSet)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleViewSetGroup)

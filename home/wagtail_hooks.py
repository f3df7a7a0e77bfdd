from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import GermanSnippetChooserViewSet
from .models import Author, Contact


class ContactViewSet(SnippetViewSet):
    model = Contact
    chooser_viewset_class = GermanSnippetChooserViewSet
    icon = "user"
    menu_label = _("Contacts")
    list_display = ["name", "organisation", "email"]
    # No `search_fields` here: the model's index already searches name and organisation, and
    # naming fields makes SQLite's full-text backend query columns its index lacks (a 500).


class AuthorViewSet(SnippetViewSet):
    model = Author
    chooser_viewset_class = GermanSnippetChooserViewSet
    icon = "group"
    menu_label = _("Authors and teams")
    list_display = ["name", "kind"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (ContactViewSet, AuthorViewSet)
    menu_icon = "group"
    menu_label = _("People")
    menu_name = "people"


register_snippet(PeopleViewSetGroup)

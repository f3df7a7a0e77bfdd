"""Wagtail's page chooser, held to one language: for "related content" on a German page it
browses and searches German pages only.

The chooser widget opens `choose-page-in/<language>/` (a path, because Wagtail's script appends
the parent page's id to it). That view starts in the language's home page and adds
`page_language=<language>` to the query string, which Wagtail keeps on every link, page of
results and search inside the dialog; the `construct_page_chooser_queryset` hook then offers
only pages in that language. The form refuses any other page anyway (`core.forms`).
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page

LANGUAGE_PARAM = "page_language"
URL_NAME = "choose_page_in_language"


class PageChooserInLanguage(AdminPageChooser):
    def __init__(self, language_code, **kwargs):
        super().__init__(**kwargs)
        self.language_code = language_code

    @classmethod
    def replacing(cls, widget, language_code):
        return cls(language_code, target_models=widget.target_models,
                   can_choose_root=widget.can_choose_root, user_perms=widget.user_perms)

    def get_chooser_modal_url(self):
        return reverse(URL_NAME, args=[self.language_code])


def browse_in_language(request, language_code, parent_page_id=None):
    locale = get_object_or_404(Locale, language_code=language_code)
    request.GET = request.GET.copy()
    request.GET[LANGUAGE_PARAM] = locale.language_code
    if parent_page_id is None:
        home = Page.objects.filter(depth=2, locale=locale).order_by("path").first()
        parent_page_id = home.pk if home else None
    return BrowseView.as_view()(request, parent_page_id=parent_page_id)


def only_pages_in_language(pages, request):
    language_code = request.GET.get(LANGUAGE_PARAM)
    if not language_code:
        return pages
    locale = Locale.objects.filter(language_code=language_code).first()
    # `locale`, not `locale__language_code`: search results can be filtered by the former only.
    return pages.filter(locale=locale) if locale else pages.none()

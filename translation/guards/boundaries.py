"""Boundaries that hold whatever a translator or a reader tries.

* A translator deletes nothing. Wagtail lets anyone who may edit a page delete it while it is
  unpublished, so a translator could delete an English draft (and the work in it) in their
  own tree. Deleting stays with the Redaktion: `editorial.deleting.can_delete` asks
  `is_translator_only`, and `drop_delete_buttons` hides the buttons. (Contacts: translators'
  groups have no delete permission, and `wagtail_hooks.py` keeps them to their language.)
* A language serves only its own pages. When a configured language has no live home page,
  Wagtail serves the German tree under that language's prefix (`/ar/aktuelles/…` in German).
  A page whose language is not the one of the URL is not found instead (`before_serve_page`).
"""

from django.http import Http404
from django.utils.translation import get_language

from translation.status.report import _edits_beyond_translation

from .permissions import translator_languages


def is_translator_only(user):
    """A member of translators' groups with no other right to edit pages."""
    if user.is_superuser or not translator_languages(user):
        return False
    cached = getattr(user, "_translator_only", None)
    if cached is None:
        cached = not _edits_beyond_translation(user)
        user._translator_only = cached
    return cached


def drop_delete_buttons(buttons):
    """Remove "delete" from a page's listing buttons, including those in a "more" dropdown."""

    def keep(button):
        return "/delete/" not in str(getattr(button, "url", "") or "")

    buttons[:] = [button for button in buttons if keep(button)]
    for button in buttons:
        nested = getattr(button, "dropdown_buttons", None)
        if nested is not None:
            button.dropdown_buttons = [item for item in nested if keep(item)]


def serve_only_pages_of_the_requested_language(page, request, serve_args, serve_kwargs):
    """`before_serve_page`: a page of another language than the URL's is not found.

    The page's language comes from the site root paths Wagtail caches for routing (the
    language tree whose root holds the page), kept on the request like Wagtail's own URL
    methods do, so serving costs no extra query or cache read."""
    language = (get_language() or "").lower()
    roots = [
        root for root in page._get_site_root_paths(request)
        if page.url_path.startswith(root.root_path)
    ]
    if not language or not roots:
        return
    root = max(roots, key=lambda item: len(item.root_path))
    if (root.language_code or "").lower() != language:
        raise Http404

"""Boundaries that hold whatever a translator or a reader tries.

* A translator deletes nothing. Wagtail lets anyone who may edit a page delete it while it is
  unpublished, so a translator could delete an English draft (and the work in it) in their
  own tree. Deleting stays with the Redaktion. (Contacts: translators' groups have no delete
  permission, and `wagtail_hooks.py` keeps them to their language.)
* A language serves only its own pages. When a configured language has no live home page,
  Wagtail serves the German tree under that language's prefix (`/ar/aktuelles/…` in German).
  A page whose language is not the one of the URL is not found instead (`before_serve_page`).
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import PagePermissionTester, Site

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


# What `can_delete` was before `install()`: Wagtail's, with the authors' rule of
# `editorial.deleting` (installed earlier, by `EditorialConfig.ready`).
_original_can_delete = PagePermissionTester.can_delete


def can_delete(self, ignore_bulk=False):
    """`PagePermissionTester.can_delete`, never for a translator: every "Löschen" Wagtail and
    wagtail-localize's editor would offer asks this."""
    if is_translator_only(self.user):
        return False
    return _original_can_delete(self, ignore_bulk=ignore_bulk)


def install():
    """Patch Wagtail's page permission tester once (from `TranslationConfig.ready`)."""
    global _original_can_delete
    if PagePermissionTester.can_delete is not can_delete:
        _original_can_delete = PagePermissionTester.can_delete
        PagePermissionTester.can_delete = can_delete


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
    language tree whose root holds the page), so serving costs no extra query."""
    language = (get_language() or "").lower()
    roots = [
        root for root in Site.get_site_root_paths() if page.url_path.startswith(root.root_path)
    ]
    if not language or not roots:
        return
    root = max(roots, key=lambda item: len(item.root_path))
    if (root.language_code or "").lower() != language:
        raise Http404

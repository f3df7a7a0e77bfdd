""""Duplizieren": a news item as the starting point of a new one, in one click.

The copy is a draft beside the original, in the same language, titled "Kopie von …" with a
free URL segment. It is a new item, not a translation: it gets a new translation key. It keeps
text, image, topics, contacts, byline and related content, but no publication dates, news date,
history, comments or lock. The action never publishes: the copy goes through approval like any
new page. Wagtail's own "Kopieren" stays, and offers publishing the copy only to those who may
publish.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.actions.copy_page import CopyPageAction
from wagtail.admin.widgets import Button
from wagtail.models import Page

from core.forms import german_slugify
from news.models import NewsPage

DUPLICABLE_TYPES = (NewsPage,)
URL_NAME = "editorial_duplicate_page"

# Fields a starting point must not inherit: dates of the original's publication, its lock.
RESET_ON_DUPLICATE = {
    "go_live_at": None, "expire_at": None, "expired": False,
    "locked": False, "locked_by": None, "locked_at": None,
}


def can_duplicate(page, user):
    if not issubclass(page.specific_class or Page, DUPLICABLE_TYPES):
        return False
    parent = page.get_parent()
    return parent is not None and page.permissions_for_user(user).can_copy_to(parent)


def free_slug(parent, title):
    base = german_slugify(title)[:200] or "kopie"
    taken = set(parent.get_children().filter(slug__startswith=base)
                .values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def duplicate(page, user):
    """The draft copy of `page`, beside it."""
    parent = page.get_parent()
    title = _("Copy of %(title)s") % {"title": page.title}
    update = {"title": title, "draft_title": title, "slug": free_slug(parent, title),
              "date": None, **RESET_ON_DUPLICATE}
    return CopyPageAction(
        page=page.specific, to=parent, update_attrs=update, keep_live=False, user=user,
        copy_revisions=False, reset_translation_key=True,
    ).execute()


@require_POST
def duplicate_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not can_duplicate(page, request.user):
        raise PermissionDenied
    copy = duplicate(page, request.user)
    messages.success(request, _("“%(title)s” is a new draft, copied from “%(original)s”.") % {
        "title": copy.title, "original": page.title})
    return redirect("wagtailadmin_pages:edit", copy.pk)


def duplicate_button(page, user, priority):
    if not can_duplicate(page, user):
        return None
    return Button(
        gettext_lazy("Duplicate"),
        url=reverse(URL_NAME, args=[page.pk]),
        icon_name="copy",
        # Wagtail's action controller posts (with the CSRF token) instead of following the link.
        attrs={"data-controller": "w-action", "data-action": "w-action#post",
               "data-w-action-url-value": reverse(URL_NAME, args=[page.pk])},
        priority=priority,
    )

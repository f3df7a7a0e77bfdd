"""Two editors, one page: the second save never silently buries the first.

Wagtail keeps every save as a revision, so both versions are kept. Its editor only warns about
a newer version while JavaScript is polling; a save sent from a form that was opened before
someone else saved goes through quietly. This hook notices that case (the form's
`loaded_revision_id` is no longer the page's latest revision) and tells the editor after saving,
by name, with a link to compare the two versions in the page's history.
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Revision

STASH = "_editorial_overtaken_revision"


@hooks.register("before_edit_page")
def remember_a_newer_revision(request, page):
    if request.method != "POST":
        return None
    loaded = request.POST.get("loaded_revision_id", "")
    latest = page.latest_revision_id
    if loaded.isdigit() and latest and int(loaded) != latest:
        setattr(request, STASH, (int(loaded), latest))
    return None


@hooks.register("after_edit_page")
def report_the_conflict(request, page):
    stashed = getattr(request, STASH, None)
    if not stashed:
        return None
    loaded_id, other_id = stashed
    other = Revision.objects.filter(pk=other_id).select_related("user").first()
    if other is None:
        return None
    name = (other.user.get_full_name() or other.user.get_username()) if other.user else _(
        "someone else"
    )
    own = page.latest_revision_id
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, other_id, own])
    messages.warning(
        request,
        format_html(
            "{} <a href=\"{}\">{}</a>",
            _(
                "%(name)s saved this page after you opened it. Both versions are kept: yours "
                "is the latest, theirs is in the history."
            ) % {"name": name},
            compare,
            _("Compare the two versions"),
        ),
    )
    return None

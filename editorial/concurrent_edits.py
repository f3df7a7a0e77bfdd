"""Two editors, one page: the second save never silently buries the first.

Wagtail keeps every save as a revision, so both versions are kept. Its editor only warns about
a newer version while JavaScript is polling; a save sent from a form that was opened before
someone else saved goes through quietly. This hook notices that case (another person saved a
revision after the form's `loaded_revision_id`) and tells the editor after saving, by name, with
a link to compare the two versions in the page's history.

Only other people's revisions count. The form keeps the id of the revision it was opened on
while autosave, "Zeitplan speichern" or a submission add revisions of the editor's own; and a
second tab of the same editor is Wagtail's to report (its "saved in another window" dialog).
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

STASH = "_editorial_overtaken_revision"


def newer_revision_by_someone_else(page, loaded_id, user):
    """The newest revision of `page` saved after revision `loaded_id` by another user, or None."""
    return (
        page.revisions.filter(pk__gt=loaded_id)
        .exclude(user=user)
        .select_related("user")
        .order_by("-created_at", "-pk")
        .first()
    )


@hooks.register("before_edit_page")
def remember_a_newer_revision(request, page):
    if request.method != "POST":
        return None
    loaded = request.POST.get("loaded_revision_id", "")
    if not loaded.isdigit() or int(loaded) == page.latest_revision_id:
        return None
    other = newer_revision_by_someone_else(page, int(loaded), request.user)
    if other is not None:
        setattr(request, STASH, other)
    return None


@hooks.register("after_edit_page")
def report_the_conflict(request, page):
    other = getattr(request, STASH, None)
    if other is None:
        return None
    name = (other.user.get_full_name() or other.user.get_username()) if other.user else _(
        "someone else"
    )
    own = page.latest_revision_id
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, other.pk, own])
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

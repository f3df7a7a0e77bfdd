from django import template

from ..feedback import changes_requested, own_work_waiting

register = template.Library()


@register.inclusion_tag("editorial/editor_notices.html")
def editor_notices(page, user):
    """At the top of the page editor: the reviewer's request for changes (until the page is
    resubmitted), and why a reviewer sees no "Freigeben" for their own work."""
    return {
        "changes_requested": changes_requested(page),
        "own_work": own_work_waiting(page, user) if page is not None else False,
    }


@register.simple_tag
def pages_deleted_with(page):
    """What the delete confirmation lists: the page and its translations, each with its
    language, state and the number of pages below it."""
    from ..deleting import pages_deleted_with as translations_of

    pages = [page, *translations_of([page], "delete")[page]]
    return [
        {
            "title": item.get_admin_display_title(),
            "language": item.locale.get_display_name(),
            "state": _state(item),
            "descendants": item.get_descendant_count(),
        }
        for item in pages
    ]


def _state(page):
    from django.utils.translation import gettext

    if page.workflow_in_progress:
        return gettext("awaiting approval")
    if page.live:
        return gettext("live")
    return gettext("draft")

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

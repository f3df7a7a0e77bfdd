"""Feedback where the author looks: the reviewer's request at the top of the editor, and
success messages that say what happened to a page in the approval workflow."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState

from .models import EditorialApprovalTask


@dataclass
class ChangesRequested:
    comment: str
    reviewer: str
    when: datetime


def person_name(user):
    if user is None:
        return _("someone who has since left")
    return user.get_full_name() or user.get_username()


def changes_requested(page):
    """The request for changes that `page` is waiting to answer, or None.

    Shown until the page is resubmitted: then its workflow state is no longer "needs changes".
    """
    if page is None or page.pk is None:
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .order_by("-created_at")
        .first()
    )
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return ChangesRequested(
        comment=task_state.comment,
        reviewer=person_name(task_state.finished_by),
        when=task_state.finished_at,
    )


def own_work_waiting(page, user):
    """True if `user` may review `page` but not approve it, because it is their own work."""
    task = getattr(page, "current_workflow_task", None)
    return isinstance(task, EditorialApprovalTask) and (
        task.user_can_access_editor(page, user) and task.approval_blocked(page, user)
    )


def _local(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def workflow_outcome_message(page, action_name):
    """What an approval or a request for changes did, in words an editor expects."""
    title = page.get_admin_display_title()
    if action_name == "reject":
        return _("Changes requested for “%(title)s”. The author has been notified.") % {
            "title": title
        }
    if action_name == "approve":
        page.refresh_from_db(fields=["live", "go_live_at", "has_unpublished_changes"])
        scheduled = page.go_live_at and page.go_live_at > timezone.now()
        if scheduled:
            return _("“%(title)s” approved and scheduled for %(when)s.") % {
                "title": title, "when": _local(page.go_live_at)
            }
        if page.live and not page.has_unpublished_changes:
            return _("“%(title)s” approved and published.") % {"title": title}
        return _("“%(title)s” approved.") % {"title": title}
    return None


def scheduled_publication_message(page, was_live):
    """What publishing with a future "Veröffentlichen am" did, with the date; None otherwise.

    The date is the one approved for the latest revision: for a live page, Wagtail keeps the
    page's own `go_live_at` empty until the new version goes live."""
    revision = page.get_latest_revision()
    when = revision.approved_go_live_at if revision else None
    if not when or when <= timezone.now():
        return None
    if was_live:
        return _("“%(title)s” stays live; the new version is scheduled for %(when)s.") % {
            "title": page.get_admin_display_title(), "when": _local(when)
        }
    return _("“%(title)s” is scheduled for %(when)s.") % {
        "title": page.get_admin_display_title(), "when": _local(when)
    }


def replace_last_success_message(request, text):
    """Swap Wagtail's generic "has been updated" for `text`, keeping its buttons."""
    storage = messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued:
        for index in range(len(queued) - 1, -1, -1):
            message = queued[index]
            if message.level == messages.SUCCESS:
                queued[index] = Message(message.level, text, message.extra_tags)
                return
    messages.success(request, text)

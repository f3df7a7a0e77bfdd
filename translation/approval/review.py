"""Approve what you see: the Redaktion's edits in the translation editor are what goes live.

wagtail-localize's editor stores each edited segment at once, but the page or contact itself
only changes when the translation is saved into a revision ("submit", "publish"). A reviewer
who fixed segments of a translation waiting for approval and then approved it published the
*submitted* revision: their fixes stayed behind as unsaved segments, and nothing said so.

Chosen behaviour: approving saves the segments as they are in the editor into a new revision
first, and that revision is the one published. Two places make sure of it:

* `publish_edited_workflow_state` is Wagtail's `WAGTAIL_FINISH_WORKFLOW_ACTION` (through
  `finish.py`), so every way of approving (review bar, dashboard, workflow modal, history)
  publishes the edited version;
* `approve_translation` is the review bar's "Freigeben und veröffentlichen": it saves first,
  so a translation that cannot be saved is not approved (with a message that says why), and
  afterwards it says that the page was approved and published, and in which language.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TaskState
from wagtail_localize.models import SegmentOverride, StringTranslation, TranslationLog

from editorial.publishing import approval_publishes

from .workflow import enabled_translation


def _specific(obj):
    return obj.specific if isinstance(obj, Page) else obj


def has_unsaved_edits(translation):
    """Were segments of `translation` edited after it was last saved into the target?"""
    source, locale_id = translation.source, translation.target_locale_id
    saved = TranslationLog.objects.filter(source=source, locale_id=locale_id).aggregate(
        latest=Max("created_at")
    )["latest"]
    contexts = source.stringsegment_set.values("context_id")
    strings = StringTranslation.objects.filter(
        locale_id=locale_id, context_id__in=contexts
    )
    overrides = SegmentOverride.objects.filter(
        locale_id=locale_id, context_id__in=source.overridablesegment_set.values("context_id")
    )
    if saved is None:
        return strings.exists() or overrides.exists()
    return (
        strings.filter(updated_at__gt=saved).exists()
        or overrides.filter(updated_at__gt=saved).exists()
    )


def save_edits(obj, user=None):
    """Save the editor's segments of `obj` into a new revision if they changed since the last
    save. Returns True if a revision was made. Raises ValidationError if they cannot be."""
    translation = enabled_translation(obj)
    if translation is None or not has_unsaved_edits(translation):
        return False
    translation.save_target(user=user, publish=False)
    return True


def publish_edited_workflow_state(workflow_state, user=None):
    """`WAGTAIL_FINISH_WORKFLOW_ACTION`: publish the reviewed translation with the edits."""
    obj = _specific(workflow_state.content_object)
    save_edits(obj, user=user)
    # Wagtail's own action publishes `workflow_state.content_object.get_latest_revision()`, from
    # an object that may have been loaded before the edits were saved (here or in the review
    # bar's view): its "latest revision" would be the submitted one. Read it afresh.
    # Publishing here is the approval's doing: the four-eyes rule, which stops every direct
    # publication, was already applied to whoever approved (editorial.publishing).
    with approval_publishes():
        type(obj)._default_manager.get(pk=obj.pk).get_latest_revision().publish(user=user)


def _labels(obj):
    return {"title": str(obj), "language": obj.locale.get_display_name()}


def _outcome_message(obj):
    obj = type(obj)._default_manager.get(pk=obj.pk)
    labels = _labels(obj)
    if obj.workflow_in_progress:
        return _("“%(title)s” (%(language)s) was approved and goes to the next approval step.") % (
            labels
        )
    if obj.live and obj.live_revision_id == obj.latest_revision_id:
        return _("“%(title)s” was approved and published in %(language)s.") % labels
    revision = obj.get_latest_revision()
    if revision is not None and revision.approved_go_live_at:
        return _("“%(title)s” was approved; it will be published in %(language)s on %(date)s.") % {
            **labels,
            "date": date_format(revision.approved_go_live_at.astimezone(), "DATETIME_FORMAT"),
        }
    return _("“%(title)s” (%(language)s) was approved.") % labels


def review_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])


@require_POST
def approve_translation(request, task_state_id):
    task_state = get_object_or_404(TaskState, pk=task_state_id).specific
    obj = _specific(task_state.workflow_state.content_object)
    back = get_valid_next_url_from_request(request) or review_url(obj)
    if task_state.status != TaskState.STATUS_IN_PROGRESS or not obj.workflow_in_progress:
        messages.error(
            request, _("“%(title)s” (%(language)s) is not awaiting approval.") % _labels(obj)
        )
        return redirect(back)
    task = task_state.task.specific
    if "approve" not in {name for name, _label, _modal in task.get_actions(obj, request.user)}:
        raise PermissionDenied
    try:
        with transaction.atomic():
            saved = save_edits(obj, user=request.user)
            obj = type(obj)._default_manager.get(pk=obj.pk)
            task.on_action(
                task_state, request.user, "approve", comment=request.POST.get("comment", "")
            )
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” (%(language)s) was not approved: the edited translation could not "
              "be saved: %(errors)s") % {**_labels(obj), "errors": " ".join(error.messages)},
        )
        return redirect(back)
    text = _outcome_message(obj)
    if saved:
        text += " " + _("Your changes in the translation editor are included.")
    messages.success(request, text)
    return redirect(back)

"""Translations go through "Redaktionelle Freigabe" like any page.

wagtail-localize's editor offers one action, "Publish in <language>", and only to users who
may publish. A translator had no way to hand in finished work. Here:

* "Submit for approval" (`action=submit`, a button the editor template adds) saves the
  translation as a draft revision and starts the approval workflow, or resumes it after the
  Redaktion asked for changes;
* "Publish" from someone who may not publish becomes the same submission, never a
  publication;
* someone who may publish directly publishes as before: only with the four-eyes rule off
  (`editorial.publishing`); with it on, "Publish" is a submission for everyone.

`review_state()` tells the editor template what to show: the workflow's state, the submit
button, and for reviewers the "Approve" and "Request changes" buttons.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, LockableMixin, Page, WorkflowMixin, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation

from editorial.publishing import direct_publishing_blocked, upstream_can_publish
from translation.guards.permissions import is_language_limited

from .machine_output import refuse_unconfirmed


def enabled_translation(instance):
    """The wagtail-localize translation whose target is `instance`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def may_publish(user, instance):
    """May `user` publish `instance` directly (without anyone else's approval)? Never while the
    four-eyes rule is on (`editorial.publishing`)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        if direct_publishing_blocked(instance):
            return False
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    # Without draft state (authors and teams) there is nothing to approve: a change is applied
    # at once. So a translator limited to their language may not apply it; the Redaktion may.
    return not is_language_limited(user, type(instance))


def holds_publish_permission(user, instance):
    """Has `user` the publish permission for `instance` (which the four-eyes rule suspends)?"""
    if isinstance(instance, Page):
        return upstream_can_publish(instance.permissions_for_user(user))
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))


def is_moderated(instance):
    return (
        isinstance(instance, WorkflowMixin)
        and isinstance(instance, DraftStateMixin)
        and instance.get_workflow() is not None
    )


def _locked_for(instance, user):
    if not isinstance(instance, LockableMixin):
        return False
    lock = instance.get_lock()
    return lock is not None and lock.for_user(user)


def _title(instance):
    return str(instance.get_admin_display_title() if isinstance(instance, Page) else instance)


def _labels(translation, instance):
    return {"title": _title(instance), "language": translation.target_locale.get_display_name()}


def untranslated_count(translation):
    segments = translation.source.stringsegment_set.all()
    return segments.annotate_translation(translation.target_locale).filter(
        translation__isnull=True
    ).count()


def handle_editor_action(request, translation, instance):
    """Route the editor's "submit" and "publish" actions; None lets wagtail-localize go on."""
    action = request.POST.get("action")
    if action not in {"submit", "publish"}:
        return None
    if refuse_unconfirmed(request, translation, instance, _title(instance)):
        return redirect(request.path)
    if action == "publish" and may_publish(request.user, instance):
        return None
    return submit_for_approval(request, translation, instance, asked_to_publish=action == "publish")


def submit_for_approval(request, translation, instance, *, asked_to_publish=False):
    user = request.user
    labels = _labels(translation, instance)
    back = redirect(request.path)
    if not is_moderated(instance):
        messages.error(
            request,
            _(
                "“%(title)s” (%(language)s) cannot go through the approval workflow. "
                "Ask the Redaktion to publish this translation."
            )
            % labels,
        )
        return back
    if instance.workflow_in_progress:
        messages.warning(
            request, _("“%(title)s” (%(language)s) is already awaiting approval.") % labels
        )
        return back
    if _locked_for(instance, user):
        messages.error(
            request,
            _("“%(title)s” (%(language)s) is locked by someone else and cannot be submitted.")
            % labels,
        )
        return back
    try:
        with transaction.atomic():
            translation.save_target(user=user, publish=False)
            target = type(instance)._default_manager.get(pk=instance.pk)
            state = target.current_workflow_state
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(user)
            else:
                target.get_workflow().start(target, user)
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” (%(language)s) could not be saved: %(errors)s")
            % {**labels, "errors": " ".join(error.messages)},
        )
        return back

    if asked_to_publish and holds_publish_permission(user, instance):
        text = _(
            "Under the four-eyes principle a translation goes live only when another member "
            "of the Redaktion approves it: “%(title)s” (%(language)s) was submitted for "
            "approval instead."
        )
    elif asked_to_publish:
        text = _(
            "Translations are published by the Redaktion: “%(title)s” (%(language)s) was "
            "submitted for approval instead."
        )
    else:
        text = _("“%(title)s” (%(language)s) was submitted for approval.")
    text %= labels
    missing = untranslated_count(translation)
    if missing:
        text += " " + ngettext(
            "%(count)d segment is not translated yet and stays in the source language.",
            "%(count)d segments are not translated yet and stay in the source language.",
            missing,
        ) % {"count": missing}
    messages.success(request, text)
    return back


@dataclass
class ReviewState:
    status: str = ""
    requested_by: str = ""
    requested_at: object = None
    comment: str = ""
    can_submit: bool = False
    can_review: bool = False
    approve_url: str = ""
    reject_url: str = ""
    preview_url: str = ""
    notes: list = field(default_factory=list)


def _workflow_action_url(instance, action, task_state, next_url):
    if isinstance(instance, Page):
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[instance.pk, action, task_state.pk]
        )
    else:
        url = reverse(
            instance.snippet_viewset.get_url_name("workflow_action"),
            args=[quote(instance.pk), action, task_state.pk],
        )
    return f"{url}?{urlencode({'next': next_url})}"


def _preview_url(instance, task_state):
    if not isinstance(instance, Page):
        return ""
    if task_state is not None:
        return reverse(
            "wagtailadmin_pages:workflow_preview", args=[instance.pk, task_state.task_id]
        )
    return reverse("wagtailadmin_pages:view_draft", args=[instance.pk])


def review_state(request, instance):
    """What the translation editor shows about approval, for this user and object."""
    user = request.user
    review = ReviewState()
    if not is_moderated(instance):
        return review
    state = instance.current_workflow_state
    task_state = instance.current_workflow_task_state if state is not None else None
    if state is None:
        review.can_submit = not _locked_for(instance, user)
        if instance.live and instance.has_unpublished_changes:
            review.status = "draft_of_live"
        elif not instance.live:
            review.status = "draft"
        else:
            review.status = "live"
        return review
    review.requested_by = (
        state.requested_by.get_full_name() or state.requested_by.get_username()
        if state.requested_by
        else ""
    )
    review.requested_at = state.created_at
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        review.status = "needs_changes"
        rejected = state.current_task_state
        review.comment = rejected.get_comment() if rejected else ""
        review.can_submit = not _locked_for(instance, user)
        return review
    review.status = "in_moderation"
    if task_state is not None:
        task = task_state.task.specific
        actions = {name for name, _label, _modal in task.get_actions(instance, user)}
        review.can_review = {"approve", "reject"} <= actions
        if review.can_review:
            review.approve_url = "{}?{}".format(
                reverse("translation_approve", args=[task_state.pk]),
                urlencode({"next": request.get_full_path()}),
            )
            review.reject_url = _workflow_action_url(
                instance, "reject", task_state, request.get_full_path()
            )
        review.preview_url = _preview_url(instance, task_state)
    return review

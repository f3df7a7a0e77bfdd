"""The approval step with the four-eyes rule, and the site setting that switches the rule off."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import GroupApprovalTask, Revision, Site


@register_setting(icon="tasks")
class EditorialSettings(BaseSiteSetting):
    four_eyes = models.BooleanField(
        _("four-eyes principle"),
        default=True,
        help_text=_(
            "Pages and contacts go live only through approval, never by “Publish”, and whoever "
            "submitted one, or last edited it while it waited for approval, cannot approve it; "
            "another member of the Redaktion must. Switch off only if the Redaktion has a "
            "single member: then the Redaktion also publishes directly."
        ),
    )

    class Meta:
        verbose_name = _("approval")


def four_eyes_required(obj=None):
    """Whether the four-eyes rule applies to `obj` (a page, or a snippet of the default site)."""
    site = None
    if obj is not None and hasattr(obj, "get_site"):
        site = obj.get_site()
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return True
    return EditorialSettings.for_site(site).four_eyes


class EditorialApprovalTask(GroupApprovalTask):
    """Wagtail's group approval, where nobody approves their own work (four-eyes rule).

    "Their own work" is what they submitted (the workflow's requester), or the revision under
    review when they saved it, or the latest revision if they saved it during the review. The
    rule holds in every view: the actions offered in the editor and in the dashboard's dialog
    come from `get_actions`, and Wagtail refuses any other.
    """

    class Meta:
        verbose_name = _("approval by another member of the group")
        verbose_name_plural = _("approvals by another member of the group")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve; nobody approves what they submitted or last "
            "edited (can be switched off in the settings)."
        )

    def is_own_work(self, obj, user):
        """True if `user` submitted `obj`'s workflow or saved the revision under review."""
        task_state = getattr(obj, "current_workflow_task_state", None)
        if task_state is None or task_state.task_id != self.pk:
            return False
        authors = {task_state.workflow_state.requested_by_id}
        if task_state.revision_id:
            authors.add(task_state.revision.user_id)
        # Wagtail keeps the submitted revision on the task; an edit saved during the review is
        # the latest revision, and approving publishes it.
        latest = obj.get_latest_revision()
        if latest is not None and latest.created_at >= task_state.started_at:
            authors.add(latest.user_id)
        return user.pk in authors

    def approval_blocked(self, obj, user):
        cache = obj.__dict__.setdefault("_editorial_four_eyes", {})
        if user.pk not in cache:
            cache[user.pk] = self.is_own_work(obj, user) and four_eyes_required(obj)
        return cache[user.pk]

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.approval_blocked(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            obj = task_state.workflow_state.content_object
            if self.approval_blocked(obj, user):
                # Views only offer get_actions(); this guards any other caller.
                raise PermissionDenied("Four-eyes rule: nobody approves their own work.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if four_eyes_required():
            # The same people as is_own_work(), in one query: the submitter, the author of the
            # revision under review, and whoever saved the latest revision during the review.
            last_editor = Revision.objects.filter(
                base_content_type=OuterRef("workflow_state__base_content_type"),
                object_id=OuterRef("workflow_state__object_id"),
                created_at__gte=OuterRef("started_at"),
            ).order_by("-created_at", "-pk").values("user_id")[:1]
            states = (
                states.exclude(workflow_state__requested_by=user)
                .exclude(revision__user=user)
                .annotate(last_editor_during_review=Subquery(last_editor))
                .filter(Q(last_editor_during_review__isnull=True)
                        | ~Q(last_editor_during_review=user.pk))
            )
        return states


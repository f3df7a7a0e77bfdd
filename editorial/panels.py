"""The editors' dashboard: what awaits my approval, my drafts, and what is scheduled.

Each panel costs a fixed number of queries, whatever the amount of content: rows are fetched
in one query per kind of object (pages, then each moderated snippet model), never one per row.
Titles come from the revision's stored string, types from the cached content types, languages
from `select_related("locale")`.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import dateparse, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    Page,
    PreviewableMixin,
    Revision,
    RevisionMixin,
    TaskState,
    TranslatableMixin,
    WorkflowState,
)
from wagtail.snippets.models import get_snippet_models

LIMIT = 10


@dataclass
class Row:
    title: str
    kind: str
    language: str = ""
    edit_url: str = ""
    preview_url: str = ""
    when: datetime | None = None
    until: datetime | None = None
    status: str = ""
    person: str = ""


def _kind(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.verbose_name if model else ""


def _language(obj):
    locale = getattr(obj, "locale", None) if obj is not None else None
    return locale.get_display_name() if locale else ""


def _person(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _draft_models():
    """Snippet models with drafts and revisions (the contact snippet, so far)."""
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, DraftStateMixin) and issubclass(model, RevisionMixin)
    ]


def _edit_url(model, pk):
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[quote(pk)])


def _with_locale(queryset):
    if issubclass(queryset.model, TranslatableMixin):
        return queryset.select_related("locale")
    return queryset


def _objects_for(keys):
    """Fetch objects by (base content type id, object id), one query per base model."""
    by_type = {}
    for content_type_id, object_id in keys:
        by_type.setdefault(content_type_id, set()).add(object_id)
    found = {}
    for content_type_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in _with_locale(model._default_manager.filter(pk__in=object_ids)):
            found[(content_type_id, str(obj.pk))] = obj
    return found


def _moderation_annotations(model):
    """`in_moderation`, `needs_changes` and `scheduled` flags, as subqueries on the model's own
    query."""
    if issubclass(model, Page):
        base_type = ContentType.objects.get_for_model(Page)
    else:
        base_type = model.get_base_content_type()
    own_key = {"base_content_type": base_type, "object_id": Cast(OuterRef("pk"), CharField())}
    return {
        "in_moderation": Exists(
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS, **own_key)
        ),
        "needs_changes": Exists(
            WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, **own_key)
        ),
        "scheduled": Exists(Revision.objects.filter(approved_go_live_at__isnull=False, **own_key)),
    }


class EditorialPanel(Component):
    heading = ""
    empty_text = ""
    template_name = ""

    def is_shown(self, user):
        return True

    def get_rows(self, user):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "empty_text": self.empty_text,
            "rows": self.get_rows(user),
            "panel": self,
        }

    def render_html(self, parent_context=None):
        if not self.is_shown(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


class AwaitingMyApprovalPanel(EditorialPanel):
    """For reviewers (the Redaktion): what waits for their approval, longest-waiting first."""

    name = "editorial_awaiting_my_approval"
    order = 100
    heading = _("Awaiting my approval")
    empty_text = _("Nothing is waiting for your approval.")
    template_name = "editorial/panels/awaiting_my_approval.html"

    def is_shown(self, user):
        return user.is_superuser or GroupApprovalTask.objects.filter(
            active=True, groups__in=user.groups.all()
        ).exists()

    def get_rows(self, user):
        states = list(
            TaskState.objects.reviewable_by(user)
            .select_related("revision", "workflow_state__requested_by")
            .defer("revision__content")
            .order_by("started_at", "pk")[:LIMIT]
        )
        objects = _objects_for(
            (state.revision.base_content_type_id, state.revision.object_id) for state in states
        )
        rows = []
        for state in states:
            revision = state.revision
            obj = objects.get((revision.base_content_type_id, revision.object_id))
            if obj is None:
                continue
            model = type(obj)
            preview_url = ""
            if issubclass(model, Page):
                preview_url = reverse(
                    "wagtailadmin_pages:workflow_preview", args=[obj.pk, state.task_id]
                )
            elif issubclass(model, PreviewableMixin):
                preview_url = reverse(
                    model.snippet_viewset.get_url_name("workflow_preview"),
                    args=[quote(obj.pk), state.task_id],
                )
            rows.append(
                Row(
                    title=revision.object_str or str(obj),
                    kind=_kind(revision.content_type_id),
                    language=_language(obj),
                    edit_url=_edit_url(model, obj.pk),
                    preview_url=preview_url,
                    when=state.started_at,
                    person=_person(state.workflow_state.requested_by),
                )
            )
        return rows


class MyDraftsPanel(EditorialPanel):
    """What I last edited and is not (all) live yet: drafts, submissions, scheduled items."""

    name = "editorial_my_drafts"
    order = 110
    heading = _("My drafts")
    empty_text = _("You have no unpublished drafts.")
    template_name = "editorial/panels/my_drafts.html"

    STATUS = {
        "in_moderation": _("In moderation"),
        "needs_changes": _("Changes requested"),
        "scheduled": _("Scheduled"),
        "draft": _("Draft"),
    }

    def _status(self, obj):
        if obj.in_moderation:
            return self.STATUS["in_moderation"]
        if obj.needs_changes:
            return self.STATUS["needs_changes"]
        if obj.scheduled:
            return self.STATUS["scheduled"]
        return self.STATUS["draft"]

    def get_rows(self, user):
        rows = []
        pages = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .select_related("locale")
            .annotate(**_moderation_annotations(Page))
            .order_by("-latest_revision_created_at", "-pk")[:LIMIT]
        )
        for page in pages:
            rows.append(
                Row(
                    title=page.draft_title or page.title,
                    kind=_kind(page.content_type_id),
                    language=_language(page),
                    edit_url=_edit_url(Page, page.pk),
                    preview_url=reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
                    when=page.latest_revision_created_at,
                    status=self._status(page),
                )
            )
        for model in _draft_models():
            snippets = (
                _with_locale(model._default_manager.filter(
                    has_unpublished_changes=True, latest_revision__user=user
                ))
                .annotate(
                    draft_str=F("latest_revision__object_str"),
                    edited_at=F("latest_revision__created_at"),
                    **_moderation_annotations(model),
                )
                .order_by("-edited_at", "-pk")[:LIMIT]
            )
            for snippet in snippets:
                rows.append(
                    Row(
                        title=snippet.draft_str or str(snippet),
                        kind=model._meta.verbose_name,
                        language=_language(snippet),
                        edit_url=_edit_url(model, snippet.pk),
                        when=snippet.edited_at,
                        status=self._status(snippet),
                    )
                )
        rows.sort(key=lambda row: row.when or timezone.now(), reverse=True)
        return rows[:LIMIT]


class ScheduledPublicationsPanel(EditorialPanel):
    """What goes live or offline by itself, soonest first, with its time and language."""

    name = "editorial_scheduled_publications"
    order = 120
    heading = _("Scheduled publications")
    empty_text = _("Nothing is scheduled.")
    template_name = "editorial/panels/scheduled_publications.html"

    GOES_LIVE = _("Goes live")
    GOES_OFFLINE = _("Goes offline")

    def get_rows(self, user):
        revisions = list(
            Revision.objects.filter(approved_go_live_at__isnull=False)
            .defer("content")
            .annotate(expire_at_raw=KT("content__expire_at"))
            .order_by("approved_go_live_at", "pk")[:LIMIT]
        )
        objects = _objects_for((r.base_content_type_id, r.object_id) for r in revisions)
        rows = []
        for revision in revisions:
            obj = objects.get((revision.base_content_type_id, revision.object_id))
            if obj is None:
                continue
            rows.append(
                Row(
                    title=revision.object_str or str(obj),
                    kind=_kind(revision.content_type_id),
                    language=_language(obj),
                    edit_url=_edit_url(type(obj), obj.pk),
                    when=revision.approved_go_live_at,
                    until=_parse_datetime(revision.expire_at_raw),
                    status=self.GOES_LIVE,
                )
            )
        for model in [Page, *_draft_models()]:
            expiring = _with_locale(
                model._default_manager.filter(live=True, expire_at__isnull=False)
            ).order_by("expire_at", "pk")[:LIMIT]
            for obj in expiring:
                is_page = model is Page
                rows.append(
                    Row(
                        title=obj.title if is_page else str(obj),
                        kind=_kind(obj.content_type_id) if is_page else model._meta.verbose_name,
                        language=_language(obj),
                        edit_url=_edit_url(model, obj.pk),
                        when=obj.expire_at,
                        status=self.GOES_OFFLINE,
                    )
                )
        rows.sort(key=lambda row: row.when)
        return rows[:LIMIT]


def _parse_datetime(value):
    if not value:
        return None
    parsed = dateparse.parse_datetime(value) if isinstance(value, str) else value
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


# Wagtail's own workflow panels that these replace; theirs cost queries per row.
REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


def editorial_panels():
    return [AwaitingMyApprovalPanel(), MyDraftsPanel(), ScheduledPublicationsPanel()]

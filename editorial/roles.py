"""The editorial roles and the approval workflow, set up idempotently.

`setup_editorial()` backs the `setup_editorial` management command, the demo and the tests
(live-server tests flush the database, so they call it again); it also accepts a migration's
historical models (`apps`), though the data migrations run a frozen copy of their own. It
only adds what is missing: re-running it never takes away a permission an administrator
granted by hand, and never duplicates a group, task or workflow.

Roles are Django groups:

* "Autorinnen und Autoren" write: they create and edit pages, contacts, images and documents,
  save drafts and submit them for approval. They cannot publish, unpublish, delete live pages,
  unlock others' pages or approve anything.
* "Redaktion" does all of that, and reviews (approves, or requests changes with a comment),
  publishes, schedules, unpublishes, moves and deletes. It owns the approval task.
* "Administration" looks after users, groups, sites, languages, workflows and settings.

Page permissions are granted on the depth-1 root page. Every locale's tree (the German home
page and its translations) hangs below it, so they apply to all languages; the workflow is
assigned there for the same reason. Translators' groups (one per language, coming with the
translation workflow) get their own, narrower grants on their locale's home page: nothing
here assumes that these three are the only groups.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import transaction

from core.permissions import content_type, permission, permissions

AUTHORS = "Autorinnen und Autoren"
REDAKTION = "Redaktion"
ADMINISTRATION = "Administration"

WORKFLOW_NAME = "Redaktionelle Freigabe"
TASK_NAME = "Freigabe durch die Redaktion"

# The snippets that go through the approval workflow, as "app_label.model_name".
MODERATED_SNIPPETS = ("core.contact",)

# Wagtail's initial migrations create these; our roles replace them.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


@dataclass(frozen=True)
class Role:
    name: str
    # Codenames of wagtailcore.Page permissions, granted on the root page.
    page_permissions: tuple[str, ...] = ()
    # "app_label.codename" permissions granted on the root collection (images, documents,
    # collection management).
    collection_permissions: tuple[str, ...] = ()
    # "app_label.codename" model permissions (snippets, users, sites …).
    model_permissions: tuple[str, ...] = ()


AUTHOR_ROLE = Role(
    AUTHORS,
    page_permissions=("add_page", "change_page", "lock_page"),
    collection_permissions=(
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ),
    model_permissions=(
        "wagtailadmin.access_admin",
        "core.add_contact",
        "core.change_contact",
        "core.lock_contact",
        "core.view_contact",
        # Authors may add an entry for themselves as a byline; changing entries (the
        # editorial teams) stays with the Redaktion.
        "core.add_author",
        "core.view_author",
    ),
)

REDAKTION_ROLE = Role(
    REDAKTION,
    page_permissions=(
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ),
    collection_permissions=(
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ),
    model_permissions=(
        "wagtailadmin.access_admin",
        "core.add_contact",
        "core.change_contact",
        "core.delete_contact",
        "core.publish_contact",
        "core.lock_contact",
        "core.unlock_contact",
        "core.view_contact",
        "core.add_author",
        "core.change_author",
        "core.delete_author",
        "core.view_author",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        # The newsletter: subscribers and their consent record (no adding or editing: only
        # a reader's own confirmation subscribes anyone), and sending issues.
        "newsletter.view_subscriber",
        "newsletter.delete_subscriber",
        "newsletter.send_newsletter",
    ),
)

ADMINISTRATION_ROLE = Role(
    ADMINISTRATION,
    collection_permissions=(
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
        "wagtailcore.delete_collection",
    ),
    model_permissions=(
        "wagtailadmin.access_admin",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.delete_site",
        "wagtailcore.add_locale",
        "wagtailcore.change_locale",
        "wagtailcore.delete_locale",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.delete_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailcore.delete_task",
    ),
)

ROLES = (AUTHOR_ROLE, REDAKTION_ROLE, ADMINISTRATION_ROLE)


@dataclass
class EditorialSetup:
    groups: dict
    workflow: object
    task: object
    root_page: object


def settings_permissions():
    """`change_…` for every settings model (wagtail.contrib.settings), for the Administration."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return tuple(
        f"{model._meta.app_label}.change_{model._meta.model_name}"
        for model in global_apps.get_models()
        if issubclass(model, (BaseGenericSetting, BaseSiteSetting))
    )


def setup_editorial(apps=None):
    """Create or complete the groups, their permissions and the workflow. Safe to re-run."""
    apps = apps or global_apps
    with transaction.atomic():
        return _setup(apps)


def _setup(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    extra = {ADMINISTRATION: settings_permissions()}

    groups = {}
    for role in ROLES:
        group = Group.objects.get_or_create(name=role.name)[0]
        groups[role.name] = group
        wanted = role.model_permissions + extra.get(role.name, ())
        group.permissions.add(*permissions(wanted, apps))
        if root_page is not None:
            for codename in role.page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page,
                    permission=permission(f"wagtailcore.{codename}", apps),
                )
        if root_collection is not None:
            for perm in permissions(role.collection_permissions, apps):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )

    workflow, task = _setup_workflow(apps, groups[REDAKTION], root_page)
    _retire_wagtail_defaults(apps, workflow)
    return EditorialSetup(groups=groups, workflow=workflow, task=task, root_page=root_page)


def _setup_workflow(apps, reviewers, root_page):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    try:
        # The four-eyes approval task (editorial.models); older migration states lack it.
        TaskModel = apps.get_model("editorial", "EditorialApprovalTask")
        task_type = ("editorial", "editorialapprovaltask")
    except LookupError:
        TaskModel, task_type = GroupApprovalTask, ("wagtailcore", "groupapprovaltask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = TaskModel.objects.create(
            name=TASK_NAME,
            active=True,
            # Historical models lack Wagtail's __init__, which would set the specific type.
            content_type=content_type(*task_type, apps),
        )
    elif TaskModel is not GroupApprovalTask:
        task = upgrade_task(TaskModel, task, content_type(*task_type, apps))
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(reviewers)

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        position = WorkflowTask.objects.filter(workflow=workflow).count()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)

    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    for dotted in MODERATED_SNIPPETS:
        app_label, model_name = dotted.split(".")
        WorkflowContentType.objects.update_or_create(
            content_type=content_type(app_label, model_name, apps),
            defaults={"workflow": workflow},
        )
    return workflow, task


def upgrade_task(TaskModel, task, content_type):
    """Turn a plain group approval task into a `TaskModel` (a subclass) in place, keeping its
    id, so that its workflow links and task states stay as they are."""
    existing = TaskModel.objects.filter(pk=task.pk).first()
    if existing is not None:
        return existing
    upgraded = TaskModel(pk=task.pk, task_ptr_id=task.pk, name=task.name, active=task.active,
                         content_type=content_type)
    upgraded.save_base(raw=True)  # only the subclass's own row; the parents' rows exist
    task.__class__.objects.filter(pk=task.pk).update(content_type=content_type)
    return TaskModel.objects.get(pk=task.pk)


def _retire_wagtail_defaults(apps, workflow):
    """Switch off Wagtail's stock "Moderators approval" workflow and its empty groups.

    Only what is unused goes: a workflow still assigned somewhere, or with content in it, stays,
    and a default group with members stays.
    """
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")

    unused = (
        Workflow.objects.filter(active=True)
        .exclude(pk=workflow.pk)
        .exclude(pk__in=WorkflowPage.objects.values("workflow"))
        .exclude(pk__in=WorkflowContentType.objects.values("workflow"))
        .exclude(pk__in=WorkflowState.objects.filter(status="in_progress").values("workflow"))
    )
    for stale in unused.filter(name="Moderators approval"):
        stale.active = False
        stale.save(update_fields=["active"])
        Task.objects.filter(
            workflow_tasks__workflow=stale, name="Moderators approval"
        ).exclude(workflow_tasks__workflow__active=True).update(active=False)

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()

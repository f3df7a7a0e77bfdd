"""The roles and the workflow are set up by the migration, idempotently."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from editorial.demo import create_demo_accounts
from editorial.roles import (
    ADMINISTRATION,
    AUTHORS,
    REDAKTION,
    TASK_NAME,
    WORKFLOW_NAME,
    setup_editorial,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def as_migrated(db):
    """The roles as `migrate` leaves them. A live-server test flushes every table after itself,
    migration data included (conftest.py); on a test worker where one ran before, Wagtail's
    root page and collection are made again, and the roles by the set-up that `migrate` ends
    in (`manage.py setup_editorial`, the translators' groups). Elsewhere the tests read what
    `migrate` left."""
    if Group.objects.filter(name=REDAKTION).exists():
        return
    from conftest import build_site_tree
    from translation.roles import setup_translators

    build_site_tree()
    setup_editorial()
    setup_translators()


def page_permissions(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page__depth=1)
        .values_list("permission__codename", flat=True)
    )


def model_permissions(group_name):
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=group_name)
        .permissions.values_list("content_type__app_label", "codename")
    }


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "page_perms": GroupPagePermission.objects.count(),
        "collection_perms": GroupCollectionPermission.objects.count(),
        "model_perms": sum(group.permissions.count() for group in Group.objects.all()),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "tasks": GroupApprovalTask.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
    }


def test_the_migration_created_the_three_roles_and_the_workflow():
    # What `migrate` left in the test database (see `as_migrated`).
    assert {AUTHORS, REDAKTION, ADMINISTRATION} <= set(Group.objects.values_list("name", flat=True))
    root = Page.get_first_root_node()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    assert WorkflowPage.objects.get(page=root).workflow == workflow
    assert WorkflowContentType.objects.get(content_type__model="contact").workflow == workflow
    task = workflow.tasks.get().specific
    assert task.name == TASK_NAME
    assert list(task.groups.values_list("name", flat=True)) == [REDAKTION]
    # Wagtail's stock workflow and empty stock groups are retired, not left to confuse.
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_setting_up_again_changes_nothing():
    before = snapshot()
    setup_editorial()
    call_command("setup_editorial", verbosity=0)
    assert snapshot() == before


def test_setting_up_again_restores_what_is_missing_but_keeps_what_was_added():
    redaktion = Group.objects.get(name=REDAKTION)
    GroupPagePermission.objects.filter(
        group=redaktion, permission__codename="publish_page"
    ).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
    extra = Permission.objects.get(codename="add_redirect")
    redaktion.permissions.remove(extra)
    authors = Group.objects.get(name=AUTHORS)
    authors.permissions.add(extra)  # an administrator's own decision

    setup_editorial()

    assert "publish_page" in page_permissions(REDAKTION)
    assert Workflow.objects.get(name=WORKFLOW_NAME).active
    assert "wagtailredirects.add_redirect" in model_permissions(REDAKTION)
    assert "wagtailredirects.add_redirect" in model_permissions(AUTHORS)


def test_authors_write_the_redaktion_publishes_the_administration_administers():
    assert page_permissions(AUTHORS) == {"add_page", "change_page", "lock_page"}
    assert page_permissions(REDAKTION) == {
        "add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"
    }
    assert page_permissions(ADMINISTRATION) == set()

    authors = model_permissions(AUTHORS)
    assert {"wagtailadmin.access_admin", "core.add_contact", "core.change_contact"} <= authors
    assert not {perm for perm in authors if ".publish_" in perm or ".delete_" in perm}
    assert {"core.publish_contact", "core.delete_contact", "core.unlock_contact"} <= (
        model_permissions(REDAKTION)
    )
    assert {"auth.change_user", "auth.change_group", "wagtailcore.change_site"} <= (
        model_permissions(ADMINISTRATION)
    )
    assert not {perm for perm in model_permissions(REDAKTION) if perm.startswith("auth.")}


def test_the_set_up_works_on_a_database_without_a_root_page():
    Page.objects.all().delete()  # as after a live-server flush, before a tree is built
    result = setup_editorial()
    assert result.root_page is None
    assert Workflow.objects.get(name=WORKFLOW_NAME).active


def test_demo_accounts_have_their_roles_and_e_mail_and_the_password(tree):
    users = create_demo_accounts("ein-demo-passwort")
    create_demo_accounts("ein-demo-passwort")  # again: still three accounts, same password

    assert set(users) == {"redaktion", "redaktion2", "autorin"}
    assert users["redaktion2"].groups.get().name == REDAKTION
    assert users["redaktion"].groups.get().name == REDAKTION
    assert users["autorin"].groups.get().name == AUTHORS
    assert users["redaktion"].email == "redaktion@example.org"
    assert users["autorin"].email == "autorin@example.org"
    for username in users:
        assert users[username].check_password("ein-demo-passwort")
        assert not users[username].is_superuser


def test_demo_accounts_default_to_the_demo_password(tree, monkeypatch):
    from django.contrib.auth.models import User

    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    create_demo_accounts()
    assert User.objects.get(username="autorin").check_password("demo-connective-2021")

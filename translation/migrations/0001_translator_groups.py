"""Create the translators' groups ("Übersetzung EN" …) for the configured languages.

Frozen: what `translation.roles.setup_translators` did when this migration was written, inlined
so that later changes to that module cannot change what this migration does. A language added
to SITE_LANGUAGES later gets its group from `manage.py add_language <code>`.
"""

from django.conf import settings
from django.db import migrations

SOURCE_LANGUAGE = "de"
REDAKTION = "Redaktion"
MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("home", "change_contact"),
    ("home", "view_contact"),
    ("home", "change_author"),
    ("home", "view_author"),
)


def setup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    def permission(app_label, codename):
        return Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()

    redaktion = Group.objects.filter(name=REDAKTION).first()
    submit = permission("wagtail_localize", "submit_translation")
    if redaktion is not None and submit is not None:
        redaktion.permissions.add(submit)

    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    change_page = permission("wagtailcore", "change_page")
    for code in (code for code, _name in languages if code != SOURCE_LANGUAGE):
        group = Group.objects.get_or_create(name=f"Übersetzung {code.upper()}")[0]
        perms = [permission(*dotted) for dotted in MODEL_PERMISSIONS]
        group.permissions.add(*[perm for perm in perms if perm is not None])
        if change_page is None:
            continue
        for root in Page.objects.filter(depth=2, locale__language_code=code):
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=root.pk, permission=change_page
            )


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("editorial", "0001_editorial_roles_and_workflow"),
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]

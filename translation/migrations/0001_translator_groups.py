"""Create the translators' groups ("Übersetzung EN" …) for the configured languages.

The same idempotent function backs `manage.py add_language` and the demo; a language added to
SITE_LANGUAGES later gets its group from `manage.py add_language <code>`.
"""

from django.db import migrations


def setup(apps, schema_editor):
    from translation.roles import setup_translators

    setup_translators(apps)


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

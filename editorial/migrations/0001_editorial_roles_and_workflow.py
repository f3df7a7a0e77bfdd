"""Create the editorial groups, their permissions and the workflow "Redaktionelle Freigabe".

Frozen: runs `_frozen_roles`, the roles as they were when this migration was written, so that
later changes to `editorial.roles` (which backs `manage.py setup_editorial`) cannot change what
this migration does. Running either again only adds what is missing.
"""

from django.db import migrations


def setup(apps, schema_editor):
    from ._frozen_roles import setup_editorial

    setup_editorial(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]

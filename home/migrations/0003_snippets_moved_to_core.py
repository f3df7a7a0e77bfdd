# Contacts and authors now belong to `core`: they leave `home`'s state (their tables stay, see
# `home.0002`), and their content types move along, keeping their ids. Everything that points
# at a content type by id therefore keeps pointing at them: permissions (and so the groups that
# hold them), revisions, workflow states and the workflow assigned to contacts, wagtail-localize's
# translation sources, the reference and search indexes, log entries.

from django.db import migrations

MOVED_MODELS = ("contact", "author")


def move_content_types(apps, schema_editor, old_app, new_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED_MODELS:
        moving = content_types.filter(app_label=old_app, model=model).first()
        if moving is None:
            continue  # a fresh database: post_migrate creates it under its new app
        # A run that stopped between core.0002 and this migration may have made an empty
        # content type (with its default permissions only) under the new app; the old one,
        # which everything points at, takes its place.
        content_types.filter(app_label=new_app, model=model).delete()
        moving.app_label = new_app
        moving.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "home", "core")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "core", "home")


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_snippet_tables_for_core'),
        ('core', '0002_contact_author'),
        ('news', '0005_snippets_in_core'),
        ('topics', '0002_snippets_in_core'),
        ('pages', '0002_snippets_in_core'),
        # These data migrations name the snippets' permissions under `home`, so they run first.
        ('editorial', '0002_four_eyes_approval_task'),
        ('translation', '0001_translator_groups'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Contact'),
                migrations.DeleteModel(name='Author'),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]

# Contacts and authors now belong to `core`: they leave `home`'s state (their tables stay, see
# `home.0002`), and their content types move along, keeping their ids. Everything that points
# at a content type by id therefore keeps pointing at them: permissions (and so the groups that
# hold them), revisions, workflow states and the workflow assigned to contacts, wagtail-localize's
# translation sources, the reference and search indexes, log entries.

from django.db import migrations

MOVED_MODELS = ("contact", "author")


def move_content_types(apps, schema_editor, old_app, new_app, schema_version):
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
        # wagtail-localize compares a source's schema version with the last migration of the
        # model's app and warns translators when they differ; the model itself is unchanged.
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
        TranslationSource.objects.using(schema_editor.connection.alias).filter(
            specific_content_type=moving
        ).exclude(schema_version="").update(schema_version=schema_version)
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "home", "core", "0002_contact_author")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "core", "home", "0002_snippet_tables_for_core")


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
        ('wagtail_localize', '0016_rename_page_revision_translationlog_revision'),
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

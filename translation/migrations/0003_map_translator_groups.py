"""Map the existing translators' groups to their languages, which until now were read from the
group's name ("Übersetzung EN" → en). Frozen: the name rule is inlined here on purpose.

A group whose language has no locale yet gets an empty mapping: it grants nothing until
`manage.py add_language <code>` adds the locale (and the language to the mapping).
"""

from django.db import migrations

PREFIX = "Übersetzung "


def map_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    TranslatorGroup = apps.get_model("translation", "TranslatorGroup")
    for group in Group.objects.filter(name__startswith=PREFIX):
        code = group.name.removeprefix(PREFIX).strip().lower()
        if not code:
            continue
        role = TranslatorGroup.objects.get_or_create(group=group)[0]
        role.locales.add(*Locale.objects.filter(language_code=code))


class Migration(migrations.Migration):

    dependencies = [
        ("translation", "0002_translator_group_languages"),
    ]

    operations = [migrations.RunPython(map_groups, migrations.RunPython.noop)]

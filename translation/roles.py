"""Translators' groups, one per configured language ("Übersetzung EN", "Übersetzung AR" …).

A group is a translators' group because `translation.models.TranslatorGroup` says so, with
its languages; the name is only what `setup_translators` calls a new group. Renaming it keeps
the limit, and a translators' group without a language grants nothing (`guards/grants.py`).

Members translate into their own language, in wagtail-localize's editor, and nothing else:

* Pages: `change_page` on their language's tree root (that language's home page), so they edit
  that tree only. No add, publish, delete or lock permission; they are not reviewers of the
  approval task, so they cannot approve. What they finish, they submit to the Redaktion.
* Snippets: change (and view) permissions for the translatable snippets. Wagtail has no
  per-locale snippet permissions, so `translation.guards.permissions` and the admin hooks keep
  them to their own language.
* No user, group, site, locale, workflow or settings permission.

The Redaktion additionally gets wagtail-localize's "submit translation" permission: it decides
what is translated ("Translate this page", "Sync translated pages").

`setup_translators()` is idempotent and only adds what is missing. It runs from this app's data
migration, from `manage.py add_language`, and from the demo; a language's tree root is granted
as soon as it exists (see `signals.py`), whichever way it was created. It works with historical
models (`apps` from a migration) as well as the live registry.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction

from core.permissions import content_type, permissions
from editorial.roles import REDAKTION

from .conf import SOURCE_LANGUAGE

TRANSLATOR_GROUP_PREFIX = "Übersetzung "

TRANSLATOR_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "core.change_contact",
    "core.view_contact",
    "core.change_author",
    "core.view_author",
)
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)


def translator_group_name(language_code):
    return f"{TRANSLATOR_GROUP_PREFIX}{language_code.upper()}"


def target_languages():
    """Every configured content language except the source language, in settings order."""
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    return [code for code, _name in languages if code != SOURCE_LANGUAGE]


def _submit_translation_permission(apps):
    """wagtail-localize creates its "submit translation" permission in a data migration, not
    from a model's Meta, so `flush` (e.g. between live-server tests) removes it for good and
    `post_migrate` does not bring it back. Recreate it the way that migration does."""
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get_or_create(
        content_type=content_type("wagtail_localize", "translation", apps),
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )[0]


def setup_translators(apps=None, languages=None):
    """Create or complete the translators' groups; grant each its language's tree roots.

    Returns the groups by language code. Safe to re-run.
    """
    apps = apps or global_apps
    languages = target_languages() if languages is None else languages
    with transaction.atomic():
        Group = apps.get_model("auth", "Group")
        redaktion = Group.objects.filter(name=REDAKTION).first()
        if redaktion is not None:
            redaktion.permissions.add(_submit_translation_permission(apps))
        return {code: _setup_group(apps, code) for code in languages}


def _setup_group(apps, language_code):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    group = _mapped_group(apps, language_code)
    if group is None:
        group = Group.objects.get_or_create(name=translator_group_name(language_code))[0]
    _map_language(apps, group, language_code)
    group.permissions.add(*permissions(TRANSLATOR_MODEL_PERMISSIONS, apps))
    for root in Page.objects.filter(depth=2, locale__language_code=language_code):
        _grant_tree(apps, group, root)
    return group


def _translator_group_model(apps):
    try:
        return apps.get_model("translation", "TranslatorGroup")
    except LookupError:  # a migration state from before the mapping
        return None


def _mapped_group(apps, language_code):
    """The translators' group mapped to this language, whatever it is called now."""
    TranslatorGroup = _translator_group_model(apps)
    if TranslatorGroup is None:
        return None
    role = TranslatorGroup.objects.filter(
        locales__language_code=language_code
    ).order_by("pk").select_related("group").first()
    return role.group if role is not None else None


def _map_language(apps, group, language_code):
    """Record that `group` translates into `language_code` (once its locale exists)."""
    TranslatorGroup = _translator_group_model(apps)
    if TranslatorGroup is None:
        return
    Locale = apps.get_model("wagtailcore", "Locale")
    role = TranslatorGroup.objects.get_or_create(group=group)[0]
    role.locales.add(*Locale.objects.filter(language_code=language_code))


def _grant_tree(apps, group, root):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    page_permissions = [f"wagtailcore.{codename}" for codename in TRANSLATOR_PAGE_PERMISSIONS]
    for permission in permissions(page_permissions, apps):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=root.pk, permission=permission
        )


def grant_language_tree(root):
    """Let the translators of `root`'s language edit the tree below it (a new tree root).

    Does nothing for the source language or a language that is not configured.
    """
    language_code = root.locale.language_code
    if language_code == SOURCE_LANGUAGE or language_code not in target_languages():
        return None
    group = _setup_group(global_apps, language_code)
    return group

"""Permissions by the name Django's `has_perm` uses: "app_label.codename".

The one place that turns such a name into a Permission row. It works with the live app registry
and with a migration's historical one (`apps`), and makes a model's permission that is missing
(a fresh database before post_migrate has run, or one just flushed between live-server tests)
with Django's and Wagtail's name for it, so post_migrate later finds it and leaves it alone.
Data migrations keep their own frozen copies.
"""

from django.apps import apps as global_apps

# The permissions Wagtail adds to models with draft states and locking (post_migrate makes them
# beside Django's add, change, delete and view).
WAGTAIL_ACTIONS = ("publish", "lock", "unlock")


def content_type(app_label, model_name, apps=global_apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model_name)[0]


def permission(dotted, apps=global_apps):
    """The permission "app_label.codename", or None if no model of that app has it (a name
    that is not an action of one of its models: Django's four, Wagtail's, or the model's own)."""
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    existing = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if existing is not None:
        return existing
    try:
        models = apps.get_app_config(app_label).get_models()
    except LookupError:
        return None
    for model in models:
        opts = model._meta
        names = {
            f"{action}_{opts.model_name}": f"Can {action} {opts.verbose_name_raw}"
            for action in (*opts.default_permissions, *WAGTAIL_ACTIONS)
        }
        names.update(dict(opts.permissions))
        if codename in names:
            return Permission.objects.get_or_create(
                content_type=content_type(app_label, opts.model_name, apps),
                codename=codename,
                defaults={"name": names[codename][:255]},
            )[0]
    return None


def permissions(dotted_names, apps=global_apps):
    """The permissions of `dotted_names` that exist (or can be made), in order."""
    found = (permission(dotted, apps) for dotted in dotted_names)
    return [perm for perm in found if perm is not None]

"""Keep translators to their own language where Wagtail has no per-language permissions.

Page permissions in Wagtail belong to a subtree, so a translators' group is simply granted its
language's tree root (`roles.py`). Snippet permissions are per model: "may change contacts"
covers every language. A permission that a user holds *only* through translators' groups is
therefore read as "… in the languages of those groups". A permission held through any other
group (an author who also translates) or held directly, and superusers, are not limited.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import TranslatableMixin

from ..roles import TRANSLATOR_GROUP_PREFIX, translator_group_language


def translator_languages(user):
    """The language codes of the user's translators' groups (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_translator_languages", None)
    if cached is None:
        names = user.groups.filter(name__startswith=TRANSLATOR_GROUP_PREFIX).values_list(
            "name", flat=True
        )
        cached = frozenset(filter(None, (translator_group_language(name) for name in names)))
        user._translator_languages = cached
    return cached


def allowed_languages(user, model, action="change"):
    """None if `user` may `action` objects of `model` in every language, else the set of
    language codes they are limited to (possibly empty)."""
    if not issubclass(model, TranslatableMixin) or user.is_superuser:
        return None
    languages = translator_languages(user)
    if not languages:
        return None
    opts = model._meta
    unrestricted = Permission.objects.filter(
        content_type__app_label=opts.app_label,
        codename=f"{action}_{opts.model_name}",
    ).filter(
        Q(user=user)
        | Q(group__in=user.groups.exclude(name__startswith=TRANSLATOR_GROUP_PREFIX))
    )
    return None if unrestricted.exists() else languages


def may_handle(user, obj, action="change"):
    """Whether `user` may `action` this translatable object, as far as its language goes."""
    languages = allowed_languages(user, type(obj), action)
    return languages is None or obj.locale.language_code in languages


def may_handle_language(user, model, language_code, action="add"):
    languages = allowed_languages(user, model, action)
    return languages is None or language_code in languages


def is_language_limited(user, model):
    """True for a translator whose right to change `model` is limited to their languages."""
    return allowed_languages(user, model, "change") is not None

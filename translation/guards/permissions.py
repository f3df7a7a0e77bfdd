"""Keep translators to their own language where Wagtail has no per-language permissions.

Page permissions in Wagtail belong to a subtree, so a translators' group is simply granted its
language's tree root (`roles.py`). Snippet permissions are per model: "may change contacts"
covers every language. A permission that a user holds *only* through translators' groups is
therefore read as "… in the languages of those groups" (the administrators' mapping,
`translation.models.TranslatorGroup`, never the group's name). A permission held through any other
group (an author who also translates) or held directly, and superusers, are not limited.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import Locale, TranslatableMixin


def translator_languages(user):
    """The language codes of the user's translators' groups, from the administrators' mapping
    (`translation.models.TranslatorGroup`), cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_translator_languages", None)
    if cached is None:
        cached = frozenset(
            Locale.objects.filter(translator_groups__group__user=user).values_list(
                "language_code", flat=True
            )
        )
        user._translator_languages = cached
    return cached


def other_groups(user):
    """The user's groups that are not translators' groups."""
    return user.groups.filter(translator_role__isnull=True)


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
        | Q(group__in=other_groups(user))
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

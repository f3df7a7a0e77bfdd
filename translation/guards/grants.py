"""Translators' groups fail closed.

A translators' group (`translation.models.TranslatorGroup`) grants its rights only in its
languages:

* page permissions only in the page trees of its languages (a grant on another tree, or on the
  root, counts for nothing): `install()` narrows Wagtail's `PagePermissionPolicy` once, from
  `TranslationConfig.ready`, and `tests/guards/test_translator_grants.py` has its canary;
* model permissions (contacts, authors, admin access) not at all when it has no language
  (`TranslatorAwareModelBackend`, in `AUTHENTICATION_BACKENDS`); with languages they are
  limited to them by `permissions.py` and the admin hooks.

Wagtail and Django never hear of the group's name, so renaming it changes nothing.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import F, Q
from wagtail.permission_policies.pages import PagePermissionPolicy

upstream_get_all_permissions_for_user = PagePermissionPolicy.get_all_permissions_for_user


def languageless_translator_groups():
    from django.contrib.auth.models import Group

    return Group.objects.filter(translator_role__isnull=False,
                                translator_role__locales__isnull=True)


def get_all_permissions_for_user(self, user):
    """Wagtail's page permissions of `user`, without a translators' group's grants outside
    its languages' trees."""
    return upstream_get_all_permissions_for_user(self, user).filter(
        Q(group__translator_role__isnull=True)
        | Q(group__translator_role__locales=F("page__locale"))
    )


def install():
    PagePermissionPolicy.get_all_permissions_for_user = get_all_permissions_for_user


class TranslatorAwareModelBackend(ModelBackend):
    """Django's model backend, where a translators' group without a language grants nothing."""

    def _get_group_permissions(self, user_obj):
        granting = user_obj.groups.exclude(pk__in=languageless_translator_groups())
        return Permission.objects.filter(group__in=granting)

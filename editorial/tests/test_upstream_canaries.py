"""Canaries for the permission rules the project puts into Wagtail and wagtail-localize (four
eyes, deleting, translators' grants, translation buttons). Each fails on an upgrade that changes
the upstream code it replaces or wraps, and says what to re-check, so that an upgrade cannot
silently reopen a door. They can go when upstream offers a setting or hook for the rule."""

import hashlib
import inspect

from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize import wagtail_hooks as localize_hooks

from editorial import deleting, publishing
from translation.guards import grants

# sha256 of the upstream source, Wagtail 8.0 and wagtail-localize 1.14.5.
UPSTREAM_SHA256 = {
    "PagePermissionTester.can_publish":
        "8c8c46b634017093ecd4e7c43284fcf60221b71c665dba44bf7a02e9dbe363c3",
    "PagePermissionTester.can_publish_subpage":
        "4b8f72a50403005ef88edcca4597a8ebf5bc3393524975019d862190db16e8a8",
    "PagePermissionTester.can_set_view_restrictions":
        "d615c12fd1b7b772e0962f2c12ea251d21f3fe825d59a5e9a00d1256ffa280a9",
    "PagePermissionTester.can_unschedule":
        "016fd7503a09a33f6aef9ca65c1d85481e9678fa7611511bbb56ba9ee66a8cdb",
    "PagePermissionTester.can_delete":
        "772a5d125cfbf5638891b851103d552bc8aa161316dec81362a0a69f33352677",
    "PagePermissionPolicy.get_all_permissions_for_user":
        "2c0e5894b63dfa568d0e267c951b614b554ce5104c29c2f875c0474aa591073f",
    "page_listing_more_buttons":
        "2a98d3b297d8c957b0136655e1c9b962a21220236efef07a305d38b6cb8e9661",
}


def upstream_functions():
    return {
        **{f"PagePermissionTester.{name}": function
           for name, function in publishing.UPSTREAM.items()},
        "PagePermissionTester.can_delete": deleting.upstream_can_delete,
        "PagePermissionPolicy.get_all_permissions_for_user":
            grants.upstream_get_all_permissions_for_user,
        "page_listing_more_buttons": localize_hooks.page_listing_more_buttons,
    }


def test_the_patched_upstream_code_is_the_code_the_patches_were_written_for():
    changed = [
        name for name, function in upstream_functions().items()
        if hashlib.sha256(inspect.getsource(function).encode()).hexdigest()
        != UPSTREAM_SHA256[name]
    ]

    assert not changed, (
        f"Upstream changed {changed}. Re-check editorial/publishing.py (does every publishing "
        "path still ask can_publish/can_publish_subpage?), editorial/deleting.py (authors' "
        "delete rule), translation/guards/grants.py (translators' page grants) and "
        "translation/guards/sources.py (translate buttons), run their tests, then put the new "
        "hashes here."
    )


def test_the_patches_are_installed():
    for name, function in publishing.PATCHES.items():
        assert getattr(PagePermissionTester, name) is function
    assert PagePermissionTester.can_delete is deleting.can_delete
    assert PagePermissionPolicy.get_all_permissions_for_user is (
        grants.get_all_permissions_for_user
    )

"""Four eyes all the way: with the rule on, nothing goes live except through "Freigeben".

Wagtail lets whoever holds the publish permission publish directly: "Veröffentlichen" in the
editor (also with a go-live date, and for an old revision), creating and publishing at once,
bulk "Veröffentlichen", copying with "Kopien veröffentlichen", aliases, and wagtail-localize's
"Veröffentlichen" in the translation editor. Each of these asks
`PagePermissionTester.can_publish()` or `can_publish_subpage()`. With the four-eyes rule on
(`EditorialSettings.four_eyes`, per site), both answer no for everyone, superusers included, so
the button is gone and a forged `action-publish` saves a draft, as it does for authors; bulk
publishing is refused and a copy stays a draft.

The approval itself publishes through `WAGTAIL_FINISH_WORKFLOW_ACTION`, which runs inside
`approval_publishes()`: there the upstream answer stands (the approver still needs the publish
permission). Unpublishing, unscheduling, privacy settings, moving and reordering are not
publishing and keep Wagtail's rule (the publish permission).

Contacts (snippets under the same workflow) have no permission tester: `editorial.wagtail_hooks`
removes their "Veröffentlichen" and refuses a posted `action-publish` with a message, and
`translation.approval.workflow.may_publish` asks `direct_publishing_blocked()`.

`install()` patches the tester once (from `EditorialConfig.ready`);
`editorial/tests/test_upstream_canaries.py` fails when Wagtail changes the patched methods
(then re-check each: does it still decide what its name says, for every path above?).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import PagePermissionTester

from .models import four_eyes_required

_approving = ContextVar("editorial_approval_publishes", default=False)

# Wagtail's own methods, before `install()`: the canary test hashes their source.
UPSTREAM = {
    name: getattr(PagePermissionTester, name)
    for name in ("can_publish", "can_publish_subpage", "can_set_view_restrictions",
                 "can_unschedule")
}
upstream_can_publish = UPSTREAM["can_publish"]
upstream_can_publish_subpage = UPSTREAM["can_publish_subpage"]


@contextmanager
def approval_publishes():
    """Within this block, publishing is the approval's doing, not a direct publication."""
    token = _approving.set(True)
    try:
        yield
    finally:
        _approving.reset(token)


def direct_publishing_blocked(obj=None):
    """True if publishing `obj` (a page or snippet; None: the default site) needs approval."""
    if _approving.get():
        return False
    if obj is None:
        return four_eyes_required()
    cache = obj.__dict__.setdefault("_editorial_publishing", {})
    if "blocked" not in cache:
        cache["blocked"] = four_eyes_required(obj)
    return cache["blocked"]


def can_publish(self):
    if not upstream_can_publish(self):
        return False
    return not direct_publishing_blocked(self.page)


def can_publish_subpage(self):
    # The new page will be on the parent's site, under the same rule.
    if not upstream_can_publish_subpage(self):
        return False
    return not direct_publishing_blocked(self.page)


def can_set_view_restrictions(self):
    """Wagtail asks `can_publish()`; privacy is not publishing, so the permission decides."""
    return upstream_can_publish(self)


def can_unschedule(self):
    """Taking back a scheduled publication publishes nothing: the permission decides."""
    return upstream_can_publish(self)


PATCHES = {
    "can_publish": can_publish,
    "can_publish_subpage": can_publish_subpage,
    "can_set_view_restrictions": can_set_view_restrictions,
    "can_unschedule": can_unschedule,
}


def install():
    """Put the four-eyes answers into Wagtail's page permission tester; idempotent."""
    for name, function in PATCHES.items():
        setattr(PagePermissionTester, name, function)

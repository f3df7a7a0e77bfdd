"""Who deletes which page.

Wagtail lets anyone who may edit a page delete it while nothing in it is live. Authors may edit
every page (they write in a shared tree), so they could delete a colleague's draft, a page
waiting for approval (which they may not even change) or a draft translation.

Here, whoever may not publish (authors) deletes only their own work: pages they own, never
published, not waiting for approval, in the source language and without translations, and the
same for every page below. The Redaktion (publish permission) and superusers keep Wagtail's
rule; translators delete nothing (`translation.guards.boundaries.is_translator_only`): this
one patch holds every rule about deleting pages.

Deleting a German page takes its translations with it (`pages_deleted_with`, Wagtail's
`construct_translated_pages_to_cascade_actions` hook): a translation without its source could
never be updated again. Deleting a translation takes only it. The confirmation lists every
page that goes by title, language and state.

`install()` patches `PagePermissionTester.can_delete` once (from `EditorialConfig.ready`);
`editorial/tests/test_upstream_canaries.py` fails when Wagtail changes it.
"""

from wagtail.models import Page, PagePermissionTester, WorkflowState

from translation.conf import SOURCE_LANGUAGE  # plain settings data, no models

upstream_can_delete = PagePermissionTester.can_delete


def is_own_unpublished_draft(pages, user):
    """True if every page of `pages` (a queryset) is `user`'s draft that nobody else relies on."""
    if pages.exclude(owner=user).exists():
        return False
    if pages.filter(live=True).exists() or pages.filter(first_published_at__isnull=False).exists():
        return False
    if pages.exclude(locale__language_code=SOURCE_LANGUAGE).exists():
        return False
    in_review = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    if in_review.exists():
        return False
    translations = Page.objects.filter(
        translation_key__in=pages.values("translation_key")
    ).exclude(pk__in=pages.values("pk"))
    return not translations.exists()


def can_delete(self, ignore_bulk=False):
    """Every "Löschen" Wagtail and wagtail-localize's editor offer asks this."""
    from translation.guards.boundaries import is_translator_only

    if not upstream_can_delete(self, ignore_bulk=ignore_bulk):
        return False
    if is_translator_only(self.user):
        return False
    if self.user.is_superuser or "publish" in self.permissions:
        return True
    return is_own_unpublished_draft(self.page.get_descendants(inclusive=True), self.user)


def pages_deleted_with(pages, action):
    """`construct_translated_pages_to_cascade_actions`: deleting a German page deletes its
    translations (and aliases of it) in the other languages; a translation goes alone."""
    if action != "delete":
        return None
    return {
        page: list(Page.objects.filter(translation_key=page.translation_key)
                   .exclude(pk=page.pk).exclude(locale_id=page.locale_id))
        if page.locale.language_code == SOURCE_LANGUAGE else []
        for page in pages
    }


def install():
    """Put the rules into Wagtail's page permission tester, from this app's `ready()`."""
    PagePermissionTester.can_delete = can_delete

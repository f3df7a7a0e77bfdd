"""The project's one patch of wagtail-localize code, installed once by `TranslationConfig.ready`.

wagtail-localize's "save as draft" of a translation
(`TranslationSource.create_or_update_translation` with `publish=False`) writes the translated
fields into the target's database row. For a page or contact that is already live, that row is
what readers see: an unapproved title is public at once, and a live contact is taken offline
(`live=False`). wagtail-localize has no setting for this, so the method is wrapped: a live
target gets a draft revision instead (`drafts.save_live_translation_as_draft`); everything
else goes to upstream unchanged. Before either, the wrapper settles the translated page's slug
(`translation.slugs`), since every save of a translation into its target passes through here.

`tests/approval/test_upstream_patches.py` holds a hash of the upstream method's source: when an
upgrade changes it, that test fails and says what to re-check.
"""

from wagtail_localize.models import TranslationSource

from ..slugs import prepare_translated_slug
from .drafts import live_target, save_live_translation_as_draft

upstream_create_or_update_translation = TranslationSource.create_or_update_translation


def create_or_update_translation(
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
):
    """`TranslationSource.create_or_update_translation`, but a draft never touches live rows,
    and a translated page gets a slug in its own language."""
    prepare_translated_slug(self, locale)
    if not publish and live_target(self, locale) is not None:
        return save_live_translation_as_draft(self, locale, user=user, fallback=fallback)
    return upstream_create_or_update_translation(
        self,
        locale,
        user=user,
        publish=publish,
        copy_parent_pages=copy_parent_pages,
        fallback=fallback,
    )


def install():
    """Put the wrapper in place; idempotent."""
    TranslationSource.create_or_update_translation = create_or_update_translation

"""Canaries for what the project takes over from wagtail-localize: each fails on an upgrade that
changes the upstream code, and says what to re-check, so an upgrade cannot silently undo a fix.
"""

import hashlib
import inspect
import re
from pathlib import Path

import wagtail_localize
from django.conf import settings
from wagtail_localize.models import TranslationSource

from translation.approval import upstream_patches

# sha256 of the source of TranslationSource.create_or_update_translation, wagtail-localize 1.14.5.
PATCHED_METHOD_SHA256 = "4c68c20a8ba2648b4135a0837802e66f1537a748321fc1af66eef86e159b3a01"

# The lines the project adds to the copied `content` block of the translation editor.
PROJECT_LINES = {
    "{% translation_review_bar instance translation %}",
    "{% translation_exchange_bar translation %}",
    "{% translation_editor_props props instance as editor_props %}",
    "{% translation_has_own_footer instance as own_footer %}",
    "{% translation_footer instance translation %}",
}
# Our line for upstream's: the editor's props without what a translator may not do, and the
# class that hides wagtail-localize's footer where ours stands.
PROJECT_EDITOR_LINE = (
    '<div class="js-translation-editor{% if own_footer %} translation-editor--own-footer'
    '{% endif %}" data-props="{{ editor_props }}">'
)
UPSTREAM_EDITOR_LINE = '<div class="js-translation-editor" data-props="{{ props }}">'


def test_the_draft_patch_is_installed_over_upstream():
    assert TranslationSource.create_or_update_translation is (
        upstream_patches.create_or_update_translation
    )
    assert upstream_patches.upstream_create_or_update_translation is not (
        upstream_patches.create_or_update_translation
    )


def test_the_patched_upstream_method_is_the_one_the_patch_was_written_for():
    source = inspect.getsource(upstream_patches.upstream_create_or_update_translation)

    digest = hashlib.sha256(source.encode()).hexdigest()

    assert digest == PATCHED_METHOD_SHA256, (
        "wagtail-localize changed TranslationSource.create_or_update_translation. Re-check "
        "translation/approval/upstream_patches.py: does a draft (publish=False) of a live page "
        "or contact still write into the live row? If upstream fixed it, remove the patch; "
        "otherwise check that the wrapper's arguments still match, run "
        "translation/tests/approval/, and put the new hash here."
    )


def _content_block(path):
    text = Path(path).read_text()
    block = re.search(r"{% block content %}(.*?)\n{% endblock %}", text, re.DOTALL).group(1)
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_the_copied_translation_editor_block_still_matches_upstream():
    upstream = Path(wagtail_localize.__file__).parent / (
        "templates/wagtail_localize/admin/edit_translation.html"
    )
    project = settings.BASE_DIR / "templates/wagtail_localize/admin/edit_translation.html"

    copied = [UPSTREAM_EDITOR_LINE if line == PROJECT_EDITOR_LINE else line
              for line in _content_block(project) if line not in PROJECT_LINES]

    assert copied == _content_block(upstream), (
        "wagtail-localize changed the `content` block of its translation editor template. "
        "Copy the new block into templates/wagtail_localize/admin/edit_translation.html and "
        "put the review and exchange bars back between the language bar and the editor."
    )

"""Guards in front of wagtail-localize's admin endpoints.

`wagtail_hooks.py` registers these under the very paths wagtail-localize uses, ahead of its own
patterns, so every request to those paths passes through here first; `reverse()` with the
`wagtail_localize:` names keeps working. What they add:

* Own language only: for snippets, wagtail-localize checks the model permission alone
  ("may change contacts"), so a translator for English could edit, machine-translate,
  import into or stop the French translation of a contact. Pages need no extra check: their
  permissions follow the language's tree.
* "Sync translated pages" never publishes: its "Publish immediately" option is gone.
* "Translate this page" / "Translate" and "Sync translated pages" refuse a German draft that
  nobody has submitted for approval (`sources.py`).
* "Convert to alias page" replaces a translation with a live copy of the German page; only
  someone who may publish the page may do that.
* A segment override (a link target, a URL) may not become a `javascript:` or `data:` URL.
* A segment may not be saved as the offline translator's placeholder ("[EN] …"): the editor
  shows why in the segment, and the placeholder stays unconfirmed machine output.
* A machine translator that fails (no network, a refused key) gives a message, not an error
  page.
"""

import functools
import json
import logging
import re

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from ..approval.machine_output import is_placeholder, placeholder_message
from .permissions import may_handle
from .sources import (
    only_from_public_sources,
    page_source,
    snippet_source,
    translation_source_object,
)

logger = logging.getLogger(__name__)

UNSAFE_URL = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def is_unsafe_url(value):
    """True for values a browser would run or load as a script or inline document."""
    return isinstance(value, str) and bool(UNSAFE_URL.match(_INVISIBLE.sub("", value)))


def _check_language(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not isinstance(target, Page) and not may_handle(request.user, target):
        raise PermissionDenied
    return translation, target


def own_language_only(view, *, api=False):
    """Refuse a translation endpoint for a snippet outside the user's languages (the editor's
    JSON endpoints get a JSON 403, the others Wagtail's "no permission")."""

    @functools.wraps(view)
    def wrapped(request, translation_id, *args, **kwargs):
        try:
            _check_language(request, translation_id)
        except PermissionDenied:
            if not api:
                raise
            return JsonResponse({"error": _("You may not edit this translation.")}, status=403)
        return view(request, translation_id, *args, **kwargs)

    return wrapped


def placeholder_refusal(translation, answer):
    """The editor's answer to saving a placeholder ("[EN] …") as a translation, or None.

    wagtail-localize's editor shows an answer's `error` in the segment, in red, in place of its
    note; any status but 200/201 would only say "Server error"."""
    code = translation.target_locale.language_code
    if not is_placeholder(answer.get("data"), code):
        return None
    return JsonResponse(
        {**answer, "error": placeholder_message(code), "comment": "", "last_translated_by": None}
    )


@functools.wraps(edit_translation.edit_string_translation)
def edit_string_translation(request, translation_id, string_segment_id):
    try:
        translation, _target = _check_language(request, translation_id)
    except PermissionDenied:
        return JsonResponse({"error": _("You may not edit this translation.")}, status=403)
    with transaction.atomic():
        response = edit_translation.edit_string_translation(
            request, translation_id, string_segment_id
        )
        saved = getattr(response, "data", None)
        if request.method == "PUT" and response.status_code in (200, 201) and saved:
            refusal = placeholder_refusal(translation, saved)
            if refusal is not None:
                transaction.set_rollback(True)  # the segment stays unconfirmed machine output
                return refusal
    return response


download_pofile = own_language_only(edit_translation.download_pofile)
upload_pofile = own_language_only(edit_translation.upload_pofile)
preview_translation = own_language_only(edit_translation.preview_translation)
stop_translation = own_language_only(edit_translation.stop_translation)


@functools.wraps(edit_translation.edit_override)
def edit_override(request, translation_id, overridable_segment_id):
    try:
        translation, _target = _check_language(request, translation_id)
    except PermissionDenied:
        return JsonResponse({"error": _("You may not edit this translation.")}, status=403)
    segment = get_object_or_404(OverridableSegment, id=overridable_segment_id)
    with transaction.atomic():
        response = edit_translation.edit_override(request, translation_id, overridable_segment_id)
        override = SegmentOverride.objects.filter(
            locale_id=translation.target_locale_id, context_id=segment.context_id
        ).first()
        if override is not None and request.method == "PUT":
            try:
                value = json.loads(override.data_json)
            except ValueError:
                value = override.data_json
            if is_unsafe_url(value):
                transaction.set_rollback(True)
                message = _("This address is not allowed: use an http(s), mailto or tel link.")
                return JsonResponse({"error": message}, status=400)
    return response


@functools.wraps(edit_translation.machine_translate)
def machine_translate(request, translation_id):
    _check_language(request, translation_id)
    try:
        return edit_translation.machine_translate(request, translation_id)
    except (Http404, PermissionDenied):
        raise
    except Exception:  # A remote translator fails in many ways; the editor must not.
        logger.exception("Machine translation of translation %s failed", translation_id)
        translator = get_machine_translator()
        messages.error(
            request,
            _("%(translator)s could not translate right now. Nothing was changed; try again later.")
            % {"translator": translator.display_name if translator else _("Machine translation")},
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def convert_to_alias(request, page_id):
    """Only someone who may publish the page may turn its translation into a live alias."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class DraftOnlyUpdateTranslationsForm(update_translations.UpdateTranslationsForm):
    """wagtail-localize's "Sync translated pages" form without "Publish immediately"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_translations", None)

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["publish_translations"] = False
        return cleaned_data


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    title = gettext_lazy("Update translations (as drafts)")

    def get_form(self):
        if self.request.method == "POST":
            return DraftOnlyUpdateTranslationsForm(self.request.POST)
        return DraftOnlyUpdateTranslationsForm()

    def get_success_message(self):
        return _(
            "The translations of “%(object)s” now follow the current source. Nothing was "
            "published: translators submit the updated translations for approval."
        ) % {"object": self.object.object_repr}


submit_page_translation = only_from_public_sources(
    submit_translations.SubmitPageTranslationView.as_view(), page_source
)
submit_snippet_translation = only_from_public_sources(
    submit_translations.SubmitSnippetTranslationView.as_view(), snippet_source
)
update_translations_view = only_from_public_sources(
    UpdateTranslationsView.as_view(), translation_source_object
)

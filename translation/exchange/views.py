"""Admin views for the agency exchange: XLIFF download and upload, and a strict PO upload.

They are guarded exactly like wagtail-localize's PO views in `views.py`: the user must be
allowed to edit the translated page or snippet, and for snippets only in their own language.
An upload is checked completely before anything is stored (`exchange.py`); a refused file
changes nothing and says why. What is stored becomes a draft, never a publication.

wagtail-localize's own PO upload answered a PO file without its translation id with a server
error, and stored translations with forbidden markup (marked as errors); this one refuses both.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import get_edit_url
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translation.guards.views import _check_language

from . import xliff
from .importing import (
    ImportRefused,
    apply_import,
    outcome_messages,
    parse_po,
    plan_import,
    read_upload,
    save_draft,
)

logger = logging.getLogger(__name__)

PO_TOOL = "PO File"  # the tool name wagtail-localize's own PO import records
XLIFF_TOOL = "XLIFF"


def _guarded(request, translation_id):
    """The translation and its target, if this user may edit them (else 403 or 404)."""
    translation, target = _check_language(request, translation_id)
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    if not translation.enabled:
        raise Http404
    return translation, target


def _back(request, target):
    return redirect(get_valid_next_url_from_request(request) or get_edit_url(target))


def _report(request, level, text):
    getattr(messages, level)(request, text)


def _import(request, translation_id, parse, tool_name):
    translation, target = _guarded(request, translation_id)
    try:
        data = read_upload(request.FILES.get("file"))
        units, skipped = parse(data, translation)
        plan = plan_import(translation, units)
    except ImportRefused as refused:
        logger.info(
            "Refused %s upload for translation %s: %s", tool_name, translation.pk,
            " ".join(refused.messages),
        )
        messages.error(request, " ".join(refused.messages))
        return _back(request, target)

    stored = apply_import(translation, plan, request.user, tool_name)
    for level, text in outcome_messages(plan, stored, **skipped):
        _report(request, level, text)
    if stored:
        _report(request, *save_draft(request, translation, target))
    return _back(request, target)


@require_GET
def download_xliff(request, translation_id):
    translation, _target = _guarded(request, translation_id)
    response = HttpResponse(xliff.export_xliff(translation), content_type=xliff.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{xliff.filename(translation)}"'
    return response


@require_POST
def upload_xliff(request, translation_id):
    def parse(data, translation):
        units, unfinished = xliff.parse_xliff(data, translation)
        return units, {"unfinished": unfinished}

    return _import(request, translation_id, parse, XLIFF_TOOL)


@require_POST
def upload_pofile(request, translation_id):
    def parse(data, translation):
        units, fuzzy = parse_po(data, translation)
        return units, {"fuzzy": fuzzy}

    return _import(request, translation_id, parse, PO_TOOL)

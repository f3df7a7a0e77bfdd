"""Importing an agency's translation file (PO or XLIFF): check everything, then change a little.

Both formats come down to a list of `Unit`s: which segment (the context path and the German
string it was exported with) and the translated HTML fragment. `plan_import()` checks every unit
against the translation before anything is written:

* a unit for a context this object never had, belongs to another page or snippet: the file is
  refused;
* a unit whose German text has changed since the export (its context is known, its string is not
  current any more) is skipped and named in a warning, the rest is imported;
* a translation with anything but wagtail-localize's inline tags (no attributes except the link
  ids of the source, no link ids the source lacks) is refused, exactly as wagtail-localize's own
  editor would mark it as an error. The whole file is then refused: nothing is stored;
* so is a translation longer than its field takes (`max_length` of a text field or block, the
  `maxwidth` of the exported unit) or than `max_segment_characters()`.

Units that the file itself marks as unfinished (PO `#, fuzzy`, XLIFF `needs-…` states) never
get here: the parsers skip and count them.

`apply_import()` stores the checked units as manual StringTranslations, in one transaction, and
`save_draft()` then saves the translation as a draft by the rules of `workflow.py`: never
published, nothing saved over a translation that is awaiting approval or locked by someone else.
"""

import logging
import os
import re
import tempfile
from dataclasses import dataclass, field

import polib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import DraftStateMixin
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslationContext,
)
from wagtail_localize.strings import StringValue, validate_translation_links

from translation.approval.workflow import _locked_for, is_moderated, may_publish

from .field_paths import resolve

logger = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A segment is a title, a sentence or a paragraph; rich-text segments have no max_length of
# their own, so this caps them (and any field without a limit).
DEFAULT_MAX_SEGMENT_CHARACTERS = 20_000
# Listing every problem of a broken file helps nobody; the first few point the way.
MAX_LISTED_PROBLEMS = 5
# Markup typed as text ("&lt;script&gt;" in an XLIFF target) that the source does not contain.
TEXT_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")


class ImportRefused(Exception):
    """The file cannot be imported; `messages` say why. Nothing has been changed."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = [str(message) for message in messages]


def max_upload_bytes():
    return getattr(settings, "TRANSLATION_EXCHANGE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def read_upload(upload):
    """The uploaded file's bytes, refusing files that are missing, empty or too large."""
    nothing = _("Nothing was imported.")
    if upload is None:
        raise ImportRefused(nothing, _("Choose a file to import."))
    limit = max_upload_bytes()
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ImportRefused(
            nothing,
            _("The file is too large (at most %(limit)s).") % {"limit": filesizeformat(limit)},
        )
    if not data.strip():
        raise ImportRefused(nothing, _("The file is empty."))
    return data


@dataclass
class Unit:
    """One translated segment from a file."""

    label: str  # how a message names it: the XLIFF unit id or the PO entry's context
    path: str  # the segment's context path ("title", "body.<block id>")
    string_hash: str  # String.data_hash of the German text it was exported with
    target: str  # the translation, an HTML fragment like wagtail-localize's strings


@dataclass
class ImportPlan:
    changes: list = field(default_factory=list)  # (StringSegment, html)
    unchanged: int = 0
    stale: list = field(default_factory=list)  # labels of units whose German text changed
    empty: int = 0


def segments_of(translation):
    """The translation's current string segments by (context path, string hash)."""
    segments = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .order_by("order")
    )
    found = {}
    for segment in segments:
        found.setdefault((segment.context.path, str(segment.string.data_hash)), segment)
    return found


def unit_id(segment):
    """The stable id of a segment in an exchange file: its context path and German string."""
    return f"{segment.context.path}#{segment.string.data_hash}"


def _known_paths(translation):
    return set(
        TranslationContext.objects.filter(object_id=translation.source.object_id).values_list(
            "path", flat=True
        )
    )


def check_html(segment, html):
    """The translation as stored, or ValueError with wagtail-localize's own message.

    Besides wagtail-localize's checks (inline tags only, no attributes, no new link ids), text
    that reads as markup once unescaped ("&lt;script&gt;") is refused unless the German text
    has it too: it is shown as text, never run, but it is no translation either.
    """
    value = StringValue.from_translated_html(html)
    validate_translation_links(segment.string.data, value.data)
    source_text = StringValue(segment.string.data).render_text()
    for markup in TEXT_MARKUP.findall(value.render_text()):
        if markup not in source_text:
            raise ValueError(
                _("it contains markup as text (“%(markup)s”); use the tags of the source.")
                % {"markup": markup}
            )
    return value.data


def max_segment_characters():
    return getattr(settings, "TRANSLATION_EXCHANGE_MAX_SEGMENT_CHARACTERS",
                   DEFAULT_MAX_SEGMENT_CHARACTERS)


def max_length(model, field_path):
    """The maximum length of the text field or block at `field_path` ("title",
    "body.quote.attribution"), or None if it has none."""
    steps = resolve(model, field_path)
    if not steps or steps[-1][1] is None:
        return None
    last = steps[-1][1]
    if len(steps) == 1:
        return getattr(last, "max_length", None)
    return getattr(getattr(last, "field", None), "max_length", None)


def _too_long(segment, html, model):
    """Why `html` is too long for the segment's field, or None."""
    length = len(StringValue(html).render_text())
    limit = max_length(model, segment.context.field_path)
    if limit and length > limit:
        return _("it has %(length)d characters, but the field takes at most %(limit)d.") % {
            "length": length, "limit": limit}
    if length > max_segment_characters():
        return _("it has %(length)d characters; a segment may have at most %(limit)d.") % {
            "length": length, "limit": max_segment_characters()}
    return None


def _normalised(html):
    try:
        return StringValue.from_translated_html(html).data
    except ValueError:
        return None


def plan_import(translation, units):
    """Check every unit; an ImportPlan, or ImportRefused naming the first problems."""
    segments = segments_of(translation)
    existing = {
        (item.translation_of_id, item.context_id): item
        for item in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
        ).only("translation_of_id", "context_id", "data", "has_error")
    }
    known_paths = None
    model = translation.source.specific_content_type.model_class()
    plan = ImportPlan()
    problems = []
    for unit in units:
        if not unit.target.strip():
            plan.empty += 1
            continue
        segment = segments.get((unit.path, unit.string_hash))
        if segment is None:
            if known_paths is None:
                known_paths = _known_paths(translation)
            if unit.path in known_paths:
                plan.stale.append(unit.label)
            else:
                problems.append(
                    _("“%(unit)s” is not part of this translation.") % {"unit": unit.label}
                )
            continue
        try:
            html = check_html(segment, unit.target.strip())
        except ValueError as error:
            problems.append(
                _("“%(unit)s” cannot be used: %(error)s") % {"unit": unit.label, "error": error}
            )
            continue
        too_long = _too_long(segment, html, model)
        if too_long:
            problems.append(
                _("“%(unit)s” cannot be used: %(error)s") % {"unit": unit.label,
                                                              "error": too_long}
            )
            continue
        current = existing.get((segment.string_id, segment.context_id))
        if current is not None and not current.has_error and _normalised(current.data) == html:
            plan.unchanged += 1
        else:
            plan.changes.append((segment, html))
    if problems:
        raise ImportRefused(*_summarise(problems))
    return plan


def _summarise(problems):
    shown = problems[:MAX_LISTED_PROBLEMS]
    rest = len(problems) - len(shown)
    if rest:
        shown.append(
            ngettext("… and %(count)d more problem.", "… and %(count)d more problems.", rest)
            % {"count": rest}
        )
    return [_("Nothing was imported.")] + shown


@transaction.atomic
def apply_import(translation, plan, user, tool_name):
    """Store the planned translations as manual StringTranslations; returns how many."""
    now = timezone.now()
    for segment, html in plan.changes:
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
            defaults={
                "data": html,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": tool_name,
                "last_translated_by": user,
                "updated_at": now,
                "has_error": False,
                "field_error": "",
            },
        )
    return len(plan.changes)


def save_draft(request, translation, instance):
    """Save the translation as a draft after an import, by the workflow's rules.

    Returns (level, message): nothing is ever published; a translation awaiting approval or
    locked by someone else keeps its draft (the strings are stored and used at the next save);
    objects without drafts (authors) are applied only by someone who may publish them.
    """
    user = request.user
    labels = {"language": translation.target_locale.get_display_name()}
    if not isinstance(instance, DraftStateMixin):
        if not may_publish(user, instance):
            return "info", _(
                "The Redaktion applies translations of this kind: they are stored and wait "
                "for the Redaktion."
            )
        publish = True
    else:
        if is_moderated(instance) and instance.workflow_in_progress:
            return "warning", _(
                "This translation is awaiting approval, so its draft was not changed. The "
                "imported strings are used when it is next saved."
            )
        if _locked_for(instance, user):
            return "warning", _(
                "This translation is locked by someone else, so its draft was not changed. The "
                "imported strings are used when it is next saved."
            )
        publish = False
    try:
        with transaction.atomic():
            translation.save_target(user=user, publish=publish)
    except ValidationError as error:
        return "error", _("The %(language)s draft could not be saved: %(errors)s") % {
            **labels,
            "errors": " ".join(error.messages),
        }
    if publish:
        return "success", _("The %(language)s translation was updated.") % labels
    return "success", _(
        "The %(language)s draft was saved; it goes live once the Redaktion approves it."
    ) % labels


def outcome_messages(plan, stored, fuzzy=0, unfinished=0):
    """What the translator is told after an import (besides the draft's state): `fuzzy` PO
    entries and `unfinished` XLIFF units were skipped."""
    result = [
        (
            "success",
            ngettext(
                "%(count)d translated segment was imported.",
                "%(count)d translated segments were imported.",
                stored,
            )
            % {"count": stored},
        )
    ]
    if plan.unchanged:
        result.append(
            (
                "info",
                ngettext(
                    "%(count)d segment was already translated like this.",
                    "%(count)d segments were already translated like this.",
                    plan.unchanged,
                )
                % {"count": plan.unchanged},
            )
        )
    if fuzzy:
        result.append(
            (
                "info",
                ngettext(
                    "%(count)d entry marked “fuzzy” was skipped.",
                    "%(count)d entries marked “fuzzy” were skipped.",
                    fuzzy,
                )
                % {"count": fuzzy},
            )
        )
    if unfinished:
        result.append(
            (
                "info",
                ngettext(
                    "%(count)d unit marked as not finished (“needs-translation”, "
                    "“needs-review-…”) was skipped.",
                    "%(count)d units marked as not finished (“needs-translation”, "
                    "“needs-review-…”) were skipped.",
                    unfinished,
                )
                % {"count": unfinished},
            )
        )
    if plan.stale:
        shown = ", ".join(f"“{label}”" for label in plan.stale[:MAX_LISTED_PROBLEMS])
        if len(plan.stale) > MAX_LISTED_PROBLEMS:
            shown += " …"
        result.append(
            (
                "warning",
                ngettext(
                    "%(count)d segment was skipped because its German text has changed since "
                    "the export: %(units)s. Export the file again to translate it.",
                    "%(count)d segments were skipped because their German text has changed "
                    "since the export: %(units)s. Export the file again to translate them.",
                    len(plan.stale),
                )
                % {"count": len(plan.stale), "units": shown},
            )
        )
    return result


# --- PO files --------------------------------------------------------------------------------


def parse_po(data, translation):
    """The units of a PO file exported by wagtail-localize for `translation`."""
    # polib reads a file name or the file's text; a text that names a file on the server would
    # be read from disk. So the upload always goes through a temporary file of its own.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(data)
    try:
        po = polib.pofile(handle.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError, IndexError) as error:
        logger.info("Refused PO upload for translation %s: %s", translation.pk, error)
        raise ImportRefused(
            _("Nothing was imported."), _("This is not a valid PO file.")
        ) from error
    finally:
        try:
            os.unlink(handle.name)
        except OSError:
            logger.warning("Could not remove the temporary file %s", handle.name)

    translation_id = po.metadata.get("X-WagtailLocalize-TranslationID")
    if not translation_id:
        raise ImportRefused(
            _("Nothing was imported."),
            _("This PO file was not exported from this site (it has no translation id)."),
        )
    if translation_id != str(translation.uuid):
        raise ImportRefused(
            _("Nothing was imported."),
            _("This PO file was exported for another translation."),
        )
    language = (po.metadata.get("Language") or "").strip()
    if language and not same_language(language, translation.target_locale.language_code):
        raise ImportRefused(
            _("Nothing was imported."),
            _("This PO file is in %(found)s, but this translation is into %(expected)s.")
            % {"found": language, "expected": translation.target_locale.language_code},
        )
    units = []
    fuzzy = 0
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags and entry.msgstr:
            fuzzy += 1
            continue
        if not entry.msgctxt:
            raise ImportRefused(
                _("Nothing was imported."),
                _("An entry has no context (msgctxt): “%(text)s”.") % {"text": entry.msgid[:60]},
            )
        units.append(
            Unit(
                label=excerpt(StringValue(entry.msgid).render_text()) or entry.msgctxt,
                path=entry.msgctxt,
                string_hash=str(String._get_data_hash(entry.msgid)),
                target=entry.msgstr,
            )
        )
    return units, fuzzy


def same_language(found, expected):
    """"en", "en-GB" and "en_US" are all English; "fr" is not."""
    def primary(code):
        return code.replace("_", "-").split("-")[0].strip().lower()

    return bool(found) and primary(found) == primary(expected)


def excerpt(text, length=60):
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"

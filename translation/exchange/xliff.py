"""XLIFF 1.2 export and import of a translation, for agencies and their CAT tools.

wagtail-localize exchanges PO files only; translation agencies work with XLIFF. A file holds one
`<file>` with `source-language="de"` and the target language, its `original` attribute is the
translation's UUID, and it has one `<trans-unit>` per German string:

* `id` is the segment's context path and the hash of its German string (`title#<uuid>`), stable
  across exports, so an import maps each unit back to its segment and recognises a unit whose
  German text has changed since;
* `<source>` and `<target>` (the current translation, or empty) carry the text, with the inline
  markup of wagtail-localize's strings as XLIFF inline codes, which CAT tools protect: `<b>`,
  `<i>`, `<strong>`, `<em>` … become `<g ctype="bold">` and the like, a link `<a id="a1">`
  becomes `<g id="a1" ctype="link">` (its address stays on the site and is not in the file),
  a line break `<x ctype="lb"/>`;
* each `<target>` has a `state` (XLIFF 1.2): "needs-translation", "needs-review-translation"
  for unchecked machine output, "translated", or "final" with `approved="yes"` on the unit when
  that wording is published, so CAT tools see what is new and what is done;
* `<note>` names the field ("Title", "Body › Rich text"); `maxwidth` carries a text field's
  maximum length.

Imports are parsed with defusedxml, which refuses any DTD (and with it entity expansion such as
"billion laughs" and external entities, XXE). Everything else is checked in `exchange.py`.
"""

import uuid
from html import escape
from xml.etree.ElementTree import Element, SubElement, tostring  # noqa: S405 - builds only

from bs4 import BeautifulSoup, NavigableString, Tag
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from translation.approval.machine_output import unconfirmed_q

from .field_paths import resolve
from .importing import ImportRefused, Unit, excerpt, same_language, segments_of, unit_id
from .importing import max_length as field_max_length

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
CONTENT_TYPE = "application/x-xliff+xml; charset=utf-8"
MAX_INLINE_DEPTH = 20

# wagtail-localize's inline tags (strings.INLINE_TAGS) and their XLIFF 1.2 ctype.
CTYPES = {
    "a": "link",
    "b": "bold",
    "i": "italic",
    "strong": "x-strong",
    "em": "x-em",
    "code": "x-code",
    "abbr": "x-abbr",
    "acronym": "x-acronym",
}
TAGS = {ctype: tag for tag, ctype in CTYPES.items()}
# XLIFF 1.2 target states that say the translation is not done.
UNFINISHED_STATES = frozenset({
    "new", "needs-translation", "needs-adaptation", "needs-l10n",
    "needs-review-translation", "needs-review-adaptation", "needs-review-l10n",
})


# --- Export ----------------------------------------------------------------------------------


def filename(translation):
    source = translation.source
    name = slugify(source.object_repr)[:60] or "translation"
    return f"{name}-{source.locale.language_code}-{translation.target_locale.language_code}.xlf"


def _inline(parent, html):
    """Append `html` (a wagtail-localize string) to `parent` as XLIFF text and inline codes.

    Returns a map of the inline ids used, to the HTML tag each stands for.
    """
    ids = {}
    counter = [0]

    def next_id():
        counter[0] += 1
        return str(counter[0])

    def append_text(element, text):
        children = list(element)
        if children:
            children[-1].tail = (children[-1].tail or "") + text
        else:
            element.text = (element.text or "") + text

    def walk(element, soup):
        for child in soup.children:
            if isinstance(child, NavigableString):
                append_text(element, str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    code = SubElement(element, "x", {"id": next_id(), "ctype": "lb"})
                    ids[code.get("id")] = "br"
                elif child.name in CTYPES:
                    code_id = child.get("id") or next_id()
                    code = SubElement(element, "g", {"id": code_id, "ctype": CTYPES[child.name]})
                    ids[code_id] = child.name
                    walk(code, child)
                else:  # not an inline tag of wagtail-localize's; keep its text
                    walk(element, child)

    walk(parent, BeautifulSoup(html, "html.parser"))
    return ids


def _field_label(model, field_path):
    """ "Body › Rich text" for "body.rich_text": the field's name and the block types."""
    steps = resolve(model, field_path)
    if not steps or steps[0][1] is None:
        return field_path
    name, field = steps[0]
    labels = [capfirst(str(getattr(field, "verbose_name", name)))]
    labels += [capfirst(str(block.label or part)) if block is not None else part
               for part, block in steps[1:]]
    return " › ".join(labels)


def export_xliff(translation):
    """The translation as an XLIFF 1.2 document (bytes, UTF-8)."""
    source = translation.source
    target_locale = translation.target_locale
    model = source.specific_content_type.model_class()
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .annotate_translation(target_locale)
        .order_by("order")
    )
    root = Element("xliff", {"version": "1.2", "xmlns": NAMESPACE})
    file_element = SubElement(
        root,
        "file",
        {
            "original": str(translation.uuid),
            "source-language": source.locale.language_code,
            "target-language": target_locale.language_code,
            "datatype": "html",
        },
    )
    header = SubElement(file_element, "header")
    SubElement(
        header, "tool", {"tool-id": "connective-cities", "tool-name": "Connective Cities"}
    )
    note = SubElement(header, "note")
    note.text = _("“%(title)s”, %(source)s → %(target)s") % {
        "title": source.object_repr,
        "source": source.locale.get_display_name(),
        "target": target_locale.get_display_name(),
    }
    body = SubElement(file_element, "body")
    translations = {
        (item.translation_of_id, item.context_id): item
        for item in StringTranslation.objects.filter(
            locale=target_locale, context__in=segments.values("context_id")
        )
        .annotate(unconfirmed=ExpressionWrapper(unconfirmed_q(), BooleanField()))
        .only("translation_of_id", "context_id", "data", "has_error")
    }
    published = published_wording(translation)
    seen = set()
    for segment in segments:
        key = unit_id(segment)
        if key in seen:  # the same text twice in one field is translated once
            continue
        seen.add(key)
        attrs = {"id": key, "resname": segment.context.path}
        max_length = field_max_length(model, segment.context.field_path)
        if max_length:
            attrs.update({"maxwidth": str(max_length), "size-unit": "char"})
        stored = translations.get((segment.string_id, segment.context_id))
        state = unit_state(stored, segment.context.path, published)
        if state == "final":
            attrs["approved"] = "yes"
        unit = SubElement(body, "trans-unit", attrs)
        _inline(SubElement(unit, "source"), segment.string.data)
        target = SubElement(unit, "target", {"state": state})
        if state == "needs-review-translation":
            target.set("state-qualifier", "mt-suggestion")
        if segment.translation:
            _inline(target, segment.translation)
        field_note = SubElement(unit, "note")
        field_note.text = _field_label(model, segment.context.field_path or "")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8",
                                                                  xml_declaration=False)


def published_wording(translation):
    """What the target's live version says, as {(context path, string data)}: the wording a
    reader sees, whether or not a newer draft exists. Empty if nothing is live."""
    try:
        target = translation.get_target_instance()
    except models.ObjectDoesNotExist:
        return set()
    if isinstance(target, DraftStateMixin):
        if not target.live:
            return set()
        if target.live_revision_id:
            target = target.live_revision.as_object()
    return {
        (segment.path, segment.string.data)
        for segment in extract_segments(target)
        if isinstance(segment, StringSegmentValue)
    }


def unit_state(stored, path, published):
    """The XLIFF 1.2 `state` of a unit at context `path`, from its stored translation (or
    None) and the published wording (`published_wording()`):

    * "needs-translation": nothing usable yet (no translation, or one the site refused);
    * "needs-review-translation": machine output nobody has confirmed (`mt-suggestion`);
    * "final": translated by a person and published in this wording (the unit is
      `approved="yes"`), even while a draft of other segments waits for approval;
    * "translated": translated by a person, not (yet) published in this wording.
    """
    if stored is None or stored.has_error:
        return "needs-translation"
    if stored.unconfirmed:
        return "needs-review-translation"
    if (path, stored.data) in published:
        return "final"
    return "translated"


# --- Import ----------------------------------------------------------------------------------


def _local(tag):
    """The element name without the XLIFF namespace; None for another namespace."""
    if not isinstance(tag, str):
        return None  # a comment or processing instruction
    if tag.startswith("{"):
        namespace, _sep, name = tag[1:].partition("}")
        return name if namespace == NAMESPACE else None
    return tag


def parse(data):
    """The root element of an XLIFF document, parsed safely, or ImportRefused."""
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ImportRefused(
            _("Nothing was imported."),
            _(
                "The file declares a document type or entities, which XLIFF files do not need "
                "and which are refused for safety."
            ),
        ) from error
    except (ParseError, ValueError, UnicodeError) as error:
        raise ImportRefused(
            _("Nothing was imported."), _("This is not a valid XML file.")
        ) from error
    if not isinstance(root.tag, str) or root.tag.rpartition("}")[2] != "xliff":
        raise ImportRefused(_("Nothing was imported."), _("This is not an XLIFF file."))
    if _local(root.tag) != "xliff" or root.get("version") != "1.2":
        raise ImportRefused(
            _("Nothing was imported."),
            _("This is XLIFF %(version)s; only XLIFF 1.2 can be imported.")
            % {"version": root.get("version") or "?"},
        )
    return root


def _target_html(element, source_ids, label):
    """The HTML of a `<target>`, or ImportRefused for markup that has no place in it."""
    parts = [escape(element.text or "", quote=False)]

    def walk(node, depth):
        for child in node:
            name = _local(child.tag)
            if depth > MAX_INLINE_DEPTH:
                raise _refuse(label, _("its inline tags are nested too deeply."))
            elif name == "mrk":  # segmentation marks of CAT tools: keep their content
                parts.append(escape(child.text or "", quote=False))
                walk(child, depth + 1)
            elif name == "g":
                tag = _tag_for(child, source_ids, label)
                attrs = f' id="{escape(child.get("id"))}"' if tag == "a" else ""
                parts.append(f"<{tag}{attrs}>" + escape(child.text or "", quote=False))
                walk(child, depth + 1)
                parts.append(f"</{tag}>")
            elif name == "x":
                if child.get("ctype") != "lb" and source_ids.get(child.get("id")) != "br":
                    raise _refuse(label, _("it contains an unknown placeholder."))
                parts.append("<br/>")
            else:
                element_name = name or child.tag.rpartition("}")[2]
                raise _refuse(
                    label,
                    _("the element <%(element)s> is not allowed in a translation.")
                    % {"element": element_name},
                )
            parts.append(escape(child.tail or "", quote=False))

    walk(element, 1)
    return "".join(parts)


def _tag_for(element, source_ids, label):
    """The HTML tag a `<g>` stands for: the source's tag of that id, else its ctype."""
    tag = source_ids.get(element.get("id"))
    if tag is None or tag == "br":
        ctype = element.get("ctype") or ""
        if ctype == "link":
            raise _refuse(label, _("it contains a link that the German text does not have."))
        tag = TAGS.get(ctype)
    if tag is None:
        raise _refuse(label, _("it contains an inline tag that the German text does not have."))
    return tag


def _refuse(label, reason):
    return ImportRefused(
        _("Nothing was imported."),
        _("“%(unit)s” cannot be used: %(error)s") % {"unit": label, "error": reason},
    )


def _text(element):
    return "".join(element.itertext()) if element is not None else ""


def parse_xliff(data, translation):
    """(units, unfinished) of an XLIFF 1.2 file exported for `translation`, or ImportRefused.

    Units whose target a CAT tool marks as not finished (UNFINISHED_STATES; translate-toolkit
    writes "needs-translation" for fuzzy) are skipped and counted, as fuzzy PO entries are;
    a target without a state counts as finished."""
    root = parse(data)
    files = [child for child in root if _local(child.tag) == "file"]
    if len(files) != 1:
        raise ImportRefused(
            _("Nothing was imported."), _("The file must contain exactly one <file> element.")
        )
    file_element = files[0]
    _check_file(file_element, translation)
    source_html = {
        unit_id(segment): segment.string.data for segment in segments_of(translation).values()
    }
    units = []
    unfinished = 0
    seen = set()
    for element in file_element.iter():
        if _local(element.tag) != "trans-unit" or element.get("translate") == "no":
            continue
        key = element.get("id") or ""
        if key in seen:
            raise ImportRefused(
                _("Nothing was imported."),
                _("The unit “%(unit)s” appears twice.") % {"unit": key},
            )
        seen.add(key)
        source = element.find(f"{{{NAMESPACE}}}source")
        if source is None:
            source = element.find("source")
        target = element.find(f"{{{NAMESPACE}}}target")
        if target is None:
            target = element.find("target")
        label = excerpt(_text(source)) or key
        path_and_hash = _split(key)
        if path_and_hash is None:
            raise ImportRefused(
                _("Nothing was imported."),
                _("“%(unit)s” is not part of this translation.") % {"unit": key},
            )
        if target is None:
            continue
        if target.get("state") in UNFINISHED_STATES:
            if _text(target).strip():  # an empty target is no news
                unfinished += 1
            continue
        source_ids = {}
        if key in source_html:
            source_ids = _inline(Element("source"), source_html[key])
        html = _target_html(target, source_ids, label)
        units.append(Unit(label=label, path=path_and_hash[0], string_hash=path_and_hash[1],
                          target=html))
    return units, unfinished


def _split(key):
    path, sep, string_hash = key.rpartition("#")
    if not sep or not path:
        return None
    try:
        return path, str(uuid.UUID(string_hash))
    except ValueError:
        return None


def _check_file(file_element, translation):
    original = (file_element.get("original") or "").strip()
    try:
        file_uuid = uuid.UUID(original)
    except ValueError:
        file_uuid = None
    if file_uuid != translation.uuid:
        other = (
            Translation.objects.filter(uuid=file_uuid).select_related("source", "target_locale")
            .first()
            if file_uuid
            else None
        )
        if other is not None:
            reason = _("This file was exported for “%(title)s” (%(language)s).") % {
                "title": other.source.object_repr,
                "language": other.target_locale.get_display_name(),
            }
        else:
            reason = _("This file was not exported for this translation.")
        raise ImportRefused(_("Nothing was imported."), reason)
    source_language = file_element.get("source-language") or ""
    if not same_language(source_language, translation.source.locale.language_code):
        raise ImportRefused(
            _("Nothing was imported."),
            _("The file's source language is “%(found)s”, not “%(expected)s”.")
            % {"found": source_language, "expected": translation.source.locale.language_code},
        )
    target_language = file_element.get("target-language") or ""
    if not same_language(target_language, translation.target_locale.language_code):
        raise ImportRefused(
            _("Nothing was imported."),
            _("The file's target language is “%(found)s”, but this translation is into "
              "“%(expected)s”.")
            % {"found": target_language or "?",
               "expected": translation.target_locale.language_code},
        )

"""Machine output is a draft of a draft: a person edits or confirms each machine-made segment.

wagtail-localize already records how each segment was translated
(`StringTranslation.translation_type`): "machine" for "Übersetzen mit …" (DeepL or the offline
translator), "manual" once a person saves the segment in the editor — changed, or unchanged to
confirm it (Bearbeiten, then Speichern). The editor shows each machine segment's tool and date.
So no model of our own is needed; this module reads that record:

* a segment is *unconfirmed machine output* while its type is "machine", or while its text
  still starts with the offline translator's "[EN] " marker (a placeholder stays a placeholder
  even when someone saves it unchanged);
* such segments are never counted as translated (`status/compute.py`), and a translation
  that has any cannot be submitted or published from the editor (`refuse_unconfirmed`);
* the editor shows such a segment as not finished: `install()` patches
  `StringTranslation.get_error`, which wagtail-localize's editor shows in place of the note, in
  red with a warning sign instead of the green tick and bar of a finished segment; the text
  says what to do (a placeholder: replace it; other machine output: edit or confirm it);
* a placeholder is never marked "Manuell übersetzt", even if it was saved unchanged before
  this rule (`get_comment`); saving one unchanged is refused in the segment
  (`guards/views.py`, `placeholder_refusal`);
* the note beside other segments (`get_comment`) gives its date in the admin's language
  ("am 27. November 2026"), where wagtail-localize formats it with `strftime` ("am 27 November
  2026", English month names).
"""

import re

from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from wagtail.admin import messages
from wagtail_localize.models import StringTranslation

MARKER = re.compile(r"\s*\[([A-Z]{2,3}(?:-[A-Z0-9]+)?)\] ")


def placeholder_marker_expression():
    """The offline translator's marker for the string translation's own language: "[EN] "."""
    return Concat(Value("["), Upper(F("locale__language_code")), Value("] "))


def unconfirmed_q(prefix=""):
    """Q for string translations that are machine output nobody has confirmed."""
    return Q(**{f"{prefix}translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE}) | Q(
        **{f"{prefix}data__startswith": placeholder_marker_expression()}
    )


def unconfirmed_count(translation):
    """How many segments of `translation` are still unconfirmed machine output."""
    source = translation.source
    return (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in=source.stringsegment_set.values("context_id"),
        )
        .filter(unconfirmed_q())
        .count()
    )


def placeholder_marker(language_code):
    """The offline translator's marker for a language: "[EN] "."""
    return f"[{language_code.upper()}] "


def placeholder_language(text):
    """The language the offline translator's marker names ("en" for "[EN] …"), or "" if the
    text is not a placeholder. The database's twin is `placeholder_marker_expression`."""
    match = MARKER.match(text or "")
    return match.group(1).lower() if match else ""


def is_placeholder(text, language_code):
    return placeholder_language(text) == language_code.lower()


def placeholder_message(language_code):
    return _(
        "This is still the placeholder “%(marker)s …”: replace it with your translation "
        "(Edit, type the translation without “%(marker)s”, then Save)."
    ) % {"marker": placeholder_marker(language_code).strip()}


def unconfirmed_placeholder_count(translation):
    source = translation.source
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context_id__in=source.stringsegment_set.values("context_id"),
        data__startswith=placeholder_marker_expression(),
    ).count()


def refuse_unconfirmed(request, translation, instance, title):
    """Add an error message and return True if `translation` still has machine output."""
    count = unconfirmed_count(translation)
    if not count:
        return False
    placeholders = unconfirmed_placeholder_count(translation)
    if placeholders:
        language_code = translation.target_locale.language_code
        messages.error(
            request,
            ngettext(
                "“%(title)s” (%(language)s) was not submitted: %(count)d segment is still the "
                "placeholder “%(marker)s …”. Replace it with your translation (Edit, then Save), "
                "then submit again.",
                "“%(title)s” (%(language)s) was not submitted: %(count)d segments are still the "
                "placeholder “%(marker)s …”. Replace each with your translation (Edit, then "
                "Save), then submit again.",
                placeholders,
            )
            % {"title": title, "language": translation.target_locale.get_display_name(),
               "count": placeholders, "marker": placeholder_marker(language_code).strip()},
        )
        return True
    messages.error(
        request,
        ngettext(
            "“%(title)s” (%(language)s) was not submitted: %(count)d segment is still machine "
            "output. Edit it, or confirm it (Edit, then Save), then submit again.",
            "“%(title)s” (%(language)s) was not submitted: %(count)d segments are still "
            "machine output. Edit them, or confirm each (Edit, then Save), then submit again.",
            count,
        )
        % {"title": title, "language": translation.target_locale.get_display_name(),
           "count": count},
    )
    return True


_original_get_comment = StringTranslation.get_comment
_original_get_error = StringTranslation.get_error


def _long_date(moment):
    # Translators: a date format (Django's "date" filter) for "translated on <date>".
    return date_format(timezone.localtime(moment), pgettext("long date format", "j F Y"))


def get_error(self):
    """What the editor shows in red beside a segment: upstream's own errors, then a
    placeholder or machine output nobody has checked (not finished, so no green tick)."""
    error = _original_get_error(self)
    if error:
        return error
    # The language is read from the text, so the editor's segments cost no query each.
    code = placeholder_language(self.data)
    if code:
        return placeholder_message(code)
    if self.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _machine_note(self)
    return None


def _machine_note(string_translation):
    return _(
        "Machine translation (%(tool)s), not checked yet: edit it, or confirm it with Edit "
        "and Save."
    ) % {"tool": string_translation.tool_name or _("machine")}


def get_comment(self):
    """The note beside a segment in wagtail-localize's editor: machine output says so."""
    code = placeholder_language(self.data)
    if code:
        return placeholder_message(code)
    if self.translation_type != StringTranslation.TRANSLATION_TYPE_MACHINE:
        if self.tool_name:
            return _("Translated with {tool_name} on {date}").format(
                tool_name=self.tool_name, date=_long_date(self.updated_at))
        if self.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
            return _("Translated manually on {date}").format(date=_long_date(self.updated_at))
        return _original_get_comment(self)
    return _machine_note(self)


def install():
    """Put the editor's machine-output note and marking in place (from
    `TranslationConfig.ready`)."""
    if StringTranslation.get_comment is not get_comment:
        StringTranslation.get_comment = get_comment
    if StringTranslation.get_error is not get_error:
        StringTranslation.get_error = get_error

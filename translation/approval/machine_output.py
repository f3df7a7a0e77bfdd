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
* the editor's note beside a machine segment says that it still needs checking (`install()`
  patches `StringTranslation.get_comment`, which wagtail-localize's editor shows); the note
  beside other segments gives its date in the admin's language ("am 27. November 2026"), where
  wagtail-localize formats it with `strftime` ("am 27 November 2026", English month names).
"""

from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from wagtail.admin import messages
from wagtail_localize.models import StringTranslation


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


def refuse_unconfirmed(request, translation, instance, title):
    """Add an error message and return True if `translation` still has machine output."""
    count = unconfirmed_count(translation)
    if not count:
        return False
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


def _long_date(moment):
    # Translators: a date format (Django's "date" filter) for "translated on <date>".
    return date_format(timezone.localtime(moment), pgettext("long date format", "j F Y"))


def get_comment(self):
    """The note beside a segment in wagtail-localize's editor: machine output says so."""
    if self.translation_type != StringTranslation.TRANSLATION_TYPE_MACHINE:
        if self.tool_name:
            return _("Translated with {tool_name} on {date}").format(
                tool_name=self.tool_name, date=_long_date(self.updated_at))
        if self.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
            return _("Translated manually on {date}").format(date=_long_date(self.updated_at))
        return _original_get_comment(self)
    return _(
        "Machine translation (%(tool)s), not checked yet: edit it, or confirm it with Edit "
        "and Save."
    ) % {"tool": self.tool_name or _("machine")}


def install():
    """Put the editor's machine-output note in place (from `TranslationConfig.ready`)."""
    if StringTranslation.get_comment is not get_comment:
        StringTranslation.get_comment = get_comment

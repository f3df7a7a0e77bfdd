"""When an event takes place, for readers: stored in UTC with the event's IANA time zone
(`zoneinfo`), shown in that zone and in extra zones for the audience.

"29.09.2021, 10:00–11:30 MESZ (11:00–12:30 EAT)" in German, "29 September 2021,
10:00–11:30 CEST (11:00–12:30 EAT)" in English. Each moment is converted on its own, so a
time is right on either side of a daylight-saving change, and an event across one names both
abbreviations.

The abbreviations are tzdata's own (`datetime.tzname()`: CET, CEST, EAT, EST …), which English
readers know. German uses other letters for a few of them; a small explicit table
(`GERMAN_ABBREVIATIONS`) names those. CLDR (Babel) has no short name for most zones outside
Europe and North America in either language ("EAT" would become "GMT+03:00"), so it is not used.
Where tzdata has no letters either (it writes "-03" for São Paulo), readers see "UTC−3".
"""

import datetime
import re
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

DEFAULT_ZONE = "Europe/Berlin"

# tzdata's abbreviation → the one German readers know (the rest are the same in German).
GERMAN_ABBREVIATIONS = {
    "CET": "MEZ", "CEST": "MESZ",
    "WET": "WEZ", "WEST": "WESZ",
    "EET": "OEZ", "EEST": "OESZ",
}


@cache
def known_zones():
    return frozenset(available_timezones())


def zone(name):
    """The ZoneInfo for an IANA name, or None for a name that is no zone."""
    name = (name or "").strip()
    if name not in known_zones():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def validate_zone(name):
    if zone(name) is None:
        raise ValidationError(
            _("“%(name)s” is not a time zone. Use an IANA name such as Europe/Berlin, "
              "Africa/Nairobi or America/Sao_Paulo."),
            code="unknown_zone", params={"name": name},
        )


def zone_names(text):
    """The zone names in a list written with commas, semicolons or spaces."""
    return [name for name in re.split(r"[\s,;]+", text or "") if name]


def validate_zone_list(text):
    unknown = [name for name in zone_names(text) if zone(name) is None]
    if unknown:
        raise ValidationError(
            _("Not a time zone: %(names)s. Use IANA names such as Africa/Nairobi or "
              "America/Sao_Paulo, separated by commas."),
            code="unknown_zone", params={"names": ", ".join(unknown)},
        )


def local_to_utc(local, tz):
    """A naive local time in `tz` as an aware UTC time, or None when that wall-clock time does
    not exist there (the hour skipped when the clocks go forward)."""
    aware = local.replace(tzinfo=tz)
    back = aware.astimezone(datetime.UTC).astimezone(tz).replace(tzinfo=None)
    if back != local:
        return None
    return aware.astimezone(datetime.UTC)


def abbreviation(moment, language=None):
    """The zone's abbreviation at an aware `moment`, in the reader's language."""
    language = (language or translation.get_language() or "de")[:2]
    name = moment.tzname() or ""
    if not name or name[0] in "+-" or name.isdigit():
        return utc_offset_label(moment.utcoffset())
    if language == "de":
        return GERMAN_ABBREVIATIONS.get(name, name)
    return name


def utc_offset_label(offset):
    """UTC+3, UTC−3, UTC+5:45 (with a real minus sign)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _date(day):
    return formats.date_format(day, "DATE_FORMAT")


def _time(moment):
    return formats.time_format(moment, "H:i")


def _span(start, end, tz, language, *, date_from=None):
    """One zone's "date, 10:00–11:30 ABBR". The date is left out when it is `date_from` (the
    main zone's date) and the span stays within that day."""
    start, end = start.astimezone(tz), end.astimezone(tz)
    first, second = abbreviation(start, language), abbreviation(end, language)
    same_day = start.date() == end.date()
    if same_day:
        if first == second:
            times = f"{_time(start)}–{_time(end)} {first}"
        else:  # across a daylight-saving change
            times = f"{_time(start)} {first} – {_time(end)} {second}"
        if date_from is not None and start.date() == date_from:
            return times
        return f"{_date(start.date())}, {times}"
    start_text = f"{_date(start.date())}, {_time(start)}"
    if first != second:
        start_text += f" {first}"
    return f"{start_text} – {_date(end.date())}, {_time(end)} {second}"


def describe(start, end, time_zone, *, extra_zones=(), all_day=False, language=None):
    """The reader's line for an event: its dates and times in its own zone, then in each
    extra zone in parentheses. All-day events show their days only (they are days wherever
    the reader is). `end` may be None (an event without a set end)."""
    language = language or translation.get_language() or "de"
    tz = zone(time_zone) or ZoneInfo(DEFAULT_ZONE)
    with translation.override(language):
        if all_day:
            first = start.astimezone(tz).date()
            last = ((end.astimezone(tz) - datetime.timedelta(microseconds=1)).date()
                    if end else first)
            if last <= first:
                return _date(first)
            return f"{_date(first)} – {_date(last)}"
        if end is None:
            local = start.astimezone(tz)
            main = f"{_date(local.date())}, {_time(local)} {abbreviation(local, language)}"
            extras = []
            for name in extra_zones:
                other = zone(name)
                if other is not None:
                    moment = start.astimezone(other)
                    text = f"{_time(moment)} {abbreviation(moment, language)}"
                    if moment.date() != local.date():
                        text = f"{_date(moment.date())}, {text}"
                    extras.append(text)
        else:
            main = _span(start, end, tz, language)
            day = start.astimezone(tz).date()
            extras = [_span(start, end, other, language, date_from=day)
                      for other in filter(None, map(zone, extra_zones))]
        return f"{main} ({'; '.join(extras)})" if extras else main

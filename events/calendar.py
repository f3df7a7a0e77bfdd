"""Calendars (iCalendar, RFC 5545) of events, built with the `icalendar` library.

- `…/<event>/calendar/`: one event; `…/<series>/calendar/`: every session of a series;
- `/veranstaltungen/calendar/` (`/en/events/calendar/`): the language's events to subscribe
  to, and `…/calendar/<topic slug>/` for one topic's, at stable URLs.

Each is a `text/calendar` file named `<slug>.ics` (Wagtail's page routes end in a slash).

Each event has a UID that stays the same in every calendar and every download (so a calendar
app updates it instead of adding it twice), DTSTART/DTEND in the event's own zone with its
VTIMEZONE (all-day events as dates), STATUS (CANCELLED for a cancelled one, TENTATIVE while
postponed), LOCATION or the public join link as URL, and a link back to the page. The
response is public and cached like a page (it shows the events: caching/tags.py).
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags

from caching import tags

from .timezones import DEFAULT_ZONE, zone

# Subscribed calendars keep events that ended up to this long ago.
FEED_PAST = datetime.timedelta(days=90)
# At most this many events in a subscribed calendar.
FEED_SIZE = 200

STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "moved_online": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def uid(event, url):
    """One per event and language, the same in every calendar and download:
    `event-<translation key>-<language>@<the site's host name>`."""
    host = urlsplit(url).hostname if url else None
    return f"event-{event.translation_key}-{event.locale.language_code}@{host or 'events'}"


def vevent(event, request):
    tz = zone(event.time_zone) or zone(DEFAULT_ZONE)
    url = event.get_full_url(request)
    item = icalendar.Event()
    item.add("uid", uid(event, url))
    item.add("dtstamp", event.last_published_at or timezone.now())
    item.add("summary", event.title)
    if event.all_day:
        item.add("dtstart", event.start.astimezone(tz).date())
        if event.end:
            item.add("dtend", event.end.astimezone(tz).date())
    else:
        item.add("dtstart", event.start.astimezone(tz))
        if event.end:
            item.add("dtend", event.end.astimezone(tz))
    item.add("status", STATUS.get(event.status, "CONFIRMED"))
    if url:
        item.add("url", url)
    description = " ".join(strip_tags(event.summary or "").split())
    item.add("description", f"{description}\n\n{url}".strip() if url else description)
    if event.is_on_site and event.place:
        item.add("location", event.place)
    elif event.shown_join_url:
        item.add("location", event.shown_join_url)
    elif event.platform:
        item.add("location", event.platform)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def build(events, request, *, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SITE_TITLE}//Events//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        if event.start is not None:
            calendar.add_component(vevent(event, request))
    calendar.add_missing_timezones()
    return calendar


def response(request, page, events, *, filename, name=None):
    events = list(events[:FEED_SIZE]) if not isinstance(events, list) else events
    tags.shows(tags.page(page.pk), tags.EVENTS)
    tags.shows_pages(events)
    body = build(events, request, name=name or page.title).to_ical()
    answer = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return answer

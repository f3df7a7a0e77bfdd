"""Time moves events: once an event has ended, every list that shows it as upcoming (the
events index, the home page, topic hubs, calendars) and its own page ("this event has
ended", the recording) must change, though nobody published anything. `run_worker` queues
this every minute (settings.PERIODIC_TASKS); it retires the tags of the events that ended
since its last run (caching/changes.py), in the shared cache and in Varnish alike."""

import datetime

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from caching import changes, tags

CLOCK_KEY = "events:ended-until"
# Without a record of the last run (a new cache), look back this far: retiring too much
# costs a re-render, too little a stale page.
LOOK_BACK = datetime.timedelta(days=1)


def retire_ended(now=None):
    """Retire what shows the events that ended since the last call; returns their number."""
    from .models import EventPage

    now = now or timezone.now()
    since = cache.get(CLOCK_KEY) or now - LOOK_BACK
    ended = list(EventPage.objects.live().filter(end__gt=since, end__lte=now))
    touched = set()
    for event in ended:
        touched |= changes.page_tags(event)
    if ended:
        tags.retire(touched | {tags.EVENTS})
    cache.set(CLOCK_KEY, now, tags.VERSION_TIMEOUT)
    return len(ended)


@task()
def retire_ended_events():
    return retire_ended()

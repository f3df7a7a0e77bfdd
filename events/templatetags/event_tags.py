"""Events shown on other pages: the home page's next events, a topic hub's events. Each
notes that it shows the lists of events (caching/tags.py), so the fragment around it is
retired when an event is published or ends."""

from django import template
from django.utils import timezone

from caching import tags
from core.listing import with_listing_images

from ..models import live_events, upcoming_q

register = template.Library()


@register.simple_tag
def next_events(home_page, count=3):
    """The next events in the home page's language, soonest first."""
    tags.shows(tags.EVENTS)
    events = (live_events().descendant_of(home_page).filter(upcoming_q(timezone.now()))
              .order_by("start", "pk").defer_streamfields())
    return with_listing_images(events[:count])


@register.simple_tag
def topic_events(topic, count=5):
    """The next events of a topic hub, in its language (events keep the German topic, so
    they are matched by its translation key)."""
    tags.shows(tags.EVENTS, tags.topic(topic.translation_key))
    events = (live_events().filter(locale_id=topic.locale_id,
                                   topics__translation_key=topic.translation_key)
              .filter(upcoming_q(timezone.now())).order_by("start", "pk").defer_streamfields())
    return with_listing_images(events[:count])

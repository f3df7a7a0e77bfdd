"""The events pages cost a fixed number of queries whatever the number of events, and what
they show changes when an event is published or ends, though nobody touched it then."""

import datetime

import pytest
from django.utils import timezone

from caching import tags
from core.factories import ImageFactory, translate_page
from core.tests.helpers import PUBLIC_PAGE_QUERY_BUDGET, soup, warm_and_count
from events.factories import EventPageFactory, EventSeriesPageFactory
from events.tasks import retire_ended
from events.tests.helpers import add_event_index
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    add_event_index(site_tree)
    return site_tree


def local_days(days, hour=10):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0, tzinfo=None)


def grow(parent, topic, count, language):
    """`count` upcoming and `count` past events, each with an image and the topic."""
    for number in range(count):
        for days in (number + 1, -(number + 1)):
            when = "in" if days > 0 else "vor"
            event = EventPageFactory(parent=parent, title=f"Termin {count} {when} {abs(days)}",
                                     topics=[topic], lead_image=ImageFactory(),
                                     lead_image_decorative=True,
                                     local=(local_days(days), local_days(days, 12)))
            if language == "en":
                translate_page(event, "en", title=f"Session {count} {when} {abs(days)}")


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select(".teaser__title")]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("query", ["", "?page=2", "?topic=thema&format=online&year={year}"])
def test_the_index_costs_the_same_at_two_sizes(tree, client, language, query):
    topic = TopicPageFactory(parent=tree.topic_index, title="Thema", slug="thema")
    if language == "en":
        translate_page(topic, "en", title="Topic", slug="thema")
    index = tree.event_index if language == "de" else tree.event_index_en
    url = index.url + query.format(year=timezone.localdate().year)
    grow(tree.event_index, topic, 6, language)
    small = warm_and_count(client, url)
    grow(tree.event_index, topic, 14, language)
    large = warm_and_count(client, url)
    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


def test_an_event_and_a_series_cost_the_same_at_two_sizes(tree, client):
    topic = TopicPageFactory(parent=tree.topic_index, title="Thema", slug="thema")
    series = EventSeriesPageFactory(parent=tree.event_index, title="Reihe", topics=[topic])
    grow(series, topic, 2, "de")
    event = series.get_children().live().first().specific
    small = (warm_and_count(client, series.url), warm_and_count(client, event.url))
    grow(series, topic, 8, "de")
    large = (warm_and_count(client, series.url), warm_and_count(client, event.url))
    assert small == large, (small, large)
    assert max(large) <= PUBLIC_PAGE_QUERY_BUDGET


def test_an_event_that_ends_moves_to_the_past_without_a_publication(tree, client, monkeypatch):
    event = EventPageFactory(parent=tree.event_index, title="Läuft gerade",
                             local=(local_days(0, 0), local_days(1, 0)))
    retire_ended()  # the worker's clock starts

    def section(heading):
        return [h.get_text(strip=True) for h in soup(client.get(tree.event_index.url)).select(
            f"[aria-labelledby={heading}] .teaser__title")]

    assert section("upcoming-heading") == ["Läuft gerade"]
    # Time passes; nothing is published. The cached listing still says "upcoming" …
    later = event.end + datetime.timedelta(seconds=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert section("upcoming-heading") == ["Läuft gerade"]
    # … until the worker's next run sees that the event ended.
    assert retire_ended() == 1
    assert section("upcoming-heading") == []
    assert section("past-heading") == ["Läuft gerade"]
    assert "Diese Veranstaltung ist vorbei." in client.get(event.url).content.decode()
    assert retire_ended() == 0


def test_the_ending_retires_the_events_lists_and_the_event_itself(tree):
    event = EventPageFactory(parent=tree.event_index, local=(local_days(0, 0), local_days(1, 0)))
    before = tags.versions([tags.EVENTS, tags.page(event.pk)], view=tags.View())
    retire_ended(now=event.end - datetime.timedelta(minutes=1))
    retire_ended(now=event.end + datetime.timedelta(seconds=1))
    after = tags.read_afresh([tags.EVENTS, tags.page(event.pk)])
    assert after[tags.EVENTS] > before[tags.EVENTS]
    assert after[tags.page(event.pk)] > before[tags.page(event.pk)]


def test_publishing_an_event_shows_it_on_the_cached_index_and_home_page(tree, client):
    client.get(tree.event_index.url)
    client.get(tree.home.url)
    event = EventPageFactory(parent=tree.event_index, title="Neu", live=False,
                             local=(local_days(5), local_days(5, 12)))
    event.save_revision().publish()
    assert titles(client.get(tree.event_index.url)) == ["Neu"]
    assert "Neu" in [h.get_text(strip=True) for h in soup(client.get(tree.home.url)).select(
        "[aria-labelledby=next-events] .teaser__title")]


def test_publishing_an_event_retires_its_topics_and_the_lists_of_events(tree):
    from caching.changes import page_tags

    topic = TopicPageFactory(parent=tree.topic_index, title="Thema", slug="thema")
    series = EventSeriesPageFactory(parent=tree.event_index, title="Reihe")
    event = EventPageFactory(parent=series, topics=[topic])
    touched = page_tags(event)
    assert {tags.EVENTS, tags.topic(topic.translation_key), tags.page(event.pk),
            tags.children(series.pk)} <= touched
    assert tags.NEWS not in touched  # news lists stay cached

"""Scheduled publishing and expiry happen through the scheduler, with nobody at a keyboard."""

import datetime
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import timezone

from editorial import scheduler
from editorial.publishing import approval_publishes
from news.models import NewsPage

from .helpers import news_draft

pytestmark = pytest.mark.django_db


def wait_until(moment):
    remaining = (moment - timezone.now()).total_seconds()
    if remaining > 0:
        time.sleep(remaining + 0.05)


def listings(client, index):
    """The news index page and its RSS feed, as a reader and a feed reader see them."""
    return [client.get(url).content.decode() for url in (index.url, f"{index.url}feed/rss/")]


def listed_everywhere(client, index, title):
    return all(title in text for text in listings(client, index))


def listed_nowhere(client, index, title):
    return not any(title in text for text in listings(client, index))


def test_a_scheduled_page_goes_live_and_comes_down_through_the_scheduler(
    tree, client, redaktion
):
    page = news_draft(tree.news_index, "Termin am Montag", user=redaktion)
    url = f"/aktuelles/{page.slug}/"
    go_live = timezone.now() + datetime.timedelta(seconds=3)
    expiry = go_live + datetime.timedelta(seconds=2)
    page.go_live_at, page.expire_at = go_live, expiry
    # What the Redaktion's "Publish" with a go-live date does: approve it for later.
    with approval_publishes():  # what the Redaktion's "Freigeben" does
        page.save_revision(user=redaktion).publish(user=redaktion)
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None

    assert scheduler.tick()
    if timezone.now() < go_live:  # (always, unless the machine stalled for seconds)
        page.refresh_from_db()
        assert not page.live  # too early: nothing happened
        assert listed_nowhere(client, tree.news_index, "Termin am Montag")

    wait_until(go_live)
    assert scheduler.tick()
    page.refresh_from_db()
    assert page.live and not page.expired
    assert listed_everywhere(client, tree.news_index, "Termin am Montag")
    assert client.get(url).status_code == 200
    assert url in client.get("/suche/", {"q": "Termin"}).content.decode()

    wait_until(expiry)
    assert scheduler.tick()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert listed_nowhere(client, tree.news_index, "Termin am Montag")
    assert client.get(url).status_code == 404
    assert url not in client.get("/suche/", {"q": "Termin"}).content.decode()


def test_the_command_runs_one_tick(tree, redaktion):
    page = news_draft(tree.news_index, "Schon fällig", user=redaktion)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=0.5)
    with approval_publishes():  # what the Redaktion's "Freigeben" does
        page.save_revision(user=redaktion).publish(user=redaktion)
    wait_until(page.go_live_at)

    call_command("run_scheduler", "--once")

    assert NewsPage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("interval", ["0", "61"])
def test_the_scheduler_runs_at_least_once_a_minute(interval):
    with pytest.raises(CommandError):
        call_command("run_scheduler", "--interval", interval)
    with pytest.raises(ValueError, match="interval"):
        scheduler.run(interval=int(interval), max_ticks=1)


def test_the_loop_survives_a_failing_tick_and_stops_when_told(monkeypatch):
    calls = []

    def flaky_tick():
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise RuntimeError("database restarting")
        return True

    monkeypatch.setattr(scheduler, "tick", flaky_tick)
    assert scheduler.run(interval=1, max_ticks=2) == 2
    assert len(calls) == 2
    assert calls[1] - calls[0] >= 0.9  # it waits for the interval between ticks

    stop = threading.Event()
    stop.set()
    assert scheduler.run(interval=30, stop=stop) == 0


def test_the_default_interval_is_thirty_seconds(settings):
    from editorial.management.commands.run_scheduler import Command

    parser = Command().create_parser("manage.py", "run_scheduler")
    assert parser.parse_args([]).interval == settings.EDITORIAL_SCHEDULER_INTERVAL == 30


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_only_one_scheduler_works_at_a_time_on_postgresql():
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [scheduler.ADVISORY_LOCK_KEY])
        assert scheduler.tick() is False
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [scheduler.ADVISORY_LOCK_KEY])
        assert scheduler.tick() is True
    finally:
        other.close()

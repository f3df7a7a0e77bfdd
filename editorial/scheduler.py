"""Scheduled publishing and expiry, on time, without anyone at a keyboard.

Wagtail stores "go live at" on an approved revision and "expire at" on the live object; its
`publish_scheduled` command publishes what is due and unpublishes what has expired. The
scheduler runs that command once per tick, every `interval` seconds (30 by default, never
less often than once a minute), for as long as the process lives.

Publishing through Wagtail's own code sends the usual `page_published`/`page_unpublished`
signals, so search indexing and front-cache purging happen as for a click on "Publish".

Several app servers may each run a scheduler: on PostgreSQL a tick first takes a
session-level advisory lock, so only one of them works at a time and nothing is published
twice. SQLite serves one machine only and needs no lock.
"""

import logging
import signal
import threading
import time
from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30
MAX_INTERVAL = 60
# An arbitrary, fixed 64-bit key for pg_try_advisory_lock ("ccsched" in ASCII).
ADVISORY_LOCK_KEY = 0x63637363686564


@contextmanager
def _exclusive():
    """Yield True if this process may run the tick now (always, outside PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])


def tick():
    """Publish everything whose time has come and unpublish everything that has expired.

    Returns False if another scheduler held the lock and this tick did nothing.
    """
    with _exclusive() as acquired:
        if not acquired:
            logger.debug("Another scheduler is running this tick; skipped.")
            return False
        output = StringIO()
        call_command("publish_scheduled", stdout=output)
        if output.getvalue().strip():
            logger.info(output.getvalue().strip())
    return True


def run(interval=DEFAULT_INTERVAL, stop=None, max_ticks=None):
    """Tick every `interval` seconds until `stop` is set (or after `max_ticks` ticks).

    A failing tick (the database restarting, say) is logged and retried at the next one;
    the loop itself never dies of it.
    """
    if not 0 < interval <= MAX_INTERVAL:
        raise ValueError(f"The interval must be between 1 and {MAX_INTERVAL} seconds.")
    stop = stop or threading.Event()
    ticks = 0
    while not stop.is_set():
        started = time.monotonic()
        _release_connection(close_old_connections)
        try:
            tick()
        except Exception:
            logger.exception("Scheduled publishing failed; retrying at the next tick.")
        finally:
            # Never hold a connection open while sleeping; the next tick opens a fresh one.
            _release_connection(connection.close)
        ticks += 1
        if max_ticks is not None and ticks >= max_ticks:
            break
        stop.wait(max(0.0, interval - (time.monotonic() - started)))
    return ticks


def _release_connection(release):
    # Inside a caller's transaction (a test, say) the connection is not ours to drop.
    if not connection.in_atomic_block:
        release()


def stop_on_signals(stop, signals=(signal.SIGTERM, signal.SIGINT)):
    """Let `systemctl stop`, `docker stop` or Ctrl-C end the loop after the current tick."""

    def handler(signum, frame):
        logger.info("Scheduler stopping (signal %s).", signum)
        stop.set()

    for signum in signals:
        signal.signal(signum, handler)

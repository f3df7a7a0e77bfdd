"""Scheduled publishing as a background task: `run_worker` queues it every
EDITORIAL_SCHEDULER_INTERVAL seconds (settings.PERIODIC_TASKS) and a worker runs it."""

from django_tasks import task

from . import scheduler


# Before the queue's other work: a burst of saves queues hundreds of index updates, and a
# publication the Redaktion set for 9:00 must not wait behind them.
@task(priority=50)
def publish_scheduled():
    """Publish what is due and unpublish what has expired (one scheduler tick)."""
    return scheduler.tick()

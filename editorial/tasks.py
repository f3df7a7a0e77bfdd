"""Scheduled publishing as a background task: `run_worker` queues it every
EDITORIAL_SCHEDULER_INTERVAL seconds (settings.PERIODIC_TASKS) and a worker runs it."""

from django_tasks import task

from . import scheduler


@task()
def publish_scheduled():
    """Publish what is due and unpublish what has expired (one scheduler tick)."""
    return scheduler.tick()

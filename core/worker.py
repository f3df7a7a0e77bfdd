"""Periodic tasks for the database task worker.

Django's task framework runs tasks when they are queued; it has no clock. `run_worker` starts
one beside the worker: every task named in `settings.PERIODIC_TASKS` (dotted path to a task,
and its interval in seconds) is queued again when its interval has passed, unless one is still
waiting to run. Several workers may each run a clock; a tick queued twice does no harm, since
periodic tasks must be safe to repeat (the scheduler takes an advisory lock on PostgreSQL).
"""

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus

logger = logging.getLogger(__name__)


def periodic_tasks():
    """[(task, interval)] from settings.PERIODIC_TASKS; an unknown path fails at start-up."""
    configured = getattr(settings, "PERIODIC_TASKS", {})
    tasks = []
    for path, interval in configured.items():
        if not interval or interval <= 0:
            raise ValueError(f"PERIODIC_TASKS[{path!r}] must be a positive number of seconds.")
        tasks.append((import_string(path), float(interval)))
    return tasks


def is_waiting(task):
    """True if this task is queued and no worker has picked it up yet."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).exists()


def enqueue_due(schedule, now):
    """Queue each task whose time has come; `schedule` maps task → next due time."""
    queued = []
    for task, due in list(schedule.items()):
        if now < due[0]:
            continue
        due[0] = now + due[1]
        if is_waiting(task):
            continue
        task.enqueue()
        queued.append(task)
    return queued


class Clock(threading.Thread):
    """Queues the periodic tasks in a daemon thread until `stop` is set."""

    def __init__(self, tasks, stop=None, tick=1.0):
        super().__init__(name="periodic-tasks", daemon=True)
        # Each task is due at once, then every `interval` seconds.
        self.schedule = {task: [0.0, interval] for task, interval in tasks}
        self.stop = stop or threading.Event()
        self.tick = tick

    def run(self):
        while not self.stop.is_set():
            close_old_connections()
            try:
                enqueue_due(self.schedule, time.monotonic())
            except Exception:
                logger.exception("Could not queue periodic tasks; retrying.")
            finally:
                connection.close()
            self.stop.wait(self.tick)

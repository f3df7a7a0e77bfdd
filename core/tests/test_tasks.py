"""Background work is queued in the database and run by the worker; periodic work (scheduled
publishing) is queued by the worker's clock."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.images.models import Rendition

from core.factories import ImageFactory
from core.renditions import RENDITION_SPECS
from core.tasks import create_image_renditions, prune_task_results
from core.worker import enqueue_due, periodic_tasks
from editorial.tasks import publish_scheduled

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                              "QUEUES": ["default"]}}


def run_worker_until_idle():
    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
           startup_delay=False, max_tasks=None, worker_id="test-worker").run()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_queued_renditions(settings):
    cache.clear()  # Wagtail caches renditions by image id, and ids repeat between tests
    settings.TASKS = DATABASE_TASKS
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"
    image = ImageFactory()  # queues its renditions after the commit
    assert Rendition.objects.filter(image=image).count() == 0
    queued = DBTaskResult.objects.get(task_path=create_image_renditions.module_path)
    assert queued.status == TaskResultStatus.READY

    run_worker_until_idle()

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL, queued.traceback
    assert Rendition.objects.filter(image=image).count() == len(RENDITION_SPECS)


@pytest.mark.django_db
def test_scheduled_publishing_and_daily_pruning_are_periodic_tasks(settings):
    from events.tasks import retire_ended_events
    from newsletter.tasks import delete_unconfirmed_requests, run_due_deliveries

    assert periodic_tasks() == [
        (publish_scheduled, float(settings.EDITORIAL_SCHEDULER_INTERVAL)),
        (prune_task_results, 24 * 60 * 60.0),
        # An event that ended leaves "upcoming".
        (retire_ended_events, 60.0),
        # The newsletter: scheduled sends and retries; unconfirmed requests.
        (run_due_deliveries, 30.0),
        (delete_unconfirmed_requests, 60 * 60.0),
    ]


@pytest.mark.django_db(transaction=True)
def test_finished_task_results_are_kept_a_week_then_pruned(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_RESULTS_KEEP_DAYS = 7
    for _ in range(3):
        publish_scheduled.enqueue()
    run_worker_until_idle()
    old, recent, failed_long_ago = DBTaskResult.objects.order_by("enqueued_at")
    now = timezone.now()
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=now - timedelta(days=8))
    DBTaskResult.objects.filter(pk=recent.pk).update(finished_at=now - timedelta(days=6))
    DBTaskResult.objects.filter(pk=failed_long_ago.pk).update(
        status=TaskResultStatus.FAILED, finished_at=now - timedelta(days=30))
    # Queued long ago and due tomorrow: not finished, so never pruned.
    waiting = publish_scheduled.enqueue()
    DBTaskResult.objects.filter(pk=waiting.id).update(enqueued_at=now - timedelta(days=30),
                                                      run_after=now + timedelta(days=1))

    prune_task_results.enqueue()
    run_worker_until_idle()

    left = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert str(old.pk) not in left
    assert str(failed_long_ago.pk) not in left
    assert {str(recent.pk), str(waiting.id)} <= left
    pruning = DBTaskResult.objects.get(task_path=prune_task_results.module_path)
    assert pruning.status == TaskResultStatus.SUCCESSFUL, pruning.traceback


@pytest.mark.django_db
def test_pruning_does_nothing_where_tasks_run_at_once():
    assert prune_task_results.call() is None


@pytest.mark.django_db
def test_a_periodic_task_is_queued_when_due_and_not_twice(settings):
    settings.TASKS = DATABASE_TASKS
    schedule = {publish_scheduled: [0.0, 30.0]}

    assert enqueue_due(schedule, now=100.0) == [publish_scheduled]
    assert schedule[publish_scheduled][0] == 130.0
    assert enqueue_due(schedule, now=110.0) == []  # not due yet
    # Due again, but the first one still waits for a worker: nothing piles up.
    assert enqueue_due(schedule, now=131.0) == []
    assert DBTaskResult.objects.filter(task_path=publish_scheduled.module_path).count() == 1


@pytest.mark.django_db
def test_a_bad_periodic_task_setting_is_refused(settings):
    settings.PERIODIC_TASKS = {"editorial.tasks.publish_scheduled": 0}
    with pytest.raises(ValueError, match="positive number of seconds"):
        periodic_tasks()

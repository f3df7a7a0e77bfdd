"""Background tasks (Django's task framework, stored in the database by django-tasks-db).

`manage.py run_worker` runs them; tests run them at once (ImmediateBackend). Finished results
are pruned daily (`prune_task_results`, settings.PERIODIC_TASKS). Wagtail's own
tasks (search index, reference index, front-cache purging, focal points) go to the same
backend and the same worker, so anything that calls Wagtail's purge task is queued too.
"""

from django.conf import settings
from django.core.management import call_command
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks_db.backend import DatabaseBackend
from wagtail.images import get_image_model

from .renditions import create_renditions


@task()
def create_image_renditions(image_ids):
    """Make the renditions the site shows for these images, ahead of any reader."""
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        made += create_renditions(image)
    return made


@task()
def prune_task_results():
    """Delete finished task results older than `TASK_RESULTS_KEEP_DAYS` (the database backend
    keeps them forever otherwise), with django-tasks-db's own command. Backends that store
    nothing (tests run tasks at once) have nothing to prune."""
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return
    call_command("prune_db_task_results", queue_name="*",
                 min_age_days=settings.TASK_RESULTS_KEEP_DAYS, verbosity=0)

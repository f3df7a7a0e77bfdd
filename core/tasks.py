"""Background tasks (Django's task framework, stored in the database by django-tasks-db).

`manage.py run_worker` runs them; tests run them at once (ImmediateBackend). Wagtail's own
tasks (search index, reference index, front-cache purging, focal points) go to the same
backend and the same worker, so anything that calls Wagtail's purge task is queued too.
"""

from django_tasks import task
from wagtail.images import get_image_model

from .renditions import create_renditions


@task()
def create_image_renditions(image_ids):
    """Make the renditions the site shows for these images, ahead of any reader."""
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        made += create_renditions(image)
    return made

"""The newsletter's background work, run by `manage.py run_worker` (settings.PERIODIC_TASKS)."""

from django_tasks import task

from . import sending, subscriptions


@task()
def delete_unconfirmed_requests():
    """Requests never confirmed are deleted after seven days (no consent, no data)."""
    return subscriptions.delete_unconfirmed()


@task()
def send_delivery(delivery_id):
    """Send one delivery, in batches, until nothing is left that may go out now."""
    return sending.run_delivery(delivery_id)


@task()
def run_due_deliveries():
    """Start scheduled sends whose time has come, retry failures whose back-off is over, and
    resume sends whose worker died (its lease ran out)."""
    return sending.run_due()

import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.worker import Clock, periodic_tasks


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker: search indexing, image renditions, front-cache purging, "
        "and the periodic tasks of settings.PERIODIC_TASKS (scheduled publishing, pruning old "
        "task results). "
        "`make run` starts it beside the web server; in production it runs as a service."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="Only run queued tasks; queue no periodic ones (for extra workers).",
        )
        parser.set_defaults(interval=getattr(settings, "TASKS_WORKER_INTERVAL", 0.5))

    def handle(self, *args, periodic=True, **options):
        # With --reload, the command runs again in a child process: only that one keeps time.
        reloader_child = os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        in_reloader_parent = options.get("reload") and not reloader_child
        if periodic and not options.get("batch") and not in_reloader_parent:
            tasks = periodic_tasks()
            if tasks:
                Clock(tasks).start()
        return super().handle(*args, **options)

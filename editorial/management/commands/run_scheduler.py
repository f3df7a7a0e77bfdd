import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from editorial import scheduler


class Command(BaseCommand):
    help = (
        "Publish scheduled content and unpublish expired content every INTERVAL seconds, "
        "until stopped (SIGTERM or Ctrl-C). Run it beside the web server: `make run` does, "
        "and in production it runs as a service."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=getattr(settings, "EDITORIAL_SCHEDULER_INTERVAL", scheduler.DEFAULT_INTERVAL),
            help=f"Seconds between runs, 1 to {scheduler.MAX_INTERVAL} (default: %(default)s).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Run a single tick and exit (for cron or tests)."
        )

    def handle(self, *args, interval, once, **options):
        if not 0 < interval <= scheduler.MAX_INTERVAL:
            raise CommandError(f"--interval must be between 1 and {scheduler.MAX_INTERVAL}.")
        if once:
            scheduler.tick()
            return
        stop = threading.Event()
        scheduler.stop_on_signals(stop)
        if options["verbosity"] >= 1:
            self.stdout.write(f"Scheduler: publishing and expiring content every {interval} s.")
        scheduler.run(interval=interval, stop=stop)
        if options["verbosity"] >= 1:
            self.stdout.write("Scheduler stopped.")

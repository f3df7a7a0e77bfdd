from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the database given by DATABASE_URL, "
        "which must be empty (--force replaces its content), and into media storage."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a backup directory, e.g. backups/2026-11-27T164000Z")
        parser.add_argument("--force", action="store_true",
                            help="replace the content of a database that is not empty")

    def handle(self, *args, **options):
        connection.close()
        try:
            manifest = restore(options["directory"], connection.settings_dict,
                               force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Restored {options['directory']} "
            f"({manifest.get('media_files', '?')} media files)."
        ))

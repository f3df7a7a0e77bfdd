from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ops.backup import BackupError, backup, default_backup_dir


class Command(BaseCommand):
    help = (
        "Save the database (pg_dump, custom format) and every media file into a new "
        "timestamped directory below BACKUP_DIR (default: backups/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="where to put the backup (default: BACKUP_DIR)")

    def handle(self, *args, **options):
        try:
            directory = backup(connection.settings_dict, options["dir"] or default_backup_dir())
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written to {directory}"))

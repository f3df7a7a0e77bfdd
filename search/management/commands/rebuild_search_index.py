from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Write the public search's index entry of every page afresh."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"Indexed {count} pages.")

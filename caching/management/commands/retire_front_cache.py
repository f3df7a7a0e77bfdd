"""After a deploy: drop every page from the front caches, so that none links to a stylesheet or
script the new release no longer has. Fragments need no step: their keys hold the release
(caching/fragments.py)."""

from django.core.management.base import BaseCommand

from caching import frontend, tags


class Command(BaseCommand):
    help = "Drop every page from the front caches (FRONTEND_CACHE_URLS); run after each deploy."

    def handle(self, *args, **options):
        caches = frontend.front_caches()
        if not caches:
            self.stdout.write("No front cache configured (FRONTEND_CACHE_URLS): nothing to do.")
            return
        failed = frontend.purge({tags.ALL})
        if failed:
            raise SystemExit(f"The front cache did not answer: {', '.join(failed)}")
        self.stdout.write(f"Every page dropped from {len(caches)} front cache(s).")

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.builder import DemoBuilder
from editorial.demo import DEFAULT_DEMO_PASSWORD, create_demo_accounts
from translation.demo import create_translator_accounts


class Command(BaseCommand):
    help = (
        "Load the demo site (idempotent): the programme notice, its topics, video and contacts, "
        "and the demo accounts. Accounts that exist keep their passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-debug", action="store_true",
            help="Load the demo although DEBUG is off (a throwaway stack such as the bench's). "
                 "Needs a password of its own in DEMO_PASSWORD.",
        )

    def handle(self, *args, without_debug=False, **options):
        password = os.environ.get("DEMO_PASSWORD", "")
        if not settings.DEBUG:
            # A site with DEBUG off may be a real one: its accounts must not get the README's
            # password, and nobody should load a demo there by accident.
            if not without_debug:
                raise CommandError(
                    "DEBUG is off: this may be a production site, so no demo content is loaded. "
                    "For a throwaway stack, pass --without-debug and set DEMO_PASSWORD."
                )
            if not password or password == DEFAULT_DEMO_PASSWORD:
                raise CommandError(
                    "With DEBUG off the demo accounts need a password of their own: set "
                    "DEMO_PASSWORD (not the one printed in the README)."
                )
        password = password or DEFAULT_DEMO_PASSWORD
        with transaction.atomic():
            builder = DemoBuilder(stdout=self.stdout)
            if builder.already_built():
                self.stdout.write("Demo content is already there; nothing changed.")
            else:
                builder.build()
                self.stdout.write(self.style.SUCCESS("Demo content loaded."))
            if not builder.events_built():
                # Also added to a demo loaded before there were events.
                builder.build_events()
            self.create_demo_users(password)
            create_demo_accounts(password)
            create_translator_accounts(password)

    def create_demo_users(self, password):
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser("admin", "admin@example.org", password)
            self.stdout.write("Created superuser admin.")

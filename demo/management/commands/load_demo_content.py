import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.builder import DemoBuilder
from editorial.demo import DEFAULT_DEMO_PASSWORD, create_demo_accounts
from translation.demo import create_translator_accounts


class Command(BaseCommand):
    help = "Load the demo site (idempotent): the programme notice, its topics, video and contacts."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        with transaction.atomic():
            builder = DemoBuilder(stdout=self.stdout)
            if builder.already_built():
                self.stdout.write("Demo content is already there; nothing changed.")
            else:
                builder.build()
                self.stdout.write(self.style.SUCCESS("Demo content loaded."))
            self.create_demo_users(password)
            create_demo_accounts(password)
            create_translator_accounts(password)

    def create_demo_users(self, password):
        user_model = get_user_model()
        if not user_model.objects.filter(username="admin").exists():
            user_model.objects.create_superuser("admin", "admin@example.org", password)
            self.stdout.write("Created superuser admin.")

from django.core.management.base import BaseCommand

from editorial.roles import WORKFLOW_NAME, setup_editorial


class Command(BaseCommand):
    help = (
        "Create or complete the editorial groups, their permissions and the workflow "
        f'"{WORKFLOW_NAME}". Safe to run again: it only adds what is missing.'
    )

    def handle(self, *args, **options):
        result = setup_editorial()
        if options["verbosity"] >= 1:
            groups = ", ".join(sorted(result.groups))
            self.stdout.write(f'Set up groups {groups} and workflow "{WORKFLOW_NAME}".')
            if result.root_page is None:
                self.stdout.write("No root page yet: page permissions and workflow not assigned.")

import io

from django.core.management import call_command
from django.test import override_settings


def load_demo_as_make_run_does():
    """`make run` loads the demo under the development settings, with DEBUG on (the test
    settings have it off, as production does, and there the command refuses)."""
    with override_settings(DEBUG=True):
        call_command("load_demo_content", stdout=io.StringIO())

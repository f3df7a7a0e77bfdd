from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Locked doors: login throttling, the Content-Security-Policy, upload checks, rate limits,
    safe spreadsheet exports and the reporting address for vulnerabilities."""

    name = "security"
    verbose_name = _("Security")

    def ready(self):
        from wagtail.signals import published

        from . import checks, spreadsheets, uploads  # noqa: F401 - checks register themselves

        spreadsheets.install()
        published.connect(uploads.release_linked_uploads, dispatch_uid="security-release")

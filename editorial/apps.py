from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles, the approval workflow, scheduled publishing and the editors' dashboard."""

    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import deleting, publishing

        publishing.install()
        deleting.install()

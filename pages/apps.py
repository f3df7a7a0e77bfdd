from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Editable standard pages (imprint, privacy, accessibility statement) and the feedback form."""

    name = "pages"
    verbose_name = _("Standard pages")

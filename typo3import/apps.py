from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Typo3ImportConfig(AppConfig):
    """Moving in from TYPO3: reading a tx_news database, mapping its records to pages,
    rewriting links, and answering the old site's URLs."""

    name = "typo3import"
    verbose_name = _("TYPO3 import")
    default_auto_field = "django.db.models.BigAutoField"

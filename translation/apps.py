from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Languages, translators' groups and the translation workflow on top of wagtail-localize."""

    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import (  # noqa: F401 - registers checks and receivers
            autodraft,
            checks,
            drafts,
            machine_review,
            preselect,
            signals,
        )

        drafts.install()
        preselect.install()
        machine_review.install()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Languages, translators' groups and the translation workflow on top of wagtail-localize."""

    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import checks  # noqa: F401 - registers checks
        from .approval import drafts, machine_output, signals  # noqa: F401 - receivers
        from .guards import boundaries
        from .work import autodraft, preselect  # noqa: F401 - receivers

        drafts.install()
        preselect.install()
        machine_output.install()
        boundaries.install()

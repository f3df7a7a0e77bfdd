from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Languages, translators' groups and the translation workflow on top of wagtail-localize."""

    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import checks  # noqa: F401 - registers checks
        from .approval import machine_output, signals, upstream_patches  # noqa: F401
        from .guards import grants
        from .work import autodraft, preselect  # noqa: F401 - receivers

        upstream_patches.install()
        preselect.install()
        machine_output.install()
        grants.install()

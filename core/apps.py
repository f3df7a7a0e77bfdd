from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"

    def ready(self):
        from . import signals
        from .choosers import label_link_text_fields

        signals.connect()
        label_link_text_fields()

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for `make run`. It may depend on every content app; nothing depends on it."""

    name = "demo"

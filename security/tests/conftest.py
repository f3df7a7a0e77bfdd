"""Fixtures for the attack suites: the demo site, built once per test module."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from wagtail.models import Site

PASSWORD = "test-password-for-attackers"  # noqa: S105


def build_demo_site():
    """The demo site (German and English, every page type) and the demo accounts."""
    from demo.builder import DemoBuilder
    from editorial.demo import create_demo_accounts
    from translation.demo import create_translator_accounts
    from translation.roles import setup_translators

    cache.clear()
    DemoBuilder().build()
    users = {**create_demo_accounts(PASSWORD), **create_translator_accounts(PASSWORD)}
    # After another module flushed the database, the groups come back without what the
    # translation migration grants the Redaktion ("submit translation"): complete them.
    setup_translators()
    users["admin"] = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", PASSWORD
    )
    Site.clear_site_root_paths_cache()
    return users


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """Build the demo site once per module inside a transaction that is rolled back at the
    end; each test runs in its own savepoint on top of it (through `db`)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_demo_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def users(demo_site, db):
    cache.clear()
    return {name: get_user_model().objects.get(pk=user.pk) for name, user in demo_site.items()}


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client

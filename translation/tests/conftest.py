import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from .helpers import accounts as make_accounts
from .helpers import build_site, client_for, reload


@pytest.fixture(scope="module")
def _site_once(django_db_setup, django_db_blocker):
    """Build the test site once per module, inside a transaction rolled back at the end; each
    test runs in its own savepoint on top of it (the `db` fixture), so none sees another's
    changes."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_site()
            make_accounts()
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(_site_once, db):
    """The bilingual test site (see helpers.build_site) with roles, workflow and groups."""
    return reload(_site_once)


@pytest.fixture
def accounts(site):
    users = get_user_model().objects.filter(username__in=["translator-en", "redaktion", "autorin"])
    return {user.username: user for user in users}


@pytest.fixture
def translator_client(accounts):
    return client_for(accounts["translator-en"])


@pytest.fixture
def redaktion_client(accounts):
    return client_for(accounts["redaktion"])

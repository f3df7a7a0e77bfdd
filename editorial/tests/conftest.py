import pytest
from django.test import Client

from .helpers import build_tree, demo_accounts


@pytest.fixture
def tree(db):
    """A German and English site with news and topics, plus the editorial groups and workflow."""
    return build_tree()


@pytest.fixture
def accounts(tree):
    return demo_accounts()


@pytest.fixture
def autorin(accounts):
    return accounts["autorin"]


@pytest.fixture
def redaktion(accounts):
    return accounts["redaktion"]


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def author_client(autorin):
    return _client_for(autorin)


@pytest.fixture
def redaktion_client(redaktion):
    return _client_for(redaktion)


@pytest.fixture
def four_eyes_off(tree):
    """The administrator's switch (Einstellungen → Freigabe) off: a one-person Redaktion
    publishes directly."""
    from wagtail.models import Site

    from editorial.models import EditorialSettings

    settings = EditorialSettings.for_site(Site.objects.get(is_default_site=True))
    settings.four_eyes = False
    settings.save()
    return settings

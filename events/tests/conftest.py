"""The editorial fixtures (tree, accounts, clients) for the event form's tests, and the
events index in that tree."""

import pytest

from editorial.tests.conftest import (  # noqa: F401 - fixtures
    accounts,
    author_client,
    autorin,
    redaktion,
    redaktion_client,
    tree,
)
from events.tests.helpers import add_event_index


@pytest.fixture
def event_index(request):
    """/veranstaltungen/ (and /en/events/) in the editorial tree."""
    editorial_tree = request.getfixturevalue("tree")
    index, _english = add_event_index(editorial_tree)
    return index

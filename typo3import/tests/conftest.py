"""A TYPO3 source database per dialect (MariaDB and PostgreSQL), built once per test module
from `typo3import.fixtures`, with its web root; dropped afterwards."""

import os
import socket
import uuid

import pytest

from typo3import import fixtures

SERVERS = {
    "mariadb": os.environ.get("TYPO3_MARIADB_URL", "mysql://root@127.0.0.1:3306"),
    "postgresql": os.environ.get("TYPO3_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
}


def reachable(url):
    from urllib.parse import urlparse

    parsed = urlparse(url)
    try:
        socket.create_connection((parsed.hostname, parsed.port), timeout=3).close()
    except OSError:
        return False
    return True


def require(name):
    """The server `name` must answer: on CI the tests fail without it, elsewhere they are
    skipped (like the browser tests without Chromium)."""
    server = SERVERS[name]
    if reachable(server):
        return server
    message = (f"The {name} server at {server} is unreachable; the TYPO3 import tests read "
               "from it (apt-get install mariadb-server, or set TYPO3_MARIADB_URL / "
               "TYPO3_POSTGRES_URL).")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module", params=sorted(SERVERS))
def typo3(request, tmp_path_factory):
    """(url, public_root) of a fresh TYPO3 database with the small archive."""
    server = require(request.param)
    url = f"{server}/typo3_{uuid.uuid4().hex[:10]}"
    public_root = tmp_path_factory.mktemp("typo3-web")
    fixtures.build(url, public_root)
    yield url, public_root
    fixtures.drop_database(url)

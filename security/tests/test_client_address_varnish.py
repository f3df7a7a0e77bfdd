"""Through the real Varnish with the shipped VCL: the app sees each reader's own address, so a
user name locked from one address is not locked from another, a forged X-Forwarded-For changes
nothing, and only the app servers can purge, on the purge listen address."""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model

from bench.stack.varnish import Varnish
from caching.tests.conftest import require_varnish

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "richtig-und-lang-genug-2026"  # noqa: S105
TLS_PROXY = "127.0.0.1"  # a TLS proxy on Varnish's host (acl forwarders)
# Other machines: every 127/8 address reaches the loopback listener.
READER, COLLEAGUE = "127.0.0.2", "127.0.0.3"


@pytest.fixture
def varnish(live_server, settings):
    require_varnish()
    settings.TRUSTED_PROXY_COUNT = 1
    port = int(live_server.url.rsplit(":", 1)[1])
    front = Varnish([("127.0.0.1", port)])
    yield front
    front.stop()


@pytest.fixture
def colleague(db):
    return get_user_model().objects.create_user("kollegin", "k@example.org", PASSWORD)


def request(port, method, path, source=TLS_PROXY, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                            source_address=(source, 0))
    try:
        connection.request(method, path, body=body,
                           headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def log_in(varnish, password, source=TLS_PROXY, forwarded=None):
    """The admin login form through Varnish, as a browser fills it in: its status."""
    extra = {"X-Forwarded-For": forwarded} if forwarded else {}
    _status, headers, body = request(varnish.port, "GET", "/admin/login/", source, extra)
    cookie = SimpleCookie(headers["Set-Cookie"])["csrftoken"].value
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urlencode({"username": "kollegin", "password": password,
                      "csrfmiddlewaretoken": token})
    status, _headers, _body = request(
        varnish.port, "POST", "/admin/login/", source,
        {**extra, "Cookie": f"csrftoken={cookie}", "Referer": "http://localhost/admin/login/",
         "Content-Type": "application/x-www-form-urlencoded"}, form)
    return status


def test_a_name_locked_through_the_tls_proxy_from_one_reader_is_free_for_another(
    varnish, colleague, settings
):
    # nginx in front of Varnish appends the reader's address to what the reader sent.
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(varnish, "falsch", forwarded="10.9.8.7, 198.51.100.7")
    assert log_in(varnish, PASSWORD, forwarded="198.51.100.7") == 429

    assert log_in(varnish, PASSWORD, forwarded="203.0.113.10") == 302


def test_a_name_locked_from_one_machine_is_free_from_another(varnish, colleague, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(varnish, "falsch", source=READER)
    assert log_in(varnish, PASSWORD, source=READER) == 429

    assert log_in(varnish, PASSWORD, source=COLLEAGUE) == 302


def test_a_forged_forwarded_address_does_not_escape_the_lock(varnish, colleague, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(varnish, "falsch", source=READER, forwarded=f"203.0.113.{attempt + 1}")
    assert log_in(varnish, PASSWORD, source=READER, forwarded="203.0.113.99") == 429


def test_only_the_purge_listen_address_purges(varnish):
    everything = {"xkey": "all"}
    # A reader at another machine, and a reader passed on by the TLS proxy on this host.
    for source in (READER, TLS_PROXY):
        assert request(varnish.port, "PURGE", "/", source, everything)[0] == 405
        assert request(varnish.port, "BAN", "/", source, {"X-Ban-Url": "^/"})[0] == 405
    # The purge address, but not from an app server.
    assert request(varnish.purge_port, "PURGE", "/", READER, everything)[0] == 405
    # The app servers, where they purge.
    assert request(varnish.purge_port, "PURGE", "/", TLS_PROXY, everything)[0] == 200

"""Two app servers behind one Varnish, sharing the database: an editor publishes on one, and
both servers and the cache serve the change within a second."""

import http.cookies
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from wagtail.models import Site

from bench.stack.appserver import AppServer
from bench.stack.varnish import Varnish, free_port, http_get
from caching.tests.conftest import require_varnish
from editorial.models import EditorialSettings
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

FRESH_WITHIN = 1.0


def shared_database_url():
    """The test database as a URL other processes can use; None if they cannot share it."""
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        return None
    user = urllib.parse.quote(db["USER"] or "")
    password = ":" + urllib.parse.quote(db["PASSWORD"]) if db["PASSWORD"] else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    """An editor's browser against one app server: cookies, CSRF token, form posts."""

    def __init__(self, base_url):
        self.base_url, self.cookies = base_url, {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, data=None):
        headers = {"Host": "localhost", "Origin": "http://localhost",
                   "Referer": "http://localhost" + path,
                   "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 - a local test server
            self.base_url + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode()

    def csrf_token(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self, username, password):
        _status, html = self.request("/admin/login/")
        status, _html = self.request("/admin/login/", {
            "csrfmiddlewaretoken": self.csrf_token(html), "username": username,
            "password": password, "next": "/admin/"})
        assert status == 302 and "sessionid" in self.cookies

    def publish(self, page):
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
        _status, html = self.request(path)
        status, _html = self.request(path, {"csrfmiddlewaretoken": self.csrf_token(html)})
        assert status == 302


def fresh(url, text, path):
    deadline = time.monotonic() + FRESH_WITHIN
    while True:
        body = http_get(url + path)[2].decode()
        if text in body or time.monotonic() > deadline:
            return text in body
        time.sleep(0.05)


@pytest.fixture
def stack(transactional_db):
    require_varnish()
    database_url = shared_database_url()
    if database_url is None:
        pytest.skip("Two app servers need a shared database: runs on PostgreSQL (CI).")
    ports = [free_port(), free_port()]
    varnish = Varnish([("127.0.0.1", port) for port in ports])
    env = {"DJANGO_SETTINGS_MODULE": "siteconfig.settings.test", "DATABASE_URL": database_url,
           "FRONTEND_CACHE_URLS": varnish.purge_url,
           # One shared cache for both servers, under a key prefix of this run only.
           "TEST_SHARED_CACHE_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/9"),
           "CACHE_KEY_PREFIX": f"two-instances-{uuid.uuid4().hex}"}
    servers = [AppServer(env, port=port) for port in ports]
    try:
        for server in servers:
            server.wait()
        yield varnish, servers
    finally:
        for server in servers:
            server.stop()
        varnish.stop()


def test_publishing_on_one_instance_shows_on_both_and_through_the_cache(site_tree, stack):
    varnish, (first, second) = stack
    item = NewsPageFactory(parent=site_tree.news_index, title="Vorher", slug="meldung")
    draft = type(item).objects.get(pk=item.pk)
    draft.title = "Nachher"
    draft.save_revision()
    get_user_model().objects.create_superuser("chefin", "chefin@example.org", "geheim-1234")
    # This is about caching, not approval: one person publishes directly (four eyes off).
    editorial = EditorialSettings.for_site(Site.objects.get(is_default_site=True))
    editorial.four_eyes = False
    editorial.save()
    paths = ["/aktuelles/meldung/", "/aktuelles/"]
    for path in paths * 3:  # round-robin: both servers fill the cache, then hits
        assert "Vorher" in varnish.get(path)[2].decode()
    assert all(varnish.get(path)[1]["X-Cache"] == "HIT" for path in paths)

    editor = Editor(first.url)
    editor.log_in("chefin", "geheim-1234")
    editor.publish(item)

    for url in (varnish.url, first.url, second.url):
        for path in paths:
            assert fresh(url, "Nachher", path), (url, path)

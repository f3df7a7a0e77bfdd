"""Through a real Varnish: readers get pages and feeds gzipped (Lighthouse's "text
compression"), clients that do not accept gzip get the same page plain, and what is one
person's own (the admin) is never compressed (BREACH)."""

import gzip

import pytest

from bench.stack.varnish import http_get
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture
def news(site_tree):
    for number in range(12):
        NewsPageFactory(parent=site_tree.news_index, title=f"Meldung {number}",
                        slug=f"meldung-{number}")
    return site_tree


@pytest.mark.parametrize("path", ["/aktuelles/", "/", "/aktuelles/feed/rss/", "/sitemap.xml"])
def test_readers_get_pages_and_feeds_gzipped(front_cache, live_server, news, path):
    _status, _headers, plain = http_get(live_server.url + path)
    for attempt in ("miss", "hit"):
        status, headers, body = front_cache.get(path, headers=GZIP)
        assert status == 200, attempt
        assert headers["Content-Encoding"] == "gzip", attempt
        assert gzip.decompress(body) == plain, attempt
    if path == "/aktuelles/":
        assert len(body) < len(plain) / 3


def test_a_client_without_gzip_gets_the_same_page_plain(front_cache, live_server, news):
    front_cache.get("/aktuelles/", headers=GZIP)  # stored gzipped
    status, headers, body = front_cache.get("/aktuelles/", headers={"Accept-Encoding": ""})
    assert status == 200 and "Content-Encoding" not in headers
    assert body == http_get(live_server.url + "/aktuelles/")[2]


def test_the_app_itself_sends_nothing_compressed(live_server, news):
    _status, headers, _body = http_get(live_server.url + "/aktuelles/", headers=GZIP)
    assert "Content-Encoding" not in headers


def test_the_admin_passes_uncompressed(front_cache, news):
    status, headers, body = front_cache.get("/admin/login/", headers=GZIP)
    assert status == 200 and "Content-Encoding" not in headers
    assert b"csrfmiddlewaretoken" in body

"""A warm page reads its cache entries in one round trip (caching/prefetch.py), and never an
entry another publication has retired."""

import uuid

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from caching import freshness
from caching.prefetch import MemoLocMemCache, request_memo
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture
def redis_cache(settings):
    """The production backend on a real Redis, with keys of this test's own."""
    settings.CACHES = {"default": {
        "BACKEND": "caching.prefetch.MemoRedisCache", "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"test-prefetch-{uuid.uuid4().hex}",
    }}
    yield caches["default"]
    caches["default"].delete_pattern("*")


@pytest.fixture
def round_trips(monkeypatch):
    """The commands this process sends to Redis (GET, MGET, SET, …), in order."""
    sent = []
    real = redis.Redis.execute_command

    def counting(self, *args, **kwargs):
        sent.append(args[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    return sent


@pytest.fixture
def item(site_tree):
    page = NewsPageFactory(parent=site_tree.news_index, title="Die Meldung", slug="die-meldung")
    page.save_revision().publish()
    return page


def test_a_warm_news_item_costs_three_trips_to_the_cache(item, client, redis_cache,
                                                          round_trips):
    for _ in range(3):  # fill the fragments, then write down what the page read
        assert client.get("/aktuelles/die-meldung/").status_code == 200
    round_trips.clear()

    response = client.get("/aktuelles/die-meldung/")

    assert response.status_code == 200
    # The change mark with the URL's reading plan, everything on the plan, the mark again.
    assert round_trips == ["MGET", "MGET", "GET"]


def test_a_page_read_ahead_is_the_page_rendered_afresh(item, client, redis_cache):
    first = client.get("/aktuelles/die-meldung/").content
    client.get("/aktuelles/die-meldung/")

    assert client.get("/aktuelles/die-meldung/").content == first


def test_a_publication_retires_what_the_plan_would_read_ahead(item, client, redis_cache):
    for _ in range(2):
        client.get("/aktuelles/")
    item.title = "Die neue Meldung"
    item.save_revision().publish()

    assert "Die neue Meldung" in client.get("/aktuelles/").content.decode()
    assert "Die neue Meldung" in client.get("/aktuelles/").content.decode()


def test_a_missing_page_leaves_no_plan(site_tree, client, redis_cache):
    client.get("/aktuelles/gibt-es-nicht/")

    assert not [key for key in redis_cache.keys("*") if ":plan:" in key]


def test_within_a_request_an_entry_is_read_from_the_cache_once(monkeypatch):
    backend = MemoLocMemCache("prefetch-unit", {})
    backend.set("menu", ["Aktuelles"])
    reads = []
    real_get = LocMemCache.get

    def counting_get(self, key, *args, **kwargs):
        reads.append(key)
        return real_get(self, key, *args, **kwargs)

    monkeypatch.setattr(LocMemCache, "get", counting_get)
    with request_memo():
        assert backend.get("menu") == backend.get("menu") == ["Aktuelles"]
        assert backend.get("fehlt", "nichts") == "nichts" and backend.get("fehlt") is None
        assert reads == ["menu", "fehlt"]
        backend.set("menu", ["Aktuelles", "Themen"])
        assert backend.get("menu") == ["Aktuelles", "Themen"]
        assert reads == ["menu", "fehlt", "menu"]
    backend.get("menu")
    assert reads == ["menu", "fehlt", "menu", "menu"]  # outside a request: every time


def test_a_request_keeps_the_change_mark_it_started_with_until_asked_afresh():
    backend = caches["default"]
    with request_memo():
        started = freshness.mark()
        # Another app server publishes: its write does not pass through this memo.
        LocMemCache.set(backend, freshness.KEY, started + 1, None)
        assert freshness.mark() == started
        assert freshness.mark(fresh=True) == started + 1

"""Readers' URLs lead to the right page from the route cache (caching/routes.py), and never
to a page that has moved, gone or become private."""

import pytest
from wagtail.models import PageViewRestriction

from core.factories import translate_page
from core.tests.helpers import warm_and_count
from news.factories import NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(site_tree):
    page = NewsPageFactory(parent=site_tree.news_index, title="Wasser im Quartier",
                           slug="wasser")
    translate_page(page, "en", title="Water in the neighbourhood", slug="water")
    return page


def test_each_language_reaches_its_own_page_again_and_again(item, client):
    for _ in range(2):
        assert "Wasser im Quartier" in client.get("/aktuelles/wasser/").content.decode()
        assert "Water in the neighbourhood" in client.get("/en/news/water/").content.decode()
        assert client.get("/").headers["Content-Language"] == "de"
        assert client.get("/en/").headers["Content-Language"] == "en"


def test_a_known_address_costs_no_query_to_route(item, client):
    assert warm_and_count(client, "/aktuelles/wasser/") == 0


def test_a_renamed_or_unpublished_page_is_not_found_at_its_old_address(item, client):
    assert client.get("/aktuelles/wasser/").status_code == 200
    page = NewsPage.objects.get(pk=item.pk)
    page.slug = "wasser-neu"
    page.save_revision().publish()
    assert client.get("/aktuelles/wasser-neu/").status_code == 200
    assert client.get("/aktuelles/wasser/").status_code in {301, 404}

    NewsPage.objects.get(pk=item.pk).unpublish()
    assert client.get("/aktuelles/wasser-neu/").status_code == 404


def test_a_page_made_private_asks_for_its_password_even_when_its_route_is_known(item, client):
    assert client.get("/aktuelles/wasser/").status_code == 200
    PageViewRestriction.objects.create(page=item, restriction_type="password",
                                       password="geheim")  # noqa: S106
    response = client.get("/aktuelles/wasser/")

    assert "Wasser im Quartier" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_search_finds_the_site_without_a_query_once_it_is_known(item, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/suche/?q=Wasser")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/suche/?q=Wasser").status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


class CacheTrips:
    """Counts what a request asks of the shared cache (Redis answers `get_many` in one trip;
    the tests' in-memory cache makes it of `get`s, which are not counted again)."""

    def __init__(self, monkeypatch):
        from django.core.cache import caches

        self.reads = self.writes = 0
        self.inside = False
        backend = caches["default"]
        for name, kind in (("get", "reads"), ("get_many", "reads"), ("set", "writes"),
                           ("set_many", "writes"), ("add", "writes")):
            monkeypatch.setattr(backend, name, self.counting(getattr(backend, name), kind))

    def counting(self, method, kind):
        def counted(*args, **kwargs):
            if self.inside:
                return method(*args, **kwargs)
            setattr(self, kind, getattr(self, kind) + 1)
            self.inside = True
            try:
                return method(*args, **kwargs)
            finally:
                self.inside = False
        return counted


def test_a_page_read_again_takes_three_trips_to_the_shared_cache(item, client, monkeypatch):
    """The route and the URL's reading plan, then every fragment and tag version the plan
    names, then the versions once more to see whether anything changed meanwhile."""
    for _ in range(2):
        client.get("/aktuelles/wasser/")
    trips = CacheTrips(monkeypatch)

    response = client.get("/aktuelles/wasser/")

    assert "Wasser im Quartier" in response.content.decode()
    assert (trips.reads, trips.writes) == (3, 0)


def test_a_reading_plan_naming_fragments_that_are_gone_still_shows_the_page(item, client):
    from django.core.cache import cache
    from django.test import RequestFactory

    from caching.routes import plan_key

    client.get("/aktuelles/wasser/")
    entry_keys, _tags = cache.get(plan_key(RequestFactory().get("/aktuelles/wasser/")))
    assert entry_keys
    cache.delete_many(entry_keys)

    response = client.get("/aktuelles/wasser/")

    assert response.status_code == 200
    assert "Wasser im Quartier" in response.content.decode()

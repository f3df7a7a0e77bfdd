"""A URL reaches the same page (or route of a page) as Wagtail's walk down the tree, in a
fixed number of queries whatever its depth."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.routing import pages_on_the_way
from core.tests.test_listing_dates import bulk_news, requires_postgres
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def routed(home, path):
    request = RequestFactory().get(path)
    result = home.route(request, [part for part in path.split("/") if part])
    return result.page.specific, result.args


def walked(home, path):
    """Wagtail's own walk, one level at a time."""
    request = RequestFactory().get(path)
    components = [part for part in path.split("/") if part]
    result = super(type(home), home).route(request, components)
    return result.page.specific, result.args


@pytest.mark.parametrize("path", ["/aktuelles/", "/aktuelles/feed/rss/", "/aktuelles/feed/atom/",
                                  "/aktuelles/feed/", "/aktuelles/feed/weiter/",
                                  "/ueber-uns/team/", "/ueber-uns/team/rolle/"])
def test_urls_reach_the_page_wagtail_would_serve(site_tree, path):
    # A news item called "feed" sits where the news index has feed routes: the routes win,
    # as in Wagtail, and the item is reached at its own URL.
    NewsPageFactory(parent=site_tree.news_index, title="Feed", slug="feed")
    about = StandardPageFactory(parent=site_tree.home, title="Über uns", slug="ueber-uns")
    StandardPageFactory(parent=about, title="Team", slug="team")
    home = site_tree.home.specific

    try:
        expected = walked(home, path)
    except Http404:
        with pytest.raises(Http404):
            routed(home, path)
        return
    page, args = routed(home, path)
    assert (page.pk, [str(arg) for arg in args]) == (expected[0].pk,
                                                     [str(arg) for arg in expected[1]])


def test_a_feed_is_found_in_two_queries(site_tree, django_assert_num_queries):
    home = site_tree.home.specific
    routed(home, "/aktuelles/feed/rss/")  # content types are cached after the first use

    with django_assert_num_queries(2):
        page, _args = routed(home, "/aktuelles/feed/rss/")
    assert page.pk == site_tree.news_index.pk


@requires_postgres
def test_finding_a_news_item_by_its_address_starts_from_the_slug_index_at_10000_items(
    site_tree,
):
    bulk_news(site_tree.news_index, 10_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    home = site_tree.news_index.get_parent()
    components = [site_tree.news_index.slug, "m-4711"]

    with CaptureQueriesContext(connection) as queries:
        pages = pages_on_the_way(home, components)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + queries.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert [page.pk for page in pages][-1] == Page.objects.get(slug="m-4711").pk
    assert "Seq Scan" not in plan, plan

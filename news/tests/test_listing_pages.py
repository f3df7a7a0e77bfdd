"""Pages of the news index: crawlable links that keep the filters, and a query count that does
not grow with the number of items."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import build_site_tree
from core.tests.helpers import soup
from news.tests.helpers import add_news, add_video, built_once, fresh, result_count, results, titles
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


def build_many():
    """23 news items in July 2021 on one topic, and 3 videos from August."""
    tree = build_site_tree()
    topic = TopicPageFactory(parent=tree.topic_index, title="Thema", slug="thema")
    for day in range(1, 24):
        add_news(tree, f"Juli {day}", datetime.date(2021, 7, day), topics=[topic])
    for day in (1, 2, 3):
        add_video(tree, f"Video August {day}", datetime.date(2021, 8, day))
    return tree


@pytest.fixture(scope="module")
def _many_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, build_many) as tree:
        yield tree


@pytest.fixture
def many(_many_once, db):
    return fresh(_many_once)


def test_pages_are_crawlable_links_that_keep_the_filters(many, client):
    query = {"topic": "thema", "type": "news", "year": "2021", "month": "7"}

    first = client.get(many.news_index.url, query)
    second = client.get(many.news_index.url, {**query, "page": "2"})
    third = client.get(many.news_index.url, {**query, "page": "3"})

    assert result_count(first) == results(23)
    assert titles(first) == [f"Juli {day}" for day in range(23, 13, -1)]
    assert titles(third) == ["Juli 3", "Juli 2", "Juli 1"]
    pagination = soup(second).select_one("nav.pagination")
    links = {a.get_text(strip=True): a["href"] for a in pagination.select("a")}
    prefix = "topic=thema&type=news&year=2021&month=7"
    # Each leads to the results of its page (#ergebnisse).
    assert links["1"] == f"{many.news_index.url}?{prefix}#ergebnisse"
    assert links["3"] == f"?{prefix}&page=3#ergebnisse"
    assert pagination.select_one('a[rel="next"]')["href"] == f"?{prefix}&page=3#ergebnisse"
    assert pagination.select_one('a[rel="prev"]')["href"] == \
        f"{many.news_index.url}?{prefix}#ergebnisse"
    assert pagination.select_one('[aria-current="page"]').get_text(strip=True) == "2"
    # Every link leads somewhere real.
    for href in links.values():
        target = href if href.startswith("/") else many.news_index.url + href
        assert client.get(target).status_code == 200


def test_an_unfiltered_first_page_links_to_page_two(many, client):
    document = soup(client.get(many.news_index.url))

    assert document.select_one('.pagination a[rel="next"]')["href"] == "?page=2#ergebnisse"
    assert document.select_one('.pagination a[rel="prev"]') is None


def test_a_page_number_past_the_end_shows_the_last_page(many, client):
    assert titles(client.get(many.news_index.url, {"page": "99999"})) == \
        titles(client.get(many.news_index.url, {"page": "3"}))


def test_the_listing_page_link_query_string_is_clean(many, client):
    """Submitting the form with every field on "all" gives a listing whose links carry
    no empty parameters."""
    response = client.get(many.news_index.url, {"topic": "", "type": "", "year": "", "month": ""})

    next_link = soup(response).select_one('.pagination a[rel="next"]')["href"]
    assert parse_qs(urlsplit(next_link).query) == {"page": ["2"]}

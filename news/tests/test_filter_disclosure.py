"""On a phone the news index opens with its news, not a screen of filters: the filters sit
behind a "Filtern" disclosure (a plain <details>, so it works without JavaScript) that is open
while a filter is active."""

import datetime

import pytest

from core.tests.helpers import soup
from news.tests.helpers import add_news

pytestmark = pytest.mark.django_db


def disclosure(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return soup(response).select_one("details.filter-disclosure")


def test_the_filters_are_closed_until_a_filter_is_active(client, site_tree):
    add_news(site_tree, "Starkregen in Tunis", datetime.date(2021, 7, 1))
    url = site_tree.news_index.url

    closed = disclosure(client, url)
    assert not closed.has_attr("open")
    assert " ".join(closed.summary.get_text().split()) == "Filtern"
    assert closed.select_one("form select[name=type]")

    opened = disclosure(client, url, type="news", year="2021")
    assert opened.has_attr("open")
    assert " ".join(opened.summary.get_text().split()) == "Filtern (2 Filter aktiv)"


def test_an_unknown_filter_value_leaves_the_filters_closed(client, site_tree):
    assert not disclosure(client, site_tree.news_index.url, type="nonsense").has_attr("open")


def test_english_readers_get_an_english_disclosure(client, site_tree):
    summary = disclosure(client, site_tree.news_index_en.url, type="video").summary
    assert " ".join(summary.get_text().split()) == "Filter (1 filter active)"

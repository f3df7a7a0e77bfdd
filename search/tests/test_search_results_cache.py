"""A search made before is answered from the shared cache, and never outlives a change of
content: a new page is found, a withdrawn one is gone, a promotion shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from news.factories import NewsPageFactory

from .test_search_page import get, page_of, result_titles, text


def searched_twice(client, **params):
    get(client, "/suche/", **params)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/suche/", **params)
    return response, queries


@pytest.mark.parametrize("params", [
    {"q": "Pandemie"},
    {"q": "Pandemie OR Krise -Bonn", "type": "news", "page": "1"},
])
def test_a_search_made_before_costs_no_query(client, content, params):
    SearchPromotion.objects.create(query=Query.get(params["q"]), page=content.tunisia)

    response, queries = searched_twice(client, **params)

    assert "Connective Cities COVID-19 Programm 2021" in result_titles(response)
    assert len(queries) == 0, [query["sql"] for query in queries]


def test_a_page_published_after_a_search_is_found_by_it(client, content):
    searched_twice(client, q="Hochwasserschutz")
    NewsPageFactory(parent=content.tree.news_index, title="Hochwasserschutz in Sfax")

    assert result_titles(get(client, "/suche/", q="Hochwasserschutz")) == [
        "Hochwasserschutz in Sfax"]


def test_a_withdrawn_page_leaves_the_results_of_a_search_made_before(client, content):
    searched_twice(client, q="Pandemie")
    content.programme.unpublish()

    titles = result_titles(get(client, "/suche/", q="Pandemie"))

    assert "Connective Cities COVID-19 Programm 2021" not in titles


def test_a_new_promotion_shows_at_once_and_only_once(client, content):
    searched_twice(client, q="Pandemie")
    SearchPromotion.objects.create(query=Query.get("Pandemie"), page=content.programme,
                                   description="Unser Programm")

    response = get(client, "/suche/", q="Pandemie")

    assert "Unser Programm" in response.content.decode()
    assert "Connective Cities COVID-19 Programm 2021" not in result_titles(response)


@pytest.mark.parametrize("page", ["2", "x", "99"])
def test_every_results_page_is_its_own_and_odd_numbers_fall_back(client, content, page):
    for number in range(12):
        NewsPageFactory(parent=content.tree.news_index, title=f"Starkregenbericht {number}")
    first = result_titles(get(client, "/suche/", q="Starkregenbericht"))
    for _ in range(2):
        other = result_titles(get(client, "/suche/", q="Starkregenbericht", page=page))
        if page == "x":
            assert other == first
        else:
            assert len(other) == 2 and not set(other) & set(first)


def test_or_as_an_operator_and_as_a_word_are_two_searches(client, content):
    either = result_titles(get(client, "/suche/", q="Pandemie OR Klimaschutz"))
    both = result_titles(get(client, "/suche/", q="Pandemie or Klimaschutz"))

    assert "Klimaschutz" in either
    assert "Klimaschutz" not in both


def test_the_hint_to_the_other_language_costs_no_query_and_follows_publications(client,
                                                                                content):
    def hint():
        return text(page_of(get(client, "/en/search/", q="Städte")).select_one(
            ".search-elsewhere a"))

    assert hint() == "Deutsch: 1 Ergebnis für „Städte“"
    with CaptureQueriesContext(connection) as queries:
        assert hint() == "Deutsch: 1 Ergebnis für „Städte“"
    assert len(queries) == 0, [query["sql"] for query in queries]

    NewsPageFactory(parent=content.tree.news_index, title="Städte im Wandel")
    assert hint() == "Deutsch: 2 Ergebnisse für „Städte“"

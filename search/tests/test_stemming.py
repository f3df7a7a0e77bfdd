"""The words a search found by their stem are marked in the results, on every database.

Which word forms are found is in the shared table of test_search_cases.py."""

import pytest

from .test_search_page import get, page_of, result_titles, text

pytestmark = pytest.mark.django_db


def marks(response):
    return [mark.get_text() for mark in page_of(response).select(".search-result mark")]


def test_cities_finds_city_and_marks_it(client, content):
    response = get(client, "/en/search/", q="cities")
    assert result_titles(response) == ["Connective Cities COVID-19 Programme 2021"]
    excerpt = text(page_of(response).select_one(".search-result__excerpt"))
    assert "Every city learns" in excerpt
    assert "city" in marks(response)


def test_staedten_finds_staedte_and_marks_it(client, content):
    response = get(client, "/suche/", q="Städten")
    assert result_titles(response) == ["Stadtentwicklung in Tunesien"]
    assert "Städte" in marks(response)


def test_municipality_finds_municipal_and_municipalities(client, content):
    assert sorted(result_titles(get(client, "/en/search/", q="municipality"))) == [
        "Climate protection", "Connective Cities COVID-19 Programme 2021", "Crisis management"]

"""Stemming on PostgreSQL: each language's words are found in their other forms.

SQLite (development and quick test runs) has no stemmer, so these tests run on PostgreSQL only;
CI runs the whole suite there.
"""

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.factories import translate_page
from news.factories import NewsPageFactory

from .conftest import requires_postgres
from .test_search_page import get, page_of, result_titles, text

pytestmark = [pytest.mark.django_db, requires_postgres]


def marks(response):
    return [mark.get_text() for mark in page_of(response).select(".search-result mark")]


def test_cities_finds_city_and_marks_it(client, content):
    response = get(client, "/en/search/", q="cities")
    assert result_titles(response) == ["Connective Cities COVID-19 Programme 2021"]
    excerpt = text(page_of(response).select_one(".search-result__excerpt"))
    assert "Every city learns" in excerpt
    assert "city" in marks(response)


def test_municipality_finds_municipal_and_municipalities(client, content):
    assert sorted(result_titles(get(client, "/en/search/", q="municipality"))) == [
        "Climate protection", "Connective Cities COVID-19 Programme 2021", "Crisis management"]


def test_staedten_finds_staedte(client, content):
    response = get(client, "/search/", q="Städten")
    assert result_titles(response) == ["Stadtentwicklung in Tunesien"]
    assert "Städte" in marks(response)


def test_german_compounds_are_found_by_their_first_part(client, content):
    partnership = NewsPageFactory(parent=content.tree.news_index, teaser="",
                                  title="Neue Städtepartnerschaften in Nordafrika")
    translate_page(partnership, title="New town twinning in North Africa")

    assert result_titles(get(client, "/search/", q="Städtepartnerschaft")) == [
        partnership.title]
    assert partnership.title in result_titles(get(client, "/search/", q="Städte"))
    assert result_titles(get(client, "/search/", q="neuen Städtepartnerschaft")) == [
        partnership.title]


def test_kommune_finds_kommunen_but_not_kommunikation(client, content):
    communication = NewsPageFactory(parent=content.tree.news_index, teaser="",
                                    title="Kommunikation in der Krise")
    titles = result_titles(get(client, "/search/", q="Kommune"))
    assert "Connective Cities COVID-19 Programm 2021" in titles
    assert communication.title not in titles


def test_stop_words_alone_find_nothing_and_do_no_harm(client, content):
    document = page_of(get(client, "/search/", q="die der und"))
    assert document.select(".search-result") == []
    assert sorted(result_titles(get(client, "/search/", q="die Pandemie"))) == [
        "Connective Cities COVID-19 Programm 2021", "Pandemie im Rathaus"]


def test_searches_that_know_no_language_stem_in_every_language(content):
    """Wagtail's own searches (the admin's choosers, `Page.objects.search`) span languages: a
    word matches under the stemmer of each of the site's languages."""
    backend = get_search_backend()
    pages = Page.objects.live()
    assert "Stadtentwicklung in Tunesien" in {p.title for p in backend.search("Städten", pages)}
    assert {p.title for p in backend.search("learning", pages)} == {
        "Connective Cities COVID-19 Programme 2021"}

"""Whatever a reader types into the search box, they get a page (never a 500), and results
in their own language only."""

import pytest

from core.factories import translate_page
from core.tests.helpers import assert_accessible_page, soup
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    '"COVID-19 Programm"',
    '"COVID-19',
    "'COVID'",
    "COVID AND Programm",
    "COVID OR Werkstatt",
    "NOT COVID",
    "-COVID",
    "+COVID -Werkstatt",
    "COVID*",
    "(COVID",
    "COVID)",
    '"',
    "''",
    "\\",
    "%",
    "_",
    "&&",
    "||",
    "!",
    "a:b",
    "<->",
    "<script>alert(1)</script>",
    "COVID'; DROP TABLE wagtailcore_page; --",
    "Straße & Ümlaut ß",
    "\u200b\ufeff",
    "😀",
    "\x00",
    "COVID\x00Programm",
]


@pytest.fixture
def programme(site_tree):
    german = NewsPageFactory(parent=site_tree.news_index, title="COVID-19 Programm 2021",
                             slug="covid-19-programm-2021")
    english = translate_page(german, title="COVID-19 Programme 2021")
    german_only = NewsPageFactory(parent=site_tree.news_index, title="COVID-19 Werkstatt",
                                  slug="covid-19-werkstatt")
    return german, english, german_only


def page_links(response):
    """The links to news items among the results."""
    return {a["href"] for a in soup(response).select("main a[href]")
            if a["href"].startswith(("/aktuelles/", "/en/news/"))}


def test_search_results_are_in_the_readers_language(programme, client):
    german, english, german_only = programme

    german_results = page_links(client.get("/suche/", {"q": "COVID"}))
    english_results = page_links(client.get("/en/search/", {"q": "COVID"}))

    assert german_results == {german.url, german_only.url}
    assert english_results == {english.url}


def test_empty_search_shows_the_form(site_tree, client):
    for url, language in (("/suche/", "de"), ("/en/search/", "en")):
        for params in ({}, {"q": ""}, {"q": "   "}):
            document = assert_accessible_page(client.get(url, params), language)
            assert document.select_one('main form[role="search"] input[name="q"]') is not None
            assert page_links(client.get(url, params)) == set()


def test_a_query_of_5000_characters_gives_a_page(programme, client):
    response = client.get("/suche/", {"q": "Pandemie " * 555})

    document = assert_accessible_page(response, "de")
    box = document.select_one('main input[name="q"]')
    assert len(box["value"]) <= int(box["maxlength"]) < 5000


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_quotes_operators_and_odd_characters_give_a_page(programme, client, prefix):
    for query in ODD_QUERIES:
        response = client.get("/suche/" if not prefix else f"{prefix}/search/", {"q": query})
        # NUL has no meaning in any address: 404, as anywhere in a URL (security.middleware).
        assert response.status_code == (404 if "\x00" in query else 200), repr(query)


def test_a_phrase_in_quotes_finds_the_item(programme, client):
    german, _, german_only = programme

    results = page_links(client.get("/suche/", {"q": '"COVID-19 Programm"'}))

    assert german.url in results
    assert german_only.url not in results


def test_search_survives_bad_page_numbers(programme, client):
    german, _, german_only = programme

    for page_number in ["abc", "99999", "-1", "0", "1.5", "", "%00"]:
        response = client.get("/suche/", {"q": "COVID", "page": page_number})
        assert page_links(response) == {german.url, german_only.url}, page_number

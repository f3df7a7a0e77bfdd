"""The search results page as a reader meets it, on SQLite and on PostgreSQL."""

import random
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response


def page_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    return " ".join(element.get_text().split())


def result_titles(response):
    return [text(h) for h in page_of(response).select(
        "ol.search-results__list .search-result__title")]


# --- Language, status and visibility -----------------------------------------------------------


def test_german_readers_find_german_pages_only(client, content):
    titles = result_titles(get(client, "/suche/", q="Pandemie"))
    assert sorted(titles) == ["Connective Cities COVID-19 Programm 2021", "Pandemie im Rathaus"]


def test_english_readers_find_english_pages_only(client, content):
    titles = result_titles(get(client, "/en/search/", q="pandemic"))
    assert sorted(titles) == ["Connective Cities COVID-19 Programme 2021",
                              "The pandemic at the town hall"]
    assert result_titles(get(client, "/en/search/", q="Pandemiefolgen")) == []


def test_pandemie_finds_pandemiefolgen_and_marks_it_in_the_excerpt(client, content):
    response = get(client, "/suche/", q="Pandemie", type="news")
    document = page_of(response)
    assert result_titles(response) == ["Connective Cities COVID-19 Programm 2021"]
    excerpt = document.select_one(".search-result__excerpt")
    assert [mark.get_text() for mark in excerpt.find_all("mark")] == ["Pandemiefolgen"]
    assert "Kommunale Strategien zur Bewältigung der" in excerpt.get_text()


def test_the_title_marks_the_words_found(client, content):
    document = page_of(get(client, "/suche/", q="Rathaus"))
    title = document.select_one(".search-result__title a")
    assert title["href"] == "/videos/pandemie-im-rathaus/"
    assert [mark.get_text() for mark in title.find_all("mark")] == ["Rathaus"]


def test_drafts_private_pages_and_other_languages_are_never_found(client, content):
    draft = NewsPageFactory(parent=content.tree.news_index, title="Pandemie Entwurf", live=False)
    private = NewsPageFactory(parent=content.tree.news_index, title="Pandemie intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    ).groups.set([Group.objects.get_or_create(name="Intern")[0]])

    titles = result_titles(get(client, "/suche/", q="Pandemie"))

    assert draft.title not in titles and private.title not in titles
    assert "Connective Cities COVID-19 Programme 2021" not in titles
    assert len(titles) == 2


def test_the_results_page_is_not_indexed_and_stays_cacheable(client, content):
    response = get(client, "/suche/", q="Pandemie")
    robots = page_of(response).find("meta", attrs={"name": "robots"})
    assert robots["content"] == "noindex"
    assert not response.cookies


@pytest.mark.parametrize("url, action", [("/", "/suche/"), ("/en/", "/en/search/")])
def test_every_page_header_has_the_search_box(client, content, url, action):
    for page_url in (url, content.programme.url if url == "/" else content.programme_en.url):
        form = page_of(get(client, page_url)).select_one("header form[role=search]")
        # The reader lands on the results (#ergebnisse).
        assert form["action"] == f"{action}#ergebnisse" and form["method"] == "get"
        assert form.select_one("input[type=search]")["name"] == "q"


def test_the_header_box_keeps_the_query(client, content):
    document = page_of(get(client, "/suche/", q="Pandemie"))
    assert document.select_one("header input[name=q]")["value"] == "Pandemie"
    assert document.select_one("#search-q")["value"] == "Pandemie"


# --- Queries that would trip a naive search --------------------------------------------------

NASTY_QUERIES = [
    "", "   ", "a AND b", '"x', '"', '""', "-", "--", "*", "&|!():", "Pandemie &", "!Pandemie",
    "'", "\\", "\\'", "%", "_", "%_%", "a:*", "a <-> b", "(Pandemie", "Pandemie)", "OR",
    "OR Pandemie OR", "NOT", "-Pandemie -Rathaus", "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>", "Pandemie\x00Rathaus", "\u202ePandemie", "😷 Pandemie",
    "ﬁ ǅ Ⅷ ½", "e\u0301", "{title body}: x", "NEAR(a b)", "^Pandemie", "title:Pandemie",
    "a" * 5000, "Pandemie " * 700, '"' * 300, "-" * 300,
]


def test_any_query_gives_a_sensible_page(client, content):
    for prefix in ("", "/en"):
        for query in NASTY_QUERIES:
            response = client.get("/suche/" if not prefix else f"{prefix}/search/", {"q": query})
            if "\x00" in query:  # no meaning in any address: 404, as anywhere in a URL
                assert response.status_code == 404, (prefix, query[:50])
                continue
            assert response.status_code == 200, (prefix, query[:50])
            document = page_of(response)
            shown = document.select_one("#search-q")["value"]
            assert shown == document.select_one("header input[name=q]")["value"]
            assert len(shown) <= 200 and "\x00" not in shown
            assert len(document.select("main h1")) == 1


def test_random_input_never_breaks_the_search(client, content):
    alphabet = "aäßZ09 -_\"'*&|!():<>\\/%^~@#.,;{}[]+=?\t\u00a0\u2028ǅ😷\u0301"
    generator = random.Random(5)  # noqa: S311 - reproducible test input, not a secret
    for _ in range(60):
        query = "".join(generator.choice(alphabet) for _ in range(generator.randint(1, 40)))
        assert client.get("/suche/", {"q": query}).status_code == 200, repr(query)


def test_a_query_of_5000_characters_is_shortened_and_says_so(client, content):
    response = get(client, "/en/search/", q="pandemic " + "x" * 5000)
    document = page_of(response)
    assert len(document.select_one("#search-q")["value"]) <= 200
    assert "shortened to 200 characters" in document.select_one(".search-notice").get_text()


@pytest.mark.parametrize("query", ["", "   ", "&|!():", "*", '"'])
def test_a_query_without_words_asks_for_one(client, content, query):
    document = page_of(get(client, "/en/search/", q=query))
    assert document.select(".search-result") == []
    if query.strip():
        assert "Enter one or more words" in document.select_one(".search-notice").get_text()


def test_a_query_that_only_excludes_explains_the_minus_sign(client, content):
    document = page_of(get(client, "/en/search/", q="-pandemic"))
    assert document.select(".search-result") == []
    assert "minus sign only leaves words out" in document.select_one(".search-notice").get_text()


def test_no_results_says_so(client, content):
    document = page_of(get(client, "/en/search/", q="xylophone"))
    assert document.select_one("#ergebnisse").get_text(strip=True) == "0 results for “xylophone”"
    assert "Nothing matches your search" in document.select_one(".search-results").get_text()


def test_no_results_points_to_the_other_language_that_has_them(client, content):
    """An English reader who types the German "Städte" learns that the German pages have it."""
    document = page_of(get(client, "/en/search/", q="Städte", type="video"))
    assert document.select_one("#ergebnisse").get_text(strip=True) == "0 results for “Städte”"
    hint = document.select_one(".search-elsewhere")
    assert text(hint.p) == "Pages in another language match your search:"
    link = hint.select_one("li[lang=de] a[hreflang=de]")
    assert text(link) == "Deutsch: 1 Ergebnis für „Städte“"
    # The filters are left out: they may be what found nothing.
    assert link["href"] == "/suche/?q=St%C3%A4dte#ergebnisse"
    assert result_titles(get(client, link["href"].split("#")[0])) == [
        "Stadtentwicklung in Tunesien"]

    # And the other way round.
    hint = page_of(get(client, "/suche/", q="together")).select_one(".search-elsewhere")
    assert text(hint.p) == "Seiten in einer anderen Sprache passen zu Ihrer Suche:"
    assert text(hint.select_one("li[lang=en] a")) == "English: 1 result for “together”"


def test_no_hint_when_no_language_has_results_or_the_own_one_has(client, content):
    assert page_of(get(client, "/en/search/", q="xylophone")).select(".search-elsewhere") == []
    assert page_of(get(client, "/suche/", q="Städte")).select(".search-elsewhere") == []


def test_html_in_content_and_query_is_shown_as_text(client, content):
    NewsPageFactory(parent=content.tree.news_index, title='<script>alert("t")</script> Pandemie',
                    teaser='<img src=x onerror="alert(1)"> <b>Pandemie</b> ⟦x⟧ &amp;')
    response = get(client, "/suche/", q='Pandemie <script>alert("q")</script>')
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    response = get(client, "/suche/", q="Pandemie")
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Pandemie" not in html
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;" in html
    marks = [m.get_text() for m in page_of(response).select(".search-result mark")]
    assert marks and set(marks) == {"Pandemie", "Pandemiefolgen"}


# --- Operators ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query, expected", [
    ('"Kommunale Strategien"', ["Connective Cities COVID-19 Programm 2021"]),
    ('"Strategien Kommunale"', []),
    ("Pandemie -Rathaus", ["Connective Cities COVID-19 Programm 2021"]),
    ('Pandemie -"im Rathaus"', ["Connective Cities COVID-19 Programm 2021"]),
    ("Pandemie NOT Rathaus", ["Connective Cities COVID-19 Programm 2021"]),
    ("Tunesien OR Rathaus", ["Connective Cities COVID-19 Programm 2021", "Pandemie im Rathaus",
                             "Stadtentwicklung in Tunesien"]),
    ("Pandemie Tunesien", ["Connective Cities COVID-19 Programm 2021"]),
    ("Pandemie AND Tunesien", ["Connective Cities COVID-19 Programm 2021"]),
    ("COVID-19", ["Connective Cities COVID-19 Programm 2021"]),
])
def test_phrases_exclusions_and_alternatives(client, content, query, expected):
    assert sorted(result_titles(get(client, "/suche/", q=query))) == expected


# --- Filters -----------------------------------------------------------------------------------


def option_labels(response, select_id):
    return {option["value"]: option.get_text(strip=True)
            for option in page_of(response).select(f"#{select_id} option")}


def test_filter_by_content_type_with_counts(client, content):
    response = get(client, "/en/search/", q="pandemic")
    assert option_labels(response, "search-type") == {
        "": "All content", "news": "News (1)", "video": "Videos (1)", "event": "Events (0)",
        "topic": "Topics (0)", "page": "Other pages (0)",
    }
    response = get(client, "/en/search/", q="pandemic", type="video")
    assert result_titles(response) == ["The pandemic at the town hall"]
    assert page_of(response).select_one("#search-type option[selected]")["value"] == "video"
    assert result_titles(get(client, "/en/search/", q="protection", type="topic")) == [
        "Climate protection"]
    assert result_titles(get(client, "/en/search/", q="News", type="page")) == ["News"]


def test_an_unknown_content_type_searches_everything(client, content):
    response = get(client, "/suche/", q="Pandemie", type="gibtsnicht" * 50)
    assert len(result_titles(response)) == 2
    assert page_of(response).select("#search-type option[selected]") == []


def test_filter_by_topic_finds_its_hub_and_what_is_tagged_with_it(client, content):
    assert sorted(result_titles(get(client, "/suche/", q="Kommunen OR Film OR Krisen",
                                    topic="krisenmanagement"))) == [
        "Connective Cities COVID-19 Programm 2021", "Krisenmanagement", "Pandemie im Rathaus"]
    # English pages are tagged with the German topic; the filter still works in English.
    assert sorted(result_titles(get(client, "/en/search/", q="pandemic",
                                    topic="krisenmanagement"))) == [
        "Connective Cities COVID-19 Programme 2021", "The pandemic at the town hall"]
    assert result_titles(get(client, "/suche/", q="Pandemie", topic="klimaschutz")) == []
    response = get(client, "/en/search/", q="pandemic", topic="klimaschutz")
    assert option_labels(response, "search-topic") == {
        "": "All topics", "klimaschutz": "Climate protection",
        "krisenmanagement": "Crisis management"}


@pytest.mark.parametrize("topic", ["gibtsnicht", "../..", "x" * 5000, "<b>", "kl%imaschutz"])
def test_an_unknown_topic_searches_everything(client, content, topic):
    response = get(client, "/suche/", q="Pandemie", topic=topic)
    assert len(result_titles(response)) == 2
    assert page_of(response).select("#search-topic option[selected]") == []


# --- Pagination --------------------------------------------------------------------------------


def test_results_are_paginated_and_links_keep_the_query_and_filters(client, content):
    for number in range(23):
        NewsPageFactory(parent=content.tree.news_index, title=f"Pandemiebericht {number}",
                        topics=[content.crisis])

    first = get(client, "/suche/", q="Pandemie", type="news", topic="krisenmanagement")
    document = page_of(first)
    assert len(result_titles(first)) == 10
    assert document.select_one("#ergebnisse").get_text(strip=True).startswith("24 ")
    next_link = document.select_one("a[rel=next]")["href"]
    assert next_link == "?q=Pandemie&type=news&topic=krisenmanagement&page=2#ergebnisse"

    last = get(client, "/suche/" + next_link.split("#")[0].replace("page=2", "page=3"))
    assert len(result_titles(last)) == 4
    assert page_of(last).select_one("ol.search-results__list")["start"] == "21"
    seen = set()
    for number in (1, 2, 3):
        seen.update(result_titles(get(client, "/suche/", q="Pandemie", type="news",
                                      topic="krisenmanagement", page=number)))
    assert len(seen) == 24

    assert result_titles(get(client, "/suche/", q="Pandemie", type="news", page="abc")) == \
        result_titles(first)
    assert result_titles(get(client, "/suche/", q="Pandemie", type="news", page="99999")) == \
        result_titles(last)


def test_a_query_with_spaces_and_symbols_survives_the_pagination_link(client, content):
    for number in range(11):
        NewsPageFactory(parent=content.tree.news_index, title=f"Stadt & Land {number}")
    document = page_of(get(client, "/suche/", q='"Stadt & Land"  -Tunesien'))
    link = document.select_one("a[rel=next]")["href"]
    assert re.fullmatch(r"\?q=%22Stadt\+%26\+Land%22\+-Tunesien&page=2#ergebnisse", link)
    assert len(result_titles(get(client, "/suche/" + link.split("#")[0]))) == 1


# --- Cost ----------------------------------------------------------------------------------------


def add_matching_pages(content, number, start=0):
    for index in range(start, start + number):
        NewsPageFactory(parent=content.tree.news_index, title=f"Pandemiebericht {index}",
                        topics=[content.crisis])


@pytest.mark.parametrize("params", [
    {"q": "Pandemie"},
    {"q": "Pandemie OR Krise -Bonn", "type": "news", "topic": "krisenmanagement", "page": "2"},
])
def test_the_results_page_costs_the_same_for_few_and_many_results(
        client, content, django_assert_num_queries, params):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(query=Query.get(params["q"]), page=content.tunisia)
    add_matching_pages(content, 11)
    get(client, "/suche/", **params)  # warms the caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        get(client, "/suche/", **params)
    few = len(queries)  # now: the log is emptied at the start of every request

    add_matching_pages(content, 40, start=11)
    get(client, "/suche/", **params)
    with django_assert_num_queries(few):
        response = get(client, "/suche/", **params)
    assert len(result_titles(response)) == 10
    assert few <= 18

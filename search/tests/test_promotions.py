"""Editors promote results for a query (Wagtail's search promotions): readers see them first,
in their own language."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .test_search_page import get, page_of, result_titles, text

pytestmark = pytest.mark.django_db


def promoted(response):
    return [text(h) for h in page_of(response).select(
        ".search-promotions .search-result__title")]


def promote(query, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def test_a_promoted_page_comes_first_for_its_query(client, content):
    promote("Förderung", content.tunisia, description="So beantragen Sie Förderung.",
            sort_order=1)
    promote("Förderung", content.video, sort_order=0)

    response = get(client, "/suche/", q="förderung")

    assert promoted(response) == ["Pandemie im Rathaus", "Stadtentwicklung in Tunesien"]
    descriptions = [text(p) for p in page_of(response).select(
        ".search-promotions .search-result__excerpt")]
    assert "So beantragen Sie Förderung." in descriptions
    assert page_of(response).select_one("#ergebnisse").get_text(strip=True).startswith("2 ")
    assert get(client, "/suche/", q="Pandemie").content.count(b"search-promotions") == 0


def test_english_readers_see_the_translation_of_a_promoted_page(client, content):
    promote("förderung", content.tunisia)
    response = get(client, "/en/search/", q="Förderung")
    assert promoted(response) == ["Urban development in Tunisia"]
    link = page_of(response).select_one(".search-promotions a")["href"]
    assert link == content.tunisia_en.url


def test_a_promoted_page_is_not_listed_twice(client, content):
    promote("pandemie", content.video)
    response = get(client, "/suche/", q="Pandemie")
    assert promoted(response) == ["Pandemie im Rathaus"]
    assert result_titles(response) == ["Connective Cities COVID-19 Programm 2021"]
    assert page_of(response).select_one("#ergebnisse").get_text(strip=True).startswith("2 ")


def test_filters_apply_to_promotions(client, content):
    promote("pandemie", content.video)
    promote("pandemie", external_link_url="https://www.giz.de/", external_link_text="GIZ")
    assert promoted(get(client, "/suche/", q="Pandemie")) == ["Pandemie im Rathaus", "GIZ"]
    assert promoted(get(client, "/suche/", q="Pandemie", type="news")) == []
    assert promoted(get(client, "/suche/", q="Pandemie", type="video")) == [
        "Pandemie im Rathaus"]
    assert promoted(get(client, "/suche/", q="Pandemie", topic="klimaschutz")) == []


def test_promotions_show_on_the_first_results_page_only(client, content):
    from news.factories import NewsPageFactory

    for number in range(12):
        NewsPageFactory(parent=content.tree.news_index, title=f"Pandemiebericht {number}")
    promote("pandemie", content.video)
    assert promoted(get(client, "/suche/", q="Pandemie")) == ["Pandemie im Rathaus"]
    assert promoted(get(client, "/suche/", q="Pandemie", page=2)) == []


def test_an_unpublished_promoted_page_is_not_shown(client, content):
    promote("förderung", content.tunisia)
    content.tunisia.unpublish()
    assert promoted(get(client, "/suche/", q="Förderung")) == []

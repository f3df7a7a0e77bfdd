"""The news item's "related content" chooser offers only pages in the item's language: it
opens in that language's tree, and neither browsing nor searching shows another language."""

import json
import re

import pytest

from core.factories import translate_page

from .helpers import news_form_data, news_live

pytestmark = pytest.mark.django_db


def dialog_html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):  # the dialog itself
        return json.loads(response.content)["html"]
    return response.content.decode()  # search results, swapped into the dialog


@pytest.fixture
def pages(tree):
    german = news_live(tree.news_index, title="Hitzeschutz in Bonn")
    english = translate_page(german, title="Heat protection in Bonn")
    return german, english


def test_the_german_editor_opens_the_chooser_in_german(tree, pages, author_client):
    german, _ = pages
    html = author_client.get(f"/admin/pages/{german.pk}/edit/").content.decode()

    assert "/admin/choose-page-in/de/" in html


def test_browsing_offers_no_english_page(tree, pages, author_client):
    start = dialog_html(author_client, "/admin/choose-page-in/de/")
    assert f"/admin/choose-page/{tree.news_index.pk}/" in start  # in the German home page
    assert f"/admin/choose-page/{tree.news_index_en.pk}/" not in start
    # The dialog's search box searches in German too.
    assert re.search(r'action="/admin/choose-page/search/\?[^"]*page_language=de', start)

    german_news = dialog_html(author_client, f"/admin/choose-page-in/de/{tree.news_index.pk}/")
    assert "Hitzeschutz in Bonn" in german_news
    assert "page_language=de" in german_news  # kept on every link inside the dialog

    # Even where the dialog links to the English tree, it lists no English page.
    english_news = dialog_html(author_client, f"/admin/choose-page/{tree.news_index_en.pk}/",
                               page_language="de")
    assert "Heat protection in Bonn" not in english_news


def test_searching_offers_no_english_page(tree, pages, author_client):
    found = dialog_html(author_client, "/admin/choose-page/search/", q="Bonn",
                        page_language="de")

    assert "Hitzeschutz in Bonn" in found
    assert "Heat protection in Bonn" not in found


def test_other_choosers_still_see_every_language(tree, pages, author_client):
    found = dialog_html(author_client, "/admin/choose-page/search/", q="Bonn")
    assert "Heat protection in Bonn" in found


def test_an_english_page_posted_anyway_is_refused(tree, pages, redaktion_client):
    german, english = pages
    data = news_form_data(german, **{
        "related_links-TOTAL_FORMS": "1", "related_links-INITIAL_FORMS": "0",
        "related_links-0-related_page": str(english.pk), "related_links-0-id": "",
        "related_links-0-ORDER": "1", "related_links-0-DELETE": "",
    })

    response = redaktion_client.post(f"/admin/pages/{german.pk}/edit/", data)

    assert response.status_code == 200  # the form again, with the reason
    assert "in einer anderen Sprache" in response.content.decode()
    assert not german.related_links.exists()

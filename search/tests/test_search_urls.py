"""German readers search at /suche/, English readers at /en/search/; the old /search/ address
sends everyone to /suche/ for good, and the language switcher keeps what was searched."""

import pytest

from .test_search_page import get, page_of, text

pytestmark = pytest.mark.django_db


def test_the_search_page_has_an_address_in_each_language(client, content):
    assert page_of(get(client, "/suche/")).html["lang"] == "de"
    assert page_of(get(client, "/en/search/")).html["lang"] == "en"
    assert client.get("/en/suche/").status_code == 404


@pytest.mark.parametrize("accept_language", ["de", "en"])
def test_the_old_address_redirects_permanently_to_suche_with_the_query(client, content,
                                                                        accept_language):
    response = client.get("/search/", {"q": "Städte", "type": "news"},
                          HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 301
    assert response["Location"] == "/suche/?q=St%C3%A4dte&type=news"
    assert client.get("/search/").headers["Location"] == "/suche/"


def test_the_language_switcher_keeps_the_query_and_filters(client, content):
    document = page_of(get(client, "/suche/", q="Pandemie", type="news"))
    switcher = document.select_one(".language-switcher")
    english = switcher.select_one("a[hreflang=en]")
    assert english["href"] == "/en/search/?q=Pandemie&type=news"
    assert text(switcher.select_one("[aria-current]")) == "Deutsch"

    document = page_of(get(client, "/en/search/", q="pandemic"))
    assert document.select_one(".language-switcher a[hreflang=de]")["href"] == (
        "/suche/?q=pandemic")


def test_the_language_switcher_names_the_topic_by_its_slug_in_each_language(client, content):
    content.crisis_en.slug = "crisis-management"
    content.crisis_en.save_revision().publish()

    german = page_of(get(client, "/suche/", q="Pandemie", topic="krisenmanagement"))
    assert german.select_one(".language-switcher a[hreflang=en]")["href"] == (
        "/en/search/?q=Pandemie&topic=crisis-management")
    english = page_of(get(client, "/en/search/", q="pandemic", topic="crisis-management"))
    assert english.select_one(".language-switcher a[hreflang=de]")["href"] == (
        "/suche/?q=pandemic&topic=krisenmanagement")


def test_a_topic_without_translation_is_left_out_of_the_other_languages_link(client, content):
    content.climate_en.unpublish()

    german = page_of(get(client, "/suche/", q="Stadt", topic="klimaschutz"))
    assert german.select_one(".language-switcher a[hreflang=en]")["href"] == (
        "/en/search/?q=Stadt")


def test_the_button_says_suchen_and_the_field_is_labelled_suchbegriff(client, content):
    german = page_of(get(client, "/suche/"))
    assert {text(b) for b in german.select("form[role=search] button")} == {"Suchen"}
    assert {text(label) for label in german.select("form[role=search] label[for$=-q]")} == {
        "Suchbegriff"}
    assert text(german.select_one("h1")) == "Suche"

    english = page_of(get(client, "/en/search/"))
    assert {text(b) for b in english.select("form[role=search] button")} == {"Search"}
    assert {text(label) for label in english.select("form[role=search] label[for$=-q]")} == {
        "Search term"}

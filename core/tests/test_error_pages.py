"""404 and 500 pages: friendly, in the reader's language, with the site's navigation; the 500
page never fails itself. (Test settings run with DEBUG = False, as production does.)"""

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError
from django.test import RequestFactory
from wagtail.models import Site

from core import views
from home.models import HomePage
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def page_of(response, status):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def menu(document):
    return [link.get_text(strip=True) for link in document.select(".main-menu a")]


@pytest.fixture
def failing_home_page(monkeypatch, client, settings):
    """The home page raises, as a bug would; the client shows what a reader gets."""
    settings.DEBUG = False

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("A bug in the home page, on purpose.")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False
    return client


# --- 404 ---------------------------------------------------------------------------------------

def test_an_unknown_german_address_gets_a_german_404_with_the_navigation(site_tree, client):
    document = page_of(client.get("/gibt-es-nicht/"), 404)

    assert document.html["lang"] == "de"
    assert document.h1.get_text(strip=True) == "Seite nicht gefunden"
    assert document.title.get_text().startswith("Seite nicht gefunden")
    assert menu(document) == ["Aktuelles", "Themen", "Videos"]
    assert document.select_one("form.site-search")["action"] == "/suche/#ergebnisse"
    assert document.select_one("footer.site-footer") is not None
    assert document.select_one("a.skip-link")["href"] == "#main"
    links = {a.get_text(strip=True): a["href"] for a in document.select("main a")}
    assert links == {"Zur Startseite": "/", "Website durchsuchen": "/suche/"}
    assert document.select_one('link[rel="canonical"]') is None


def test_an_unknown_english_address_gets_an_english_404(site_tree, client):
    document = page_of(client.get("/en/does-not-exist/"), 404)

    assert document.html["lang"] == "en"
    assert document.h1.get_text(strip=True) == "Page not found"
    assert menu(document) == ["News", "Topics", "Videos"]
    assert document.select_one("form.site-search")["action"] == "/en/search/#ergebnisse"
    links = {a.get_text(strip=True): a["href"] for a in document.select("main a")}
    assert links == {"Go to the home page": "/en/", "Search the site": "/en/search/"}


def test_a_page_without_english_translation_is_an_english_404(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch")

    document = page_of(client.get(f"/en{page.url}"), 404)

    assert document.html["lang"] == "en"
    assert document.h1.get_text(strip=True) == "Page not found"


def test_a_404_sets_no_cookie(site_tree, client):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert not response.cookies


# --- 500 ---------------------------------------------------------------------------------------

def test_a_server_error_keeps_the_layout_in_german(site_tree, failing_home_page):
    response = failing_home_page.get("/")
    document = page_of(response, 500)

    assert document.html["lang"] == "de"
    assert document.h1.get_text(strip=True) == "Leider ist ein Fehler aufgetreten."
    assert document.title.get_text().startswith("Serverfehler")
    assert menu(document) == ["Aktuelles", "Themen", "Videos"]
    assert document.select_one("form.site-search")["action"] == "/suche/#ergebnisse"
    assert document.select_one("footer.site-footer") is not None
    assert len(document.find_all("h1")) == 1
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_a_server_error_in_english_is_english(site_tree, failing_home_page):
    document = page_of(failing_home_page.get("/en/"), 500)

    assert document.html["lang"] == "en"
    assert document.h1.get_text(strip=True) == "Sorry, something went wrong."
    assert "try again in a few minutes" in document.select_one("main").get_text()
    assert menu(document) == ["News", "Topics", "Videos"]
    assert document.select_one("main a")["href"] == "/en/"


def test_when_the_layout_fails_too_the_static_page_is_sent(site_tree, failing_home_page,
                                                           monkeypatch):
    def database_down(*args, **kwargs):
        raise DatabaseError("The database went away.")

    monkeypatch.setattr(Site, "find_for_request", database_down)

    response = failing_home_page.get("/en/")
    document = page_of(response, 500)

    assert document.h1.get_text(strip=True) == "Entschuldigung, ein Fehler ist aufgetreten."
    assert document.select_one('[lang="en"] h2').get_text() == "Sorry, something went wrong."
    assert "{%" not in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_the_500_handler_never_raises(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("No templates at all.")

    monkeypatch.setattr(views, "render_to_string", broken)

    response = views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert b"Server error" in response.content

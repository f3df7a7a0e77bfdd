"""What every page test checks the same way: the HTML a reader gets, and what it cost."""

import re

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

THIRD_PARTY_VIDEO_HOSTS = re.compile(r"youtube|youtu\.be|vimeo", re.IGNORECASE)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def assert_accessible_page(response, language_code):
    """The page declares its language, has one h1 and a skip link to the main landmark."""
    document = soup(response)
    assert document.html["lang"] == language_code
    assert len(document.find_all("h1")) == 1
    skip_link = document.find("a", class_="skip-link")
    assert skip_link is not None and skip_link["href"] == "#main"
    assert document.find(id="main").name == "main"
    return document


def link_texts(document, selector):
    """Texts of the links inside `selector`, for "this listing shows that item" checks."""
    return [link.get_text(strip=True) for link in document.select(f"{selector} a")]


def warm_and_count(client, url):
    """Count the queries of a page view once the renditions and caches exist.

    The first view of a listing creates its image renditions; every later view of the
    same content must cost the same, whatever the number of items.
    """
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)

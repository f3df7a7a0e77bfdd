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


VIDEO_HOSTS = re.compile(
    r"(?:[a-z0-9-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com)", re.IGNORECASE
)

JSON_TYPES = {"application/json", "application/ld+json"}


def assert_nothing_loads_from_video_hosts(response):
    """Before consent, a video provider is named only in the plain link to it, in the
    `data-embed-url` the script uses after the reader's click, and in structured data (JSON,
    which browsers do not fetch): no iframe, no foreign script, no image, style or preconnect
    from the provider."""
    html = response.content.decode()
    document = soup(response)
    assert document.find("iframe") is None
    data_scripts = []
    for script in document.find_all("script"):
        # JavaScript comes from our static files only; data is JSON, never code.
        if script.get("src"):
            assert script["src"].startswith("/static/"), script
        else:
            assert script.get("type") in JSON_TYPES, script
            data_scripts.append(script.string or "")
    allowed = [link["href"] for link in document.find_all("a", href=VIDEO_HOSTS)]
    allowed += [tag["data-embed-url"] for tag in document.select("[data-embed-url]")]
    allowed += data_scripts
    assert allowed, "no video link or placeholder on this page"
    assert len(VIDEO_HOSTS.findall(html)) == sum(len(VIDEO_HOSTS.findall(v)) for v in allowed)
    return document

"""Every page names its icons (SVG with an ICO fallback, and an Apple touch icon); the
addresses browsers try on their own answer too, so no page view produces a 404 for an icon."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_every_page_links_its_icons(client, site_tree):
    document = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    icons = {(link["rel"][0], link.get("type", "")): link["href"]
             for link in document.select("link[rel=icon], link[rel=apple-touch-icon]")}
    assert icons[("icon", "image/svg+xml")].endswith("/icons/favicon.svg")
    assert icons[("icon", "")].endswith("/icons/favicon.ico")
    assert icons[("apple-touch-icon", "")].endswith("/icons/apple-touch-icon.png")
    for href in icons.values():
        assert finders.find(href.removeprefix("/static/"))


@pytest.mark.parametrize("name, target", [
    ("favicon.ico", "/static/icons/favicon.ico"),
    ("apple-touch-icon.png", "/static/icons/apple-touch-icon.png"),
    ("apple-touch-icon-precomposed.png", "/static/icons/apple-touch-icon.png"),
])
def test_the_root_icon_addresses_lead_to_the_static_files(client, name, target):
    response = client.get(f"/{name}")
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.head(f"/{name}").status_code == 302
    assert client.post(f"/{name}").status_code == 405


def test_the_icons_are_real_images():
    with open(finders.find("icons/favicon.ico"), "rb") as ico:
        assert ico.read(4) == b"\x00\x00\x01\x00"
    with open(finders.find("icons/apple-touch-icon.png"), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"
    with open(finders.find("icons/favicon.svg")) as svg:
        assert svg.read().startswith("<svg ")

"""A reader opens an imported news item with its images, in German and in English, in real
Chromium: the images show, with their alternative text, and axe-core finds nothing."""

import uuid

import pytest
from django.db import connection

from conftest import build_site_tree
from pages.tests.test_accessibility import axe_findings
from typo3import import fixtures

from .conftest import require
from .helpers import page_of, run_import

pytestmark = pytest.mark.browser


@pytest.fixture
def imported_site(transactional_db, tmp_path):
    server = require("mariadb")
    url = f"{server}/typo3_{uuid.uuid4().hex[:10]}"
    fixtures.build(url, tmp_path / "web")
    try:
        build_site_tree()
        run_import(url, tmp_path / "web", tmp_path)
        yield
    finally:
        fixtures.drop_database(url)
        connection.close()


def test_an_imported_item_shows_its_images_and_passes_axe_in_both_languages(imported_site,
                                                                           browser_page):
    for uid, language, alt in [(1, "de", "Teilnehmende eines Workshops an einem Tisch"),
                               (3, "en", "Workshop participants at a table")]:
        page = page_of(uid, language)
        response = browser_page.goto(page.url)
        assert response.status == 200
        lead = browser_page.get_by_alt_text(alt)
        lead.wait_for()
        assert lead.evaluate("image => image.complete && image.naturalWidth > 0")
        assert browser_page.locator("html").get_attribute("lang") == language
        assert axe_findings(browser_page) == [], language

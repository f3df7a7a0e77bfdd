"""The title a reader sees in the browser's tab and history: the page's title, then the site's
name, and the name only once."""

import pytest

from core.tests.helpers import soup

pytestmark = pytest.mark.django_db


def title_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response).title.get_text()


def test_the_home_page_named_like_the_site_says_its_name_once(client, site_tree):
    for home in (site_tree.home, site_tree.home_en):
        home.title = "Connective Cities"
        home.save_revision().publish()
    assert title_of(client, "/") == "Connective Cities"
    assert title_of(client, "/en/") == "Connective Cities"


def test_other_pages_carry_the_site_name_after_their_own(client, site_tree):
    assert title_of(client, site_tree.news_index.url) == "Aktuelles – Connective Cities"
    assert title_of(client, site_tree.news_index_en.url) == "News – Connective Cities"
    home = site_tree.home
    home.seo_title = "Kommunen lernen voneinander"
    home.save_revision().publish()
    assert title_of(client, "/") == "Kommunen lernen voneinander – Connective Cities"

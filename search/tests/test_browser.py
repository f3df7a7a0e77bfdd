"""A reader searches from the header of any page, narrows the results and opens one."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import build_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_searches_filters_and_opens_a_result(browser_page):
    build_content()
    page = browser_page

    page.goto("/")
    page.locator("header #site-search-q").fill("Pandemie")
    page.locator("header #site-search-q").press("Enter")

    expect(page).to_have_url(re.compile(r"/suche/\?q=Pandemie#ergebnisse$"))
    expect(page.locator("#ergebnisse")).to_contain_text("2")
    expect(page.locator(".search-result mark", has_text="Pandemiefolgen")).to_be_visible()
    expect(page.locator("meta[name=robots]")).to_have_attribute("content", "noindex")

    page.locator("#search-type").select_option("video")
    page.locator("main form[role=search] button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/suche/\?q=Pandemie&type=video&topic=#ergebnisse$"))
    results = page.locator("ol.search-results__list .search-result__title a")
    expect(results).to_have_count(1)
    expect(results).to_have_text("Pandemie im Rathaus")
    results.click()

    expect(page).to_have_url(re.compile(r"/videos/pandemie-im-rathaus/$"))
    expect(page.locator("h1")).to_have_text("Pandemie im Rathaus")


def test_an_english_reader_searches_in_english(browser_page):
    build_content()
    page = browser_page

    page.goto("/en/")
    page.locator("header #site-search-q").fill("pandemic")
    page.locator("header #site-search-q").press("Enter")

    expect(page).to_have_url(re.compile(r"/en/search/\?q=pandemic#ergebnisse$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    titles = page.locator("ol.search-results__list .search-result__title")
    expect(titles).to_have_count(2)
    assert sorted(" ".join(t.split()) for t in titles.all_inner_texts()) == [
        "Connective Cities COVID-19 Programme 2021", "The pandemic at the town hall"]

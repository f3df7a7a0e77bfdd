"""A reader, in real Chromium, narrows the news down with the filter form, pages on, opens the
archive, and finds the feed the page announces."""

import datetime
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from conftest import build_site_tree
from news.tests.helpers import add_news, add_video, in_language, results
from topics.factories import TopicPageFactory


def query_of(url):
    return {name: values[-1] for name, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.browser
def test_reader_filters_pages_and_follows_the_archive_and_feed(browser_page, live_server):
    tree = build_site_tree()
    host, port = urlsplit(live_server.url).hostname, urlsplit(live_server.url).port
    tree.site.hostname, tree.site.port = host, port
    tree.site.save()
    crisis = TopicPageFactory(parent=tree.topic_index, title="Krisenmanagement",
                              slug="krisenmanagement")
    other = TopicPageFactory(parent=tree.topic_index, title="Innovation", slug="innovation")
    for day in range(1, 13):
        add_news(tree, f"Krise {day:02d}.07.", datetime.date(2021, 7, day), topics=[crisis])
    add_news(tree, "Krise im Mai", datetime.date(2021, 5, 4), topics=[crisis])
    add_news(tree, "Innovation im Juli", datetime.date(2021, 7, 20), topics=[other])
    add_video(tree, "Krisenvideo", datetime.date(2021, 7, 30), topics=[crisis])
    foreign_requests = []
    browser_page.on("request", lambda request: request.url.startswith(live_server.url)
                    or foreign_requests.append(request.url))

    browser_page.goto("/aktuelles/")
    main = browser_page.locator("main")
    assert main.locator(".listing-results__count").inner_text() == results(15)

    # Narrow down with the form: topic and content type, by their labels.
    browser_page.get_by_label(in_language("Topic", "de")).select_option("krisenmanagement")
    browser_page.get_by_label(in_language("Content type", "de")).select_option("news")
    browser_page.get_by_role("button", name=in_language("Show results", "de")).click()
    browser_page.wait_for_url("**/aktuelles/?*")
    assert query_of(browser_page.url) == {"topic": "krisenmanagement", "type": "news"}
    assert main.locator(".listing-results__count").inner_text() == results(13)
    assert main.locator(".teaser__title").first.inner_text() == "Krise 12.07."

    # Page on: the link keeps the filters.
    page_two = in_language("Page %(number)s", "de") % {"number": 2}
    browser_page.locator("nav.pagination").get_by_role("link", name=page_two, exact=True).click()
    browser_page.wait_for_url("**page=2*")
    assert query_of(browser_page.url) == {"topic": "krisenmanagement", "type": "news",
                                          "page": "2"}
    assert main.locator(".teaser__title").all_inner_texts() == [
        "Krise 02.07.", "Krise 01.07.", "Krise im Mai"
    ]

    # The archive: May 2021 of this topic and type.
    browser_page.locator("nav.archive").get_by_role("link", name="Mai 2021").click()
    browser_page.wait_for_url("**month=5*")
    assert query_of(browser_page.url) == {"topic": "krisenmanagement", "type": "news",
                                          "year": "2021", "month": "5"}
    assert main.locator(".teaser__title").all_inner_texts() == ["Krise im Mai"]
    assert browser_page.get_by_label(in_language("Month", "de")).input_value() == "5"

    # The feed the page announces in its head is there and parses.
    feed_href = browser_page.locator('head link[type="application/rss+xml"]').get_attribute(
        "href")
    assert feed_href == f"{live_server.url}/aktuelles/feed/rss/"
    feed = browser_page.request.get(feed_href)
    parsed = feedparser.parse(feed.body())
    assert parsed.bozo == 0
    assert parsed.entries[0].title == "Krisenvideo"

    assert foreign_requests == []
    assert browser_page.context.cookies() == []

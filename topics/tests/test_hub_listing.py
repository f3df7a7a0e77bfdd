"""A topic hub lists its own news items and videos together, newest first, page by page."""

import datetime

import pytest

from core.tests.helpers import soup
from news.tests.helpers import add_news, add_video, result_count, results, titles
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded_hub(site_tree):
    """A hub with 14 news items and 4 videos over two months, and a neighbouring topic."""
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Krisenmanagement")
    other = TopicPageFactory(parent=site_tree.topic_index, title="Innovation")
    for day in range(1, 15):
        add_news(site_tree, f"Meldung {day:02d}", datetime.date(2021, 7, day), topics=[topic])
    for day in (3, 6, 9, 12):
        add_video(site_tree, f"Video {day:02d}", datetime.date(2021, 8, day), topics=[topic])
    add_news(site_tree, "Anderes Thema", datetime.date(2021, 9, 1), topics=[other])
    add_video(site_tree, "Anderes Video", datetime.date(2021, 9, 2), topics=[other])
    return topic


def test_a_hub_lists_its_news_and_videos_page_by_page(crowded_hub, client):
    first = client.get(crowded_hub.url)
    second = client.get(crowded_hub.url, {"page": "2"})

    assert result_count(first) == results(18)
    assert titles(first) == [
        "Video 12", "Video 09", "Video 06", "Video 03",
        *[f"Meldung {day:02d}" for day in range(14, 8, -1)],
    ]
    assert titles(second) == [f"Meldung {day:02d}" for day in range(8, 0, -1)]
    pagination = soup(first).select_one("nav.pagination")
    assert pagination.select_one('a[rel="next"]')["href"] == "?page=2"
    assert [a.get_text(strip=True) for a in pagination.select("a:not([rel])")] == ["1", "2"]
    assert soup(second).select_one('nav.pagination a[rel="prev"]')["href"] == crowded_hub.url


@pytest.mark.parametrize("page_number", ["abc", "99999", "-1", "9" * 5000])
def test_a_hub_falls_back_on_bad_page_numbers(crowded_hub, client, page_number):
    response = client.get(crowded_hub.url, {"page": page_number})

    assert response.status_code == 200
    assert len(titles(response)) in (8, 10)


def test_a_bad_page_number_is_served_from_the_cached_page_it_falls_back_on(
        crowded_hub, client, monkeypatch):
    from topics.models import TopicPage

    crowded_hub.save_revision().publish()  # a live revision: its fragments are cached
    first = client.get(crowded_hub.url).content
    built = []
    real = TopicPage.listing_items
    monkeypatch.setattr(TopicPage, "listing_items",
                        lambda self: built.append(1) or real(self))

    for page_number in ("abc", "1", "x" * 300):
        assert client.get(crowded_hub.url, {"page": page_number}).content == first

    assert built == []

import datetime

import pytest
from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from core.factories import ImageFactory, translate_page
from core.tests.helpers import (
    PUBLIC_PAGE_QUERY_BUDGET,
    assert_accessible_page,
    assert_nothing_loads_from_video_hosts,
    link_texts,
    soup,
    warm_and_count,
)
from home.factories import HomePageFeaturedTopicFactory
from home.models import HomePage
from news.factories import NewsPageFactory
from topics.factories import TopicPageFactory
from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def sync_english_home(tree):
    """What a translation sync does: the English home page gets the synchronised featured
    video and topics of the German one, which point at the German pages."""
    tree.home_en.featured_topics.all().delete()
    for link in tree.home.featured_topics.all():
        HomePageFeaturedTopicFactory(page=tree.home_en, topic=link.topic)
    tree.home_en.featured_video = tree.home.featured_video
    tree.home_en.save_revision().publish()


def make_home_content(tree, *, news_count=4, topic_count=2):
    """News (the oldest first), featured topics and a featured video; the newest news item,
    the first topic and the video are translated into English."""
    news = [
        NewsPageFactory(parent=tree.news_index, title=f"Meldung {i}",
                        dated=datetime.date(2021, 7, 20 + i), lead_image=ImageFactory())
        for i in range(news_count)
    ]
    topics = [
        TopicPageFactory(parent=tree.topic_index, title=f"Thema {i}", image=ImageFactory())
        for i in range(topic_count)
    ]
    for topic in topics:
        HomePageFeaturedTopicFactory(page=tree.home, topic=topic)
    video = VideoPageFactory(parent=tree.video_index, title="Informationsvideo",
                             poster=ImageFactory(),
                             video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    tree.home.featured_video = video
    tree.home.save_revision().publish()
    sync_english_home(tree)
    translate_page(news[-1], title="News item in English")
    translate_page(topics[0], title="Topic in English")
    translate_page(video, title="Information video")
    return news, topics, video


def test_home_page_renders_in_german_and_english(site_tree, client):
    german = assert_accessible_page(client.get("/"), "de")
    english = assert_accessible_page(client.get("/en/"), "en")

    assert german.h1.get_text(strip=True) == "Startseite"
    assert english.h1.get_text(strip=True) == "Home"


def test_main_menu_leads_to_the_three_indexes_in_the_readers_language(site_tree, client):
    german = soup(client.get("/"))
    english = soup(client.get("/en/"))

    assert link_texts(german, ".main-menu") == ["Aktuelles", "Themen", "Videos"]
    assert link_texts(english, ".main-menu") == ["News", "Topics", "Videos"]
    assert [a["href"] for a in english.select(".main-menu a")] == [
        "/en/news/", "/en/topics/", "/en/videos/"
    ]


def test_home_page_shows_latest_news_featured_topics_and_video(site_tree, client):
    news, topics, video = make_home_content(site_tree)

    document = assert_nothing_loads_from_video_hosts(client.get("/"))

    # The three newest news items, newest first; the oldest is left out.
    assert [h.get_text(strip=True) for h in document.select(".teaser__title")] == [
        "Meldung 3", "Meldung 2", "Meldung 1"
    ]
    assert link_texts(document, ".topic-list") == ["Thema 0", "Thema 1"]
    placeholder = document.select_one("[data-video-consent] [data-embed-url]")
    assert placeholder["data-embed-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
    assert document.find("a", href=video.url) is not None


def test_english_home_page_shows_english_items_only(site_tree, client):
    make_home_content(site_tree)

    document = soup(client.get("/en/"))

    assert [h.get_text(strip=True) for h in document.select(".teaser__title")] == [
        "News item in English"
    ]
    assert link_texts(document, ".topic-list") == ["Topic in English"]
    video_link = document.select_one("#featured-video ~ p a")
    assert video_link["href"].startswith("/en/videos/")


def test_home_page_dates_follow_the_readers_language(site_tree, client):
    NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 7, 27))
    english_news = NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 7, 27))
    translate_page(english_news, title="Programme 2021")

    german_dates = soup(client.get("/")).select(".teaser__date time")
    english_dates = soup(client.get("/en/")).select(".teaser__date time")

    assert [d.get_text() for d in german_dates] == ["27.07.2021", "27.07.2021"]
    assert [d.get_text() for d in english_dates] == ["27 July 2021"]
    assert english_dates[0]["datetime"] == "2021-07-27"


def test_without_featured_content_the_home_page_still_renders(site_tree, client):
    document = soup(client.get("/"))

    assert document.select(".teaser") == []
    assert document.find(id="featured-video") is None


def test_a_plain_page_view_sets_no_cookie(site_tree, client):
    """The front cache may serve the same HTML to every anonymous reader."""
    response = client.get("/")

    assert response.status_code == 200
    assert not response.cookies


# Fixed numbers: a home page costs the same, whatever the number of news and topics.


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_query_count_does_not_grow_with_content(site_tree, client, language):
    url = "/" if language == "de" else "/en/"

    def grow(count):
        for _ in range(count):
            topic = TopicPageFactory(parent=site_tree.topic_index, image=ImageFactory())
            HomePageFeaturedTopicFactory(page=site_tree.home, topic=topic)
            news = NewsPageFactory(parent=site_tree.news_index, lead_image=ImageFactory(),
                                   topics=[topic])
            translate_page(topic, title=f"{topic.title} (en)")
            translate_page(news, title=f"{news.title} (en)")
        sync_english_home(site_tree)

    make_home_content(site_tree, news_count=1, topic_count=1)
    grow(2)
    small = warm_and_count(client, url)
    grow(9)
    large = warm_and_count(client, url)

    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


class TestHomePageRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_page_holds_the_indexes_but_no_items(self):
        for index in ("news.NewsIndexPage", "topics.TopicIndexPage", "videos.VideoIndexPage"):
            self.assertCanCreateAt(HomePage, apps.get_model(index))
        for item in ("news.NewsPage", "topics.TopicPage", "videos.VideoPage"):
            self.assertCanNotCreateAt(HomePage, apps.get_model(item))

import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from core.factories import ContactFactory, ImageFactory, translate_page, translate_snippet
from core.tests.helpers import (
    PUBLIC_PAGE_QUERY_BUDGET,
    assert_accessible_page,
    soup,
    warm_and_count,
)
from home.models import HomePage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from topics.factories import TopicPageFactory
from topics.models import TopicIndexPage, TopicPage
from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def teaser_titles(response):
    return [h.get_text(strip=True) for h in soup(response).select(".teaser__title")]


def contact_names(response):
    return [p.get_text(strip=True) for p in soup(response).select(".contact-card__name")]


@pytest.fixture
def hub(site_tree):
    """A topic hub with news, a video and contacts, and a second topic with its own news."""
    contact = ContactFactory(name="Dr. Anna Schmidt", role="Projektleitung",
                             email="anna.schmidt@example.org")
    unpublished_contact = ContactFactory(name="Noch nicht freigegeben", live=False)
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Krisenmanagement",
                             image=ImageFactory(), contacts=[contact, unpublished_contact])
    other = TopicPageFactory(parent=site_tree.topic_index, title="Innovation")
    news = NewsPageFactory(parent=site_tree.news_index, title="Krisenstab in Bonn",
                           topics=[topic], dated=datetime.date(2021, 7, 27))
    NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch", topics=[topic],
                    dated=datetime.date(2021, 7, 1))
    NewsPageFactory(parent=site_tree.news_index, title="Anderes Thema", topics=[other])
    NewsPageFactory(parent=site_tree.news_index, title="Entwurf", topics=[topic], live=False,
                    first_published_at=None)
    video = VideoPageFactory(parent=site_tree.video_index, title="Video zum Krisenstab",
                             topics=[topic])
    english = translate_page(topic, title="Crisis management", slug="crisis-management")
    translate_page(news, title="Crisis team in Bonn")
    translate_page(video, title="Video on the crisis team")
    translate_snippet(contact, role="Project lead")
    return topic, english


def test_topic_hub_renders_in_german_and_english(hub, client):
    german, english = hub

    german_page = assert_accessible_page(client.get(german.url), "de")
    english_page = assert_accessible_page(client.get(english.url), "en")

    assert german.url == "/themen/krisenmanagement/"
    assert english.url == "/en/topics/crisis-management/"
    assert german_page.h1.get_text(strip=True) == "Krisenmanagement"
    assert english_page.h1.get_text(strip=True) == "Crisis management"


def test_topic_hub_lists_its_live_news_and_videos(hub, client):
    german, _ = hub

    titles = teaser_titles(client.get(german.url))

    assert set(titles) == {"Krisenstab in Bonn", "Nur Deutsch", "Video zum Krisenstab"}
    assert titles.index("Krisenstab in Bonn") < titles.index("Nur Deutsch")


def test_english_topic_hub_lists_english_items_only(hub, client):
    _, english = hub

    response = client.get(english.url)

    assert set(teaser_titles(response)) == {"Crisis team in Bonn", "Video on the crisis team"}
    links = [a["href"] for a in soup(response).select(".teaser__title a")]
    assert links and all(link.startswith("/en/") for link in links)
    assert "27 July 2021" in [t.get_text() for t in soup(response).select(".teaser__date time")]


def test_topic_hub_lists_its_published_contacts_in_the_readers_language(hub, client):
    german, english = hub

    german_page = soup(client.get(german.url))
    english_page = soup(client.get(english.url))

    assert contact_names(client.get(german.url)) == ["Dr. Anna Schmidt"]
    assert german_page.select_one(".contact-card__role").get_text(strip=True).startswith(
        "Projektleitung"
    )
    assert english_page.select_one(".contact-card__role").get_text(strip=True).startswith(
        "Project lead"
    )


def test_topic_hub_shows_contact_email_only_obfuscated(hub, client):
    german, english = hub

    for page in (german, english):
        html = client.get(page.url).content.decode()
        assert "anna.schmidt(at)example.org" in html.replace("<wbr>", "")
        assert "anna.schmidt@example.org" not in html
        assert "mailto:" not in html.lower()


def test_topic_index_lists_live_hubs_of_its_language(hub, site_tree, client):
    TopicPageFactory(parent=site_tree.topic_index, title="Entwurfsthema", live=False,
                     first_published_at=None)

    german = client.get(site_tree.topic_index.url)
    english = client.get(site_tree.topic_index_en.url)

    assert_accessible_page(german, "de")
    assert_accessible_page(english, "en")
    assert teaser_titles(german) == ["Innovation", "Krisenmanagement"]
    assert teaser_titles(english) == ["Crisis management"]


def test_topic_hub_survives_bad_page_numbers(hub, client):
    german, english = hub

    for page_number in ["abc", "99999", "-1", "0", "1.5", "", "%00"]:
        assert set(teaser_titles(client.get(german.url, {"page": page_number}))) == {
            "Krisenstab in Bonn", "Nur Deutsch", "Video zum Krisenstab"
        }, page_number
        assert client.get(english.url, {"page": page_number}).status_code == 200, page_number


def test_topic_hub_pages_through_many_news_items(site_tree, client):
    topic = TopicPageFactory(parent=site_tree.topic_index)
    for day in range(1, 13):
        NewsPageFactory(parent=site_tree.news_index, title=f"Juli {day}", topics=[topic],
                        dated=datetime.date(2021, 7, day))

    first = teaser_titles(client.get(topic.url))
    last = teaser_titles(client.get(topic.url, {"page": "99999"}))

    assert len(first) == 10 and first[0] == "Juli 12"
    assert last == ["Juli 2", "Juli 1"]


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_topic_index_query_count_does_not_grow_with_hubs(site_tree, client, language):
    index = site_tree.topic_index if language == "de" else site_tree.topic_index_en

    def grow(count):
        for _ in range(count):
            topic = TopicPageFactory(parent=site_tree.topic_index, image=ImageFactory())
            translate_page(topic, title=f"{topic.title} (en)")

    grow(3)
    small = warm_and_count(client, index.url)
    grow(9)
    large = warm_and_count(client, index.url)

    assert len(teaser_titles(client.get(index.url))) == 12
    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


def hub_with_items(tree, size, language):
    """A hub with `size` news items, `size` videos and `size` contacts, all with images."""
    contacts = [ContactFactory(photo=ImageFactory()) for _ in range(size)]
    topic = TopicPageFactory(parent=tree.topic_index, image=ImageFactory(), contacts=contacts)
    items = []
    for i in range(size):
        # News and videos alternate in time, so every page of the listing shows both kinds.
        news_day = datetime.date(2021, 1, 2 * i + 1)
        video_day = datetime.datetime(2021, 1, 2 * i + 2, 9, tzinfo=datetime.UTC)
        items += [
            NewsPageFactory(parent=tree.news_index, topics=[topic], lead_image=ImageFactory(),
                            dated=news_day),
            VideoPageFactory(parent=tree.video_index, topics=[topic], poster=ImageFactory(),
                             first_published_at=video_day),
        ]
    if language == "de":
        return topic
    for item in items:
        # Keep the dates of the source, so the English listing mixes both kinds too.
        translate_page(item, title=f"{item.title} (en)",
                       first_published_at=item.first_published_at)
    for contact in contacts:
        translate_snippet(contact, role="Project lead")
    return translate_page(topic, title=f"{topic.title} (en)")


@pytest.mark.parametrize("language", ["de", "en"])
def test_topic_hub_query_count_does_not_grow_with_its_items(site_tree, client, language):
    small_hub = hub_with_items(site_tree, 3, language)
    large_hub = hub_with_items(site_tree, 12, language)

    small = warm_and_count(client, small_hub.url)
    large = warm_and_count(client, large_hub.url)

    assert len(contact_names(client.get(large_hub.url))) == 12
    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


# --- Where topics may be created ---------------------------------------------------------------

class TestTopicPageRules(WagtailPageTestCase):
    def test_topic_index_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(TopicIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TopicIndexPage, {TopicPage})

    def test_topic_hubs_sit_in_the_topic_index_only(self):
        self.assertAllowedParentPageTypes(TopicPage, {TopicIndexPage})
        self.assertAllowedSubpageTypes(TopicPage, set())
        for parent in (HomePage, NewsIndexPage, TopicPage):
            self.assertCanNotCreateAt(parent, TopicPage)


def test_a_home_page_has_one_topic_index_only(site_tree):
    assert not TopicIndexPage.can_create_at(site_tree.home)
    assert TopicPage.can_create_at(site_tree.topic_index)

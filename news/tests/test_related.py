""""Verwandte Inhalte": editor-chosen items first, then the newest news sharing a topic."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from core.factories import translate_page
from core.tests.helpers import soup
from news.factories import NewsPageFactory, NewsPageRelatedLinkFactory
from news.related import RELATED_LIMIT, related_content
from topics.factories import TopicPageFactory
from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def titles(pages):
    return [page.title for page in pages]


def news(tree, title, day, topics=(), **kwargs):
    return NewsPageFactory(parent=tree.news_index, title=title, topics=list(topics),
                           dated=datetime.date(2021, 7, day), **kwargs)


def choose(page, *related_pages):
    for related in related_pages:
        NewsPageRelatedLinkFactory(page=page, related_page=related)


@pytest.fixture
def topics(site_tree):
    health = TopicPageFactory(parent=site_tree.topic_index, title="Gesundheit")
    economy = TopicPageFactory(parent=site_tree.topic_index, title="Wirtschaft")
    return health, economy


def test_chosen_items_come_first_then_newest_news_sharing_a_topic(site_tree, topics):
    health, economy = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    older = news(site_tree, "Ältere Meldung", 1, [health])
    news(site_tree, "Neuere Meldung", 9, [health])
    news(site_tree, "Neueste Meldung", 20, [health])
    news(site_tree, "Andere Meldung", 15, [economy])
    chosen_video = VideoPageFactory(parent=site_tree.video_index, title="Gewähltes Video")
    choose(page, chosen_video, older)

    related = related_content(page)

    assert titles(related) == ["Gewähltes Video", "Ältere Meldung", "Neueste Meldung",
                               "Neuere Meldung"]


def test_related_content_is_limited(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    for day in range(1, 8):
        news(site_tree, f"Meldung {day}", day, [health])

    related = related_content(page)

    assert len(related) == RELATED_LIMIT == 4
    assert titles(related) == ["Meldung 7", "Meldung 6", "Meldung 5", "Meldung 4"]


def test_many_chosen_items_leave_no_room_for_automatic_ones(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    chosen = [news(site_tree, f"Gewählt {day}", day, []) for day in range(1, 6)]
    news(site_tree, "Gleiches Thema", 20, [health])
    choose(page, *chosen)

    assert titles(related_content(page)) == ["Gewählt 1", "Gewählt 2", "Gewählt 3", "Gewählt 4"]


def test_never_the_page_itself(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    sibling = news(site_tree, "Nachbar", 5, [health])
    choose(page, page, sibling)

    related = related_content(page)

    assert titles(related) == ["Nachbar"]


def test_an_item_both_chosen_and_sharing_a_topic_appears_once(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    sibling = news(site_tree, "Nachbar", 5, [health])
    choose(page, sibling)

    assert titles(related_content(page)) == ["Nachbar"]


def test_an_item_sharing_two_topics_appears_once(site_tree, topics):
    page = news(site_tree, "Hauptmeldung", 10, topics)
    news(site_tree, "Beide Themen", 5, topics)

    assert titles(related_content(page)) == ["Beide Themen"]


def test_never_unpublished_pages(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    chosen_draft = news(site_tree, "Gewählter Entwurf", 4, [], live=False)
    news(site_tree, "Entwurf zum Thema", 5, [health], live=False)
    news(site_tree, "Veröffentlicht", 3, [health])
    choose(page, chosen_draft)

    assert titles(related_content(page)) == ["Veröffentlicht"]


def test_never_private_pages(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    private_chosen = news(site_tree, "Intern gewählt", 4, [])
    private_by_topic = news(site_tree, "Intern zum Thema", 5, [health])
    for private in (private_chosen, private_by_topic):
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )
    news(site_tree, "Öffentlich", 3, [health])
    choose(page, private_chosen)

    assert titles(related_content(page)) == ["Öffentlich"]


def test_never_pages_in_a_private_section(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    private_video = VideoPageFactory(parent=site_tree.video_index, title="Internes Video")
    PageViewRestriction.objects.create(
        page=site_tree.video_index, restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    choose(page, private_video)

    assert related_content(page) == []


def test_related_content_is_in_the_readers_language(site_tree, topics):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    chosen = news(site_tree, "Gewählt", 2, [])
    untranslated_chosen = news(site_tree, "Gewählt, nur Deutsch", 3, [])
    sibling = news(site_tree, "Nachbar", 5, [health])
    news(site_tree, "Nachbar, nur Deutsch", 6, [health])
    choose(page, chosen, untranslated_chosen)
    translate_page(health, title="Health")
    translate_page(chosen, title="Chosen")
    translate_page(sibling, title="Neighbour")
    english = translate_page(page, title="Main story")

    assert titles(related_content(page)) == [
        "Gewählt", "Gewählt, nur Deutsch", "Nachbar, nur Deutsch", "Nachbar"
    ]
    related = related_content(english)
    assert titles(related) == ["Chosen", "Neighbour"]
    assert all(item.locale.language_code == "en" for item in related)


def test_the_page_shows_its_related_content_with_dates(site_tree, topics, client):
    health, _ = topics
    page = news(site_tree, "Hauptmeldung", 10, [health])
    sibling = news(site_tree, "Nachbar", 5, [health])
    translate_page(health, title="Health")
    translate_page(sibling, title="Neighbour")
    english = translate_page(page, title="Main story")

    german_section = soup(client.get(page.url)).select_one(".related-content")
    english_section = soup(client.get(english.url)).select_one(".related-content")

    assert german_section.h2["id"] == german_section["aria-labelledby"]
    assert [a["href"] for a in german_section.select("a")] == [sibling.url]
    assert german_section.time.get_text() == "05.07.2021"
    assert [a.get_text() for a in english_section.select("a")] == ["Neighbour"]
    assert english_section.select_one("a")["href"].startswith("/en/")
    assert english_section.time.get_text() == "5 July 2021"


def test_without_related_content_the_section_is_left_out(site_tree, topics, client):
    health, _ = topics
    page = news(site_tree, "Einzelmeldung", 10, [health])

    assert soup(client.get(page.url)).select(".related-content") == []

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from core.factories import (
    AuthorFactory,
    ContactFactory,
    ImageFactory,
    translate_page,
    translate_snippet,
)
from core.tests.helpers import (
    PUBLIC_PAGE_QUERY_BUDGET,
    assert_accessible_page,
    soup,
    warm_and_count,
)
from home.models import HomePage
from news.factories import NewsPageFactory, NewsPageRelatedLinkFactory
from news.models import NewsIndexPage, NewsPage
from topics.factories import TopicPageFactory
from topics.models import TopicPage
from videos.factories import VideoPageFactory
from videos.models import VideoIndexPage

pytestmark = pytest.mark.django_db

NOTICE_DATE = datetime.date(2021, 7, 27)


def teaser_titles(response):
    return [h.get_text(strip=True) for h in soup(response).select(".teaser__title")]


@pytest.fixture
def notice(site_tree):
    """The programme notice, with its English translation."""
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Krisenmanagement")
    translate_page(topic, title="Crisis management", slug="crisis-management")
    byline = AuthorFactory(name="Redaktion Connective Cities")
    translate_snippet(byline, name="Editorial team Connective Cities")
    german = NewsPageFactory(
        parent=site_tree.news_index,
        title="Connective Cities COVID-19 Programm 2021",
        subtitle="Kommunale Strategien zur Bewältigung der Pandemiefolgen",
        dated=NOTICE_DATE,
        lead_image=ImageFactory(),
        lead_image_caption="Workshop in Bonn",
        lead_image_credit="Connective Cities",
        byline=byline,
        topics=[topic],
    )
    english = translate_page(
        german,
        title="Connective Cities COVID-19 Programme 2021",
        slug="connective-cities-covid-19-programme-2021",
        subtitle="Municipal strategies for coping with the consequences of the pandemic",
        lead_image_caption="Workshop in Bonn (en)",
    )
    return german, english


def test_news_item_renders_in_german(notice, client):
    german, _english = notice

    document = assert_accessible_page(client.get(german.url), "de")

    assert german.url == "/aktuelles/connective-cities-covid-19-programm-2021/"
    assert document.h1.get_text(strip=True) == "Connective Cities COVID-19 Programm 2021"
    assert document.select_one(".article__date time").get_text() == "27.07.2021"
    assert document.select_one(".article__date time")["datetime"] == "2021-07-27"
    assert "Pandemiefolgen" in document.select_one(".article__subtitle").get_text()
    assert "Workshop in Bonn" in document.select_one(".article__lead-image figcaption").get_text()
    assert document.select_one(".byline__name").get_text() == "Redaktion Connective Cities"
    assert [a.get_text() for a in document.select(".article__topics a")] == ["Krisenmanagement"]
    assert document.select_one("a.back-to-top")["href"] == "#top"
    assert document.find(id="top") is not None


def test_news_item_renders_in_english_as_a_translation(notice, client):
    german, english = notice

    document = assert_accessible_page(client.get(english.url), "en")

    assert english.translation_key == german.translation_key
    assert english.url == "/en/news/connective-cities-covid-19-programme-2021/"
    assert document.h1.get_text(strip=True) == "Connective Cities COVID-19 Programme 2021"
    assert document.select_one(".article__date time").get_text() == "27 July 2021"
    assert document.select_one(".byline__name").get_text() == "Editorial team Connective Cities"
    topic_links = document.select(".article__topics a")
    assert [a.get_text() for a in topic_links] == ["Crisis management"]
    assert topic_links[0]["href"] == "/en/topics/crisis-management/"


def test_translations_link_to_each_other(notice, client):
    german, english = notice

    document = soup(client.get(german.url))

    switcher = {a["hreflang"]: a["href"] for a in document.select(".language-switcher a")}
    assert switcher == {"en": english.url}
    alternates = {link["hreflang"]: link["href"] for link in
                  document.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "de": "http://localhost" + german.url,
        "en": "http://localhost" + english.url,
        "x-default": "http://localhost" + german.url,
    }


def test_news_index_lists_live_public_news_newest_first(site_tree, client):
    for day in (1, 3, 2):
        NewsPageFactory(parent=site_tree.news_index, title=f"Juli {day}",
                        dated=datetime.date(2021, 7, day))
    NewsPageFactory(parent=site_tree.news_index, title="Entwurf", live=False,
                    first_published_at=None)
    private = NewsPageFactory(parent=site_tree.news_index, title="Intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    response = client.get(site_tree.news_index.url)

    assert_accessible_page(response, "de")
    assert teaser_titles(response) == ["Juli 3", "Juli 2", "Juli 1"]
    assert [t.get_text() for t in soup(response).select(".teaser__date time")] == [
        "03.07.2021", "02.07.2021", "01.07.2021"
    ]


def test_english_news_index_lists_english_news_only(site_tree, client):
    translated = NewsPageFactory(parent=site_tree.news_index, title="Übersetzt",
                                 dated=datetime.date(2021, 7, 27))
    NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch")
    translate_page(translated, title="Translated")

    english = client.get(site_tree.news_index_en.url)
    german = client.get(site_tree.news_index.url)

    assert_accessible_page(english, "en")
    assert teaser_titles(english) == ["Translated"]
    assert [t.get_text() for t in soup(english).select(".teaser__date time")] == ["27 July 2021"]
    assert sorted(teaser_titles(german)) == ["Nur Deutsch", "Übersetzt"]


def test_untranslated_news_item_has_no_english_url(site_tree, client):
    german_only = NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch")

    assert client.get(german_only.url).status_code == 200
    assert client.get(f"/en{german_only.url}").status_code == 404
    assert client.get(f"{site_tree.news_index_en.url}{german_only.slug}/").status_code == 404
    document = soup(client.get(german_only.url))
    assert document.select(".language-switcher") == []
    assert document.select('link[hreflang="en"]') == []


def test_unpublished_news_item_is_not_served(site_tree, client):
    draft = NewsPageFactory(parent=site_tree.news_index, live=False, first_published_at=None)

    assert client.get(f"{site_tree.news_index.url}{draft.slug}/").status_code == 404


BAD_PAGE_NUMBERS = ["abc", "99999", "-1", "0", "1.5", "", "%00", "1e3", "２"]


def test_news_index_survives_bad_page_numbers(site_tree, client):
    for day in range(1, 13):
        NewsPageFactory(parent=site_tree.news_index, title=f"Juli {day}",
                        dated=datetime.date(2021, 7, day))
    first_page = [f"Juli {day}" for day in range(12, 2, -1)]
    last_page = ["Juli 2", "Juli 1"]

    for page_number in BAD_PAGE_NUMBERS:
        for index in (site_tree.news_index, site_tree.news_index_en):
            response = client.get(index.url, {"page": page_number})
            assert response.status_code == 200, (index.url, page_number)
        titles = teaser_titles(client.get(site_tree.news_index.url, {"page": page_number}))
        assert titles in (first_page, last_page), page_number


def test_news_index_second_page(site_tree, client):
    for day in range(1, 13):
        NewsPageFactory(parent=site_tree.news_index, title=f"Juli {day}",
                        dated=datetime.date(2021, 7, day))

    first = client.get(site_tree.news_index.url)
    second = client.get(site_tree.news_index.url, {"page": "2"})

    assert len(teaser_titles(first)) == 10
    assert teaser_titles(second) == ["Juli 2", "Juli 1"]
    assert soup(first).select_one('.pagination a[rel="next"]')["href"] == "?page=2#ergebnisse"


# --- The date ----------------------------------------------------------------------------------

def test_news_date_defaults_to_the_first_publication_date(site_tree):
    draft = NewsPageFactory(parent=site_tree.news_index, live=False, first_published_at=None)
    assert draft.date is None

    draft.save_revision().publish()

    published = NewsPage.objects.get(pk=draft.pk)
    assert published.first_published_at is not None
    assert published.date == timezone.localdate(published.first_published_at)


def test_news_date_stays_editable_after_publication(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, live=False, first_published_at=None)
    page.save_revision().publish()
    page = NewsPage.objects.get(pk=page.pk)
    first_published_at = page.first_published_at

    page.date = NOTICE_DATE
    page.save_revision().publish()

    page = NewsPage.objects.get(pk=page.pk)
    assert page.date == NOTICE_DATE
    assert page.first_published_at == first_published_at
    assert soup(client.get(page.url)).select_one(".article__date time").get_text() == "27.07.2021"


def test_a_date_given_before_publication_is_kept(site_tree):
    draft = NewsPageFactory(parent=site_tree.news_index, live=False, first_published_at=None,
                            date=NOTICE_DATE)

    draft.save_revision().publish()

    assert NewsPage.objects.get(pk=draft.pk).date == NOTICE_DATE


# --- Query counts ------------------------------------------------------------------------------
# Fixed numbers: a page costs the same whatever the number of items it lists.


@pytest.mark.parametrize("language", ["de", "en"])
def test_news_index_query_count_does_not_grow_with_items(site_tree, client, language):
    index = site_tree.news_index if language == "de" else site_tree.news_index_en

    days = iter(range(1, 32))

    def grow(count):
        # The index lists videos beside the news; the two alternate in time, so every page
        # of the listing shows both kinds.
        for _ in range(count):
            news = NewsPageFactory(parent=site_tree.news_index, lead_image=ImageFactory(),
                                   dated=datetime.date(2021, 7, next(days)))
            video = VideoPageFactory(parent=site_tree.video_index, poster=ImageFactory(),
                                     first_published_at=datetime.datetime(
                                         2021, 7, next(days), 9, tzinfo=datetime.UTC))
            translate_page(news, title=f"{news.title} (en)")
            translate_page(video, title=f"{video.title} (en)",
                           first_published_at=video.first_published_at)

    grow(2)
    small = warm_and_count(client, index.url)
    grow(4)
    large = warm_and_count(client, index.url)

    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


def news_item_with_relations(tree, size, language):
    """A news item with `size` topics, contacts (with photos) and news sharing its topics,
    and one editor-chosen related page; in German or as its English translation."""
    topics = [TopicPageFactory(parent=tree.topic_index) for _ in range(size)]
    contacts = [ContactFactory(photo=ImageFactory()) for _ in range(size)]
    neighbours = [
        NewsPageFactory(parent=tree.news_index, topics=[topic], lead_image=ImageFactory())
        for topic in topics
    ]
    page = NewsPageFactory(parent=tree.news_index, topics=topics, contacts=contacts,
                           byline=AuthorFactory(), lead_image=ImageFactory())
    NewsPageRelatedLinkFactory(page=page, related_page=neighbours[0])
    if language == "de":
        return page
    for item in [*topics, *neighbours]:
        translate_page(item, title=f"{item.title} (en)")
    for contact in contacts:
        translate_snippet(contact, role="Project lead")
    return translate_page(page, title=f"{page.title} (en)")


@pytest.mark.parametrize("language", ["de", "en"])
def test_news_item_query_count_does_not_grow_with_relations(site_tree, client, language):
    small_page = news_item_with_relations(site_tree, 3, language)
    large_page = news_item_with_relations(site_tree, 12, language)

    small = warm_and_count(client, small_page.url)
    large = warm_and_count(client, large_page.url)

    assert len(soup(client.get(large_page.url)).select(".contact-card")) == 12
    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


# --- Where news may be created -----------------------------------------------------------------

class TestNewsPageRules(WagtailPageTestCase):
    def test_news_index_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_news_items_sit_in_the_news_index_only(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        for parent in (HomePage, TopicPage, VideoIndexPage, NewsPage):
            self.assertCanNotCreateAt(parent, NewsPage)


def test_a_home_page_has_one_news_index_only(site_tree):
    assert not NewsIndexPage.can_create_at(site_tree.home)
    assert NewsPage.can_create_at(site_tree.news_index)
    assert not NewsPage.can_create_at(site_tree.home)

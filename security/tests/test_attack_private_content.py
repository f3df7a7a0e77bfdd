"""Pages behind a login or a password never show up where anonymous readers look: listings,
related content, featured topics, search, feeds, the sitemap, hreflang links, the language
switcher or the footer. Each check first sees the page while it is public (so it cannot pass
by looking in the wrong place), then restricts it and looks again."""

import pytest
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from home.models import HomePage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage, NewsPage, NewsPageRelatedLink
from pages.models import StandardPage
from topics.models import TopicPage

LOGIN = PageViewRestriction.LOGIN
PASSWORD = PageViewRestriction.PASSWORD


def restrict(page, kind):
    PageViewRestriction.objects.create(page=page, restriction_type=kind,
                                       password="geheim-2021" if kind == PASSWORD else "")


def anonymous_views(urls):
    client = Client()
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = response.content.decode()
    return texts


def where_shown(texts, *needles):
    return sorted(url for url, text in texts.items() if any(needle in text for needle in needles))


@pytest.fixture
def secret_news(users):
    """A German news item in a topic, linked as related content from another news item."""
    de = Locale.objects.get(language_code="de")
    news_index = NewsIndexPage.objects.get(locale=de)
    topic = TopicPage.objects.filter(locale=de).order_by("pk").first()
    secret = NewsPageFactory(parent=news_index, title="Vertrauliche Lagebesprechung Kommunen",
                             slug="vertrauliche-lagebesprechung", topics=[topic])
    secret.save_revision().publish()
    neighbour = NewsPage.objects.live().filter(locale=de).exclude(pk=secret.pk).first()
    NewsPageRelatedLink.objects.create(page=neighbour, related_page=secret)
    neighbour.topics.add(topic)
    return NewsPage.objects.get(pk=secret.pk), neighbour, topic


@pytest.mark.parametrize("kind", [LOGIN, PASSWORD])
def test_a_restricted_news_item_vanishes_from_listings_related_search_feeds_and_sitemap(
    secret_news, kind
):
    secret, neighbour, topic = secret_news
    urls = [
        secret.get_parent().url, secret.get_parent().url + "feed/rss/",
        secret.get_parent().url + "feed/atom/", topic.url, topic.url + "feed/rss/",
        neighbour.url, "/suche/?q=Lagebesprechung", "/sitemap-pages.xml", "/",
    ]
    public = where_shown(anonymous_views(urls), secret.title, secret.url)
    assert set(public) >= set(urls) - {"/"}, public

    restrict(secret, kind)
    assert where_shown(anonymous_views(urls), secret.title, secret.url) == []


@pytest.mark.parametrize("kind", [LOGIN, PASSWORD])
def test_a_restricted_translation_is_no_hreflang_or_switcher_target(users, kind):
    de, en = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en")
    english = NewsPage.objects.live().filter(locale=en).first()
    german = english.get_translation(de)
    german_url = german.full_url
    english_url = english.full_url
    assert german_url in Client().get(english.url).content.decode()
    assert english_url in Client().get(german.url).content.decode()

    restrict(german, kind)
    text = Client().get(english.url).content.decode()
    assert german_url not in text and f'href="{german.url}"' not in text
    assert 'hreflang="de"' not in text


@pytest.mark.parametrize("kind", [LOGIN, PASSWORD])
def test_a_restricted_topic_hub_leaves_the_home_page_topic_index_and_filters(users, kind):
    de = Locale.objects.get(language_code="de")
    home = HomePage.objects.get(locale=de)
    featured = home.featured_topics.first().topic.specific
    urls = ["/", featured.get_parent().url, NewsIndexPage.objects.get(locale=de).url,
            "/suche/?q=" + featured.title.split()[0]]
    needles = (f'href="{featured.url}"', f'value="{featured.slug}"')
    assert len(where_shown(anonymous_views(urls), *needles)) >= 3

    restrict(featured, kind)
    assert where_shown(anonymous_views(urls), *needles) == []


@pytest.mark.parametrize("kind", [LOGIN, PASSWORD])
def test_a_restricted_footer_page_leaves_the_footer(users, kind):
    de = Locale.objects.get(language_code="de")
    footer_page = StandardPage.objects.live().filter(locale=de).exclude(
        kind=StandardPage.Kind.OTHER).first()
    assert footer_page is not None
    assert f'href="{footer_page.url}"' in Client().get("/").content.decode()

    restrict(footer_page, kind)
    assert f'href="{footer_page.url}"' not in Client().get("/").content.decode()

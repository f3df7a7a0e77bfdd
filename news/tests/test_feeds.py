"""RSS 2.0 and Atom feeds of all news and of each topic, in each language, as a feed reader
gets them: parsed by feedparser, with absolute links and dates, and nothing private, draft or
expired."""

import datetime
import zoneinfo

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from conftest import build_site_tree
from core.factories import AuthorFactory, translate_page, translate_snippet
from core.tests.helpers import PUBLIC_PAGE_QUERY_BUDGET, soup, warm_and_count
from news.models import NewsPage
from news.tests.helpers import add_news, add_video, at, built_once, fresh
from topics.factories import TopicPageFactory
from videos.models import VideoPage

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
HIDDEN = ["Entwurf", "Intern", "Abgelaufen", "Vom Planer beendet", "Privates Video"]


def build_feeds():
    tree = build_site_tree()
    tree.crisis = TopicPageFactory(parent=tree.topic_index, title="Krisenmanagement",
                                   slug="krisenmanagement")
    tree.other = TopicPageFactory(parent=tree.topic_index, title="Innovation", slug="innovation")
    tree.crisis_en = translate_page(tree.crisis, title="Crisis management")
    byline = AuthorFactory(name="Redaktion Connective Cities")
    translate_snippet(byline, name="Editorial team Connective Cities")

    programme = add_news(tree, "Programm 2021 & mehr", datetime.date(2021, 7, 27),
                         topics=[tree.crisis], byline=byline, teaser="Kommunen <stärken>.")
    # Dated before it went live: the feed gives the news date, at midnight in Berlin.
    review = add_news(tree, "Rückblick", datetime.date(2021, 6, 1), topics=[tree.crisis],
                      first_published_at=at(datetime.date(2021, 7, 1)))
    video = add_video(tree, "Krisenvideo", datetime.date(2021, 6, 10), topics=[tree.crisis])
    add_news(tree, "Andere Meldung", datetime.date(2021, 5, 1), topics=[tree.other])

    add_news(tree, "Entwurf", datetime.date(2021, 8, 1), topics=[tree.crisis], live=False)
    private = add_news(tree, "Intern", datetime.date(2021, 8, 2), topics=[tree.crisis])
    PageViewRestriction.objects.create(page=private, password="geheim",
                                       restriction_type=PageViewRestriction.PASSWORD)
    add_news(tree, "Abgelaufen", datetime.date(2021, 8, 3), topics=[tree.crisis],
             expire_at=timezone.now() - datetime.timedelta(minutes=1))
    add_news(tree, "Vom Planer beendet", datetime.date(2021, 8, 4), topics=[tree.crisis],
             live=False, expired=True, expire_at=timezone.now() - datetime.timedelta(days=1))
    private_video = add_video(tree, "Privates Video", datetime.date(2021, 8, 5),
                              topics=[tree.crisis])
    PageViewRestriction.objects.create(page=private_video,
                                       restriction_type=PageViewRestriction.LOGIN)

    translate_page(programme, title="Programme 2021 & more", teaser="Strengthening <cities>.")
    translate_page(video, title="Crisis video")
    tree.review = review
    return tree


@pytest.fixture(scope="module")
def _feeds_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, build_feeds) as tree:
        yield tree


@pytest.fixture
def tree(_feeds_once, db):
    return fresh(_feeds_once, extra=("crisis", "crisis_en", "other"))


def published(entry):
    """An entry's publication time, as an aware datetime (feedparser gives UTC)."""
    return datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)


def feed_url(tree, scope, language, kind):
    page = {
        ("news", "de"): tree.news_index, ("news", "en"): tree.news_index_en,
        ("topic", "de"): tree.crisis, ("topic", "en"): tree.crisis_en,
    }[scope, language]
    return f"{page.url}feed/{kind}/"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return response, parsed


EXPECTED = {
    ("news", "de"): ["Programm 2021 & mehr", "Krisenvideo", "Rückblick", "Andere Meldung"],
    ("topic", "de"): ["Programm 2021 & mehr", "Krisenvideo", "Rückblick"],
    ("news", "en"): ["Programme 2021 & more", "Crisis video"],
    ("topic", "en"): ["Programme 2021 & more", "Crisis video"],
}


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("scope", ["news", "topic"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_feeds_parse_cleanly_with_absolute_links_and_the_language(tree, client, language,
                                                                  scope, kind):
    url = feed_url(tree, scope, language, kind)

    response, parsed = fetch(client, url)

    assert parsed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    assert response["Content-Type"].startswith(
        {"rss": "application/rss+xml", "atom": "application/atom+xml"}[kind])
    assert parsed.feed.language == language
    assert [entry.title for entry in parsed.entries] == EXPECTED[scope, language]
    prefix = "http://localhost/en/" if language == "en" else "http://localhost/"
    page_url = "http://localhost" + url.removesuffix(f"feed/{kind}/")
    assert parsed.feed.link == page_url
    assert any(link.href == f"http://localhost{url}" and link.rel == "self"
               for link in parsed.feed.links)
    for entry in parsed.entries:
        assert entry.link.startswith(prefix), entry.link
        assert entry.id == entry.link
        assert entry.published_parsed is not None
        if kind == "atom":
            assert entry.updated_parsed is not None
        assert client.get(entry.link.removeprefix("http://localhost")).status_code == 200


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_private_draft_and_expired_items_never_appear(tree, client, kind):
    for scope in ("news", "topic"):
        for language in ("de", "en"):
            response, parsed = fetch(client, feed_url(tree, scope, language, kind))
            text = response.content.decode()
            for title in HIDDEN:
                assert title not in text, (scope, language, title)
            assert len(parsed.entries) == len(EXPECTED[scope, language])


def test_items_carry_dates_authors_topics_and_summaries(tree, client):
    _response, rss = fetch(client, feed_url(tree, "news", "de", "rss"))
    _response, atom = fetch(client, feed_url(tree, "news", "en", "atom"))

    programme = rss.entries[0]
    assert published(programme) == datetime.datetime(2021, 7, 27, 9, tzinfo=datetime.UTC)
    # Descriptions are HTML: the teaser's text arrives as text, not as markup.
    assert programme.summary_detail.type == "text/html"
    assert programme.summary == "Kommunen &lt;stärken&gt;."
    assert [tag.term for tag in programme.tags] == ["Krisenmanagement"]
    assert programme.author == "Redaktion Connective Cities"
    review = rss.entries[2]
    # Dated before it went live: 1 June 2021, midnight in Berlin.
    assert published(review) == datetime.datetime(2021, 6, 1, tzinfo=BERLIN)
    video = rss.entries[1]
    assert published(video) == datetime.datetime(2021, 6, 10, 9, tzinfo=datetime.UTC)
    assert "author" not in video

    english = atom.entries[0]
    assert english.title == "Programme 2021 & more"
    assert [tag.term for tag in english.tags] == ["Crisis management"]
    assert english.author == "Editorial team Connective Cities"
    # The translation went live today; its news date is the source's.
    assert published(english).date() == datetime.date(2021, 7, 27)
    translation = NewsPage.objects.get(title="Programme 2021 & more")
    assert datetime.datetime.fromisoformat(english.updated) == translation.last_published_at
    assert atom.feed.author == "Connective Cities"


def test_the_feed_tells_when_it_last_changed(tree, client):
    response = client.get(feed_url(tree, "news", "de", "rss"))

    assert response.has_header("Last-Modified")


def test_publishing_unpublishing_and_edits_show_in_the_feeds_at_once(tree, client):
    url, topic_url = feed_url(tree, "news", "de", "atom"), feed_url(tree, "topic", "de", "rss")
    fresh_item = add_news(tree, "Ganz neu", datetime.date(2022, 1, 10), topics=[tree.crisis],
                          live=False)
    assert "Ganz neu" not in client.get(url).content.decode()

    fresh_item.save_revision().publish()
    assert fetch(client, url)[1].entries[0].title == "Ganz neu"
    assert fetch(client, topic_url)[1].entries[0].title == "Ganz neu"

    fresh_item = NewsPage.objects.get(pk=fresh_item.pk)
    fresh_item.title = "Neu betitelt"
    fresh_item.save_revision().publish()
    assert fetch(client, url)[1].entries[0].title == "Neu betitelt"

    NewsPage.objects.get(pk=fresh_item.pk).unpublish()
    assert fetch(client, url)[1].entries[0].title == "Programm 2021 & mehr"
    assert "Neu betitelt" not in client.get(topic_url).content.decode()


def test_unpublishing_a_video_removes_it_from_the_feeds(tree, client):
    VideoPage.objects.get(title="Krisenvideo").unpublish()

    titles = [e.title for e in fetch(client, feed_url(tree, "topic", "de", "rss"))[1].entries]

    assert titles == ["Programm 2021 & mehr", "Rückblick"]


def test_a_private_topic_hub_does_not_serve_its_feed(tree, client):
    PageViewRestriction.objects.create(page=tree.crisis,
                                       restriction_type=PageViewRestriction.LOGIN)

    response = client.get(feed_url(tree, "topic", "de", "rss"))

    assert response.status_code == 302
    assert "Programm" not in response.content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_pages_announce_their_feeds_for_autodiscovery(tree, client, language):
    for scope in ("news", "topic"):
        rss, atom = feed_url(tree, scope, language, "rss"), feed_url(tree, scope, language, "atom")
        page_url = rss.removesuffix("feed/rss/")

        document = soup(client.get(page_url))

        links = document.select('head link[rel="alternate"][type]')
        assert [(link["type"], link["href"]) for link in links] == [
            ("application/rss+xml", f"http://localhost{rss}"),
            ("application/atom+xml", f"http://localhost{atom}"),
        ]
        assert all(link["title"] for link in links)
        visible = [a["href"] for a in document.select("main .feed-links a")]
        assert visible == [f"http://localhost{rss}", f"http://localhost{atom}"]


@pytest.mark.parametrize("path", ["feed/", "feed/json/", "feed/rss/extra/"])
def test_unknown_feed_paths_are_not_found(tree, client, path):
    assert client.get(f"{tree.news_index.url}{path}").status_code == 404
    assert client.get(f"{tree.crisis.url}{path}").status_code == 404


@pytest.mark.parametrize(("scope", "language"),
                         [("news", "de"), ("news", "en"), ("topic", "en")])
def test_feed_query_count_does_not_grow_with_items(tree, client, scope, language):
    url = feed_url(tree, scope, language, "rss")
    small = warm_and_count(client, url)
    for number in range(12):
        day = datetime.date(2021, 3, 1) + datetime.timedelta(days=number)
        news = add_news(tree, f"Meldung {number}", day, topics=[tree.crisis, tree.other],
                        byline=AuthorFactory())
        translate_page(news, title=f"News {number}")
        video = add_video(tree, f"Video {number}", day, topics=[tree.crisis])
        translate_page(video, title=f"Video {number} (en)")

    large = warm_and_count(client, url)

    assert len(fetch(client, url)[1].entries) == 20
    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


def test_a_front_cache_purges_the_feeds_with_the_page(tree):
    for page in (tree.news_index, tree.news_index_en, tree.crisis, tree.crisis_en):
        assert page.specific.get_cached_paths() == ["/", "/feed/rss/", "/feed/atom/"]


def test_feeds_name_their_authors_so_that_renaming_one_purges_them(tree, client):
    """Feeds name their items' authors: the English feed the translation's name, so renaming
    either author purges the feed that shows it."""
    from caching import tags
    from core.snippets import Author

    german = Author.objects.get(name="Redaktion Connective Cities")
    english = Author.objects.get(name="Editorial team Connective Cities")

    de_tags = client.get(feed_url(tree, "news", "de", "rss"))["xkey"].split()
    en_tags = client.get(feed_url(tree, "news", "en", "atom"))["xkey"].split()

    assert tags.snippet(german) in de_tags
    assert tags.snippet(english) in en_tags

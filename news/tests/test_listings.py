"""The news index as a reader meets it: news and videos of their language, filters that combine,
an archive by year and month, crawlable pages, and no error whatever the query string says."""

import datetime
from urllib.parse import parse_qs

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from conftest import build_site_tree
from core.factories import translate_page
from core.tests.helpers import assert_accessible_page, soup
from news.models import NewsPage
from news.tests.helpers import (
    add_news,
    add_video,
    built_once,
    filter_errors,
    fresh,
    in_language,
    result_count,
    results,
    titles,
)
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


def build_archive():
    """The site tree with two topics, and news and videos from 2020 and 2021."""
    tree = build_site_tree()
    tree.crisis = TopicPageFactory(parent=tree.topic_index, title="Krisenmanagement",
                                   slug="krisenmanagement")
    tree.digital = TopicPageFactory(parent=tree.topic_index, title="Digitalisierung",
                                    slug="digitalisierung")
    add_news(tree, "Krise Juli 2021", datetime.date(2021, 7, 27), topics=[tree.crisis])
    add_news(tree, "Digital Juli 2021", datetime.date(2021, 7, 2), topics=[tree.digital])
    add_news(tree, "Krise März 2021", datetime.date(2021, 3, 15), topics=[tree.crisis])
    add_news(tree, "Ohne Thema 2020", datetime.date(2020, 11, 5))
    add_video(tree, "Krisenvideo Juni 2021", datetime.date(2021, 6, 10), topics=[tree.crisis])
    add_video(tree, "Digitalvideo 2020", datetime.date(2020, 5, 1), topics=[tree.digital])
    return tree


@pytest.fixture(scope="module")
def _archive_once(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, build_archive) as tree:
        yield tree


@pytest.fixture
def archive(_archive_once, db):
    return fresh(_archive_once, extra=("crisis", "digital"))


ALL_NEWEST_FIRST = [
    "Krise Juli 2021", "Digital Juli 2021", "Krisenvideo Juni 2021", "Krise März 2021",
    "Ohne Thema 2020", "Digitalvideo 2020",
]


# --- What is listed ----------------------------------------------------------------------------

def test_the_index_lists_news_and_videos_newest_first(archive, client):
    response = client.get(archive.news_index.url)

    document = assert_accessible_page(response, "de")
    assert titles(response) == ALL_NEWEST_FIRST
    assert result_count(response) == results(6)
    kinds = [p.get_text(strip=True) for p in document.select(".teaser__kind")]
    assert kinds[2] == "Video" and kinds[0] == "Nachricht"
    video_teaser = document.select(".teaser")[2]
    assert video_teaser.select_one("time")["datetime"] == "2021-06-10"
    assert video_teaser.select_one("a")["href"].startswith("/videos/")


def test_the_index_leaves_out_drafts_private_and_expired_items(archive, client):
    add_news(archive, "Entwurf", datetime.date(2021, 8, 1), live=False)
    private = add_news(archive, "Intern", datetime.date(2021, 8, 2))
    PageViewRestriction.objects.create(page=private, password="geheim",
                                       restriction_type=PageViewRestriction.PASSWORD)
    # Expired, but the scheduler has not unpublished it yet.
    add_news(archive, "Abgelaufen", datetime.date(2021, 8, 3),
             expire_at=timezone.now() - datetime.timedelta(minutes=1))
    add_news(archive, "Läuft noch", datetime.date(2021, 8, 4),
             expire_at=timezone.now() + datetime.timedelta(days=1))
    add_video(archive, "Entwurfsvideo", datetime.date(2021, 8, 5), live=False)
    hidden_video = add_video(archive, "Privates Video", datetime.date(2021, 8, 6))
    PageViewRestriction.objects.create(page=hidden_video,
                                       restriction_type=PageViewRestriction.LOGIN)

    listed = titles(client.get(archive.news_index.url))

    assert listed == ["Läuft noch", *ALL_NEWEST_FIRST]


def test_a_live_page_shows_its_published_version_not_its_draft(archive, client):
    page = NewsPage.objects.get(title="Krise Juli 2021")
    page.title = "Unveröffentlichter Titel"
    page.save_revision()

    assert titles(client.get(archive.news_index.url))[0] == "Krise Juli 2021"


def test_the_english_index_lists_english_items_only(archive, client):
    german = NewsPage.objects.get(title="Krise Juli 2021")
    translate_page(archive.crisis, title="Crisis management")
    translate_page(german, title="Crisis July 2021")
    video = archive.video_index.get_children().specific().get(title="Krisenvideo Juni 2021")
    translate_page(video, title="Crisis video June 2021")

    response = client.get(archive.news_index_en.url)

    assert_accessible_page(response, "en")
    assert titles(response) == ["Crisis July 2021", "Crisis video June 2021"]
    # A translation keeps the date of its source, though it went live later.
    assert [t["datetime"] for t in soup(response).select(".teaser__date time")] == [
        "2021-07-27", "2021-06-10"
    ]
    assert result_count(response) == results(2, "en")
    links = [a["href"] for a in soup(response).select(".teaser__title a")]
    assert all(link.startswith("/en/") for link in links)


def test_publishing_and_unpublishing_show_at_once(archive, client):
    fresh = add_news(archive, "Ganz neu", datetime.date(2022, 1, 10), live=False)
    assert "Ganz neu" not in titles(client.get(archive.news_index.url))

    fresh.save_revision().publish()
    assert titles(client.get(archive.news_index.url))[0] == "Ganz neu"

    NewsPage.objects.get(pk=fresh.pk).unpublish()
    assert "Ganz neu" not in titles(client.get(archive.news_index.url))


# --- Filters -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected"), [
    ({"type": "news"}, ["Krise Juli 2021", "Digital Juli 2021", "Krise März 2021",
                        "Ohne Thema 2020"]),
    ({"type": "video"}, ["Krisenvideo Juni 2021", "Digitalvideo 2020"]),
    ({"topic": "krisenmanagement"}, ["Krise Juli 2021", "Krisenvideo Juni 2021",
                                     "Krise März 2021"]),
    ({"year": "2020"}, ["Ohne Thema 2020", "Digitalvideo 2020"]),
    ({"year": "2021", "month": "7"}, ["Krise Juli 2021", "Digital Juli 2021"]),
    ({"topic": "krisenmanagement", "type": "news"}, ["Krise Juli 2021", "Krise März 2021"]),
    ({"topic": "krisenmanagement", "type": "video", "year": "2021"},
     ["Krisenvideo Juni 2021"]),
    ({"topic": "digitalisierung", "year": "2021", "month": "7"}, ["Digital Juli 2021"]),
    ({"topic": "digitalisierung", "year": "2021", "month": "3"}, []),
])
def test_filters_combine(archive, client, query, expected):
    response = client.get(archive.news_index.url, query)

    assert titles(response) == expected
    assert result_count(response) == results(len(expected))
    assert filter_errors(response) == []
    document = soup(response)
    for name, value in query.items():
        assert document.select_one(f'[name="{name}"] option[selected]')["value"] == value
    if not expected:
        notice = in_language("Nothing matches these filters.", "de")
        assert notice in document.select_one(".listing-results").get_text()


def test_the_filter_form_is_a_plain_get_form_with_labels(archive, client):
    document = soup(client.get(archive.news_index.url))

    form = document.select_one("form.listing-filter")
    assert form["method"] == "get"
    # The reader lands on the results.
    assert form["action"] == archive.news_index.url + "#ergebnisse"
    assert form.select('input[name="csrfmiddlewaretoken"]') == []
    for name in ("topic", "type", "year", "month"):
        field = form.select_one(f'select[name="{name}"]')
        assert form.select_one(f'label[for="{field["id"]}"]') is not None
    years = [o["value"] for o in form.select('select[name="year"] option')]
    assert years == ["", "2021", "2020"]


def test_a_filtered_page_sets_no_cookie(archive, client):
    response = client.get(archive.news_index.url, {"topic": "krisenmanagement", "year": "2021"})

    assert response.status_code == 200
    assert response.cookies == {}


def test_topic_choices_come_from_the_readers_language(archive, client):
    translate_page(archive.crisis, title="Crisis management")
    TopicPageFactory(parent=archive.topic_index, title="Entwurfsthema", live=False)
    private = TopicPageFactory(parent=archive.topic_index, title="Internes Thema")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    def topic_options(url):
        options = soup(client.get(url)).select('select[name="topic"] option')
        return [(o["value"], o.get_text(strip=True)) for o in options]

    assert topic_options(archive.news_index.url) == [
        ("", in_language("All topics", "de")), ("digitalisierung", "Digitalisierung"),
        ("krisenmanagement", "Krisenmanagement"),
    ]
    assert topic_options(archive.news_index_en.url) == [
        ("", "All topics"), ("krisenmanagement", "Crisis management"),
    ]


def test_an_english_topic_filter_finds_translated_items(archive, client):
    translate_page(archive.crisis, title="Crisis management")
    translate_page(NewsPage.objects.get(title="Krise März 2021"), title="Crisis March 2021")
    translate_page(NewsPage.objects.get(title="Ohne Thema 2020"), title="No topic 2020")

    response = client.get(archive.news_index_en.url, {"topic": "krisenmanagement"})

    assert titles(response) == ["Crisis March 2021"]


# --- Archive -----------------------------------------------------------------------------------

def test_the_archive_links_years_and_months_with_counts(archive, client):
    document = soup(client.get(archive.news_index.url))

    archive_nav = document.select_one("nav.archive")
    years = [(a.get_text(strip=True), a["href"])
             for a in archive_nav.select(".archive__years > li > a")]
    assert years == [("2021", "?year=2021#ergebnisse"), ("2020", "?year=2020#ergebnisse")]
    months = [(a.get_text(strip=True), a["href"])
              for a in archive_nav.select(".archive__months a")]
    assert months == [
        ("Juli 2021", "?year=2021&month=7#ergebnisse"),
        ("Juni 2021", "?year=2021&month=6#ergebnisse"),
        ("März 2021", "?year=2021&month=3#ergebnisse"),
        ("November 2020", "?year=2020&month=11#ergebnisse"),
        ("Mai 2020", "?year=2020&month=5#ergebnisse"),
    ]
    counts = [s.get_text(strip=True)
              for s in archive_nav.select(".archive__years > li > .archive__count")]
    assert counts == ["(4)", "(2)"]


def test_every_archive_link_leads_to_its_items(archive, client):
    document = soup(client.get(archive.news_index.url))

    for link in document.select("nav.archive a"):
        response = client.get(archive.news_index.url + link["href"])
        expected = link.find_next_sibling(class_="archive__count").get_text(strip=True)
        assert f"({len(titles(response))})" == expected, link["href"]
        current = soup(response).select_one('nav.archive a[aria-current="page"]')
        assert current["href"] == link["href"]


def test_the_archive_keeps_the_topic_and_type_filters(archive, client):
    response = client.get(archive.news_index.url, {"topic": "krisenmanagement", "type": "news"})

    links = [a["href"] for a in soup(response).select("nav.archive a")]
    assert links == [
        "?topic=krisenmanagement&type=news&year=2021#ergebnisse",
        "?topic=krisenmanagement&type=news&year=2021&month=7#ergebnisse",
        "?topic=krisenmanagement&type=news&year=2021&month=3#ergebnisse",
    ]


def test_the_english_archive_names_months_in_english(archive, client):
    translate_page(NewsPage.objects.get(title="Krise Juli 2021"), title="Crisis July 2021")

    document = soup(client.get(archive.news_index_en.url))

    assert [a.get_text(strip=True) for a in document.select(".archive__months a")] == [
        "July 2021"
    ]


# --- Bad and absurd parameters: never an error, always the same fallback -------------------

HUGE = "9" * 5000
BAD_PARAMETERS = [
    # (query string, the filter that is dropped with a message, or None when silently ignored)
    ("page=abc", None),
    ("page=99999", None),
    ("page=-1", None),
    ("page=0", None),
    ("page=1.5", None),
    (f"page={HUGE}", None),
    ("page=1&page=abc", None),
    ("topic=gibt-es-nicht", "topic"),
    (f"topic={'x' * 5000}", "topic"),
    ("topic=%3Cscript%3Ealert(1)%3C/script%3E", "topic"),
    ("year=-1", "year"),
    ("year=0", "year"),
    ("year=99999999999999999999", "year"),
    (f"year={HUGE}", "year"),
    ("year=zwanzig", "year"),
    ("year=2021.5", "year"),
    ("month=13&year=2021", "month"),
    ("month=0&year=2021", "month"),
    ("month=-1&year=2021", "month"),
    ("month=7", "month"),
    (f"month={HUGE}&year=2021", "month"),
    ("type=podcast", "type"),
    (f"type={'a' * 5000}", "type"),
]


@pytest.mark.parametrize(("query", "dropped"), BAD_PARAMETERS)
def test_bad_parameters_fall_back_with_a_message(archive, client, query, dropped):
    response = client.get(f"{archive.news_index.url}?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "x" * 200 not in html and "9" * 200 not in html and "a" * 200 not in html
    assert "<script>alert" not in html
    remaining = {k: v for k, v in parse_qs(query).items() if k not in {dropped, "page"}}
    expected = titles(client.get(archive.news_index.url, {k: v[-1] for k, v in remaining.items()}))
    assert titles(response) == expected
    assert len(filter_errors(response)) == (1 if dropped else 0)
    if dropped:
        field = soup(response).select_one(f'[name="{dropped}"]')
        assert field["aria-invalid"] == "true"
        assert soup(response).find(id=field["aria-describedby"]) is not None


def test_repeated_parameters_use_the_last_value(archive, client):
    response = client.get(f"{archive.news_index.url}?type=news&type=video&year=2019&year=2020")

    assert titles(response) == ["Digitalvideo 2020"]


@pytest.mark.parametrize("path", ["feed/", "feed/xml/", "archiv/2021/", "99999/", "feed/rss/x/"])
def test_unknown_paths_below_the_index_are_not_found(archive, client, path):
    assert client.get(f"{archive.news_index.url}{path}").status_code == 404


def test_a_year_without_items_shows_none(archive, client):
    response = client.get(archive.news_index.url, {"year": "1999"})

    assert titles(response) == []
    assert result_count(response) == results(0)
    assert filter_errors(response) == []
    selected = soup(response).select_one('[name="year"] option[selected]')
    assert selected["value"] == "1999"




@pytest.mark.parametrize("query", ["page=%00", "topic=%00", "year=%00"])
def test_a_nul_byte_in_a_filter_is_not_found(archive, client, query):
    """NUL has no meaning in any address of the site (security.middleware): 404, as anywhere
    in a URL, never a 500."""
    assert client.get(f"{archive.news_index.url}?{query}").status_code == 404

"""What search engines and link previews read: description, canonical, Open Graph, Twitter,
JSON-LD, robots.txt and the staging switch."""

import datetime
import json
import runpy
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.factories import AuthorFactory, ImageFactory, translate_page, translate_snippet
from core.models import Author
from core.seo import PageMetadata, canonical_url, json_ld
from news.factories import NewsPageFactory
from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db

NOTICE_DATE = datetime.date(2021, 7, 27)
ROOT = "http://localhost"


def head(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser").head


def og(document):
    """Open Graph properties; repeated ones (og:locale:alternate) as lists."""
    found = {}
    for meta in document.select("meta[property]"):
        found.setdefault(meta["property"], []).append(meta["content"])
    return {name: values[0] if len(values) == 1 else values for name, values in found.items()}


def meta(document, name):
    tag = document.select_one(f'meta[name="{name}"]')
    return tag["content"] if tag else None


def structured_data(document):
    return [json.loads(script.string)
            for script in document.select('script[type="application/ld+json"]')]


@pytest.fixture
def notice(site_tree):
    """A dated news item with a lead image and a team byline, translated into English."""
    byline = AuthorFactory(name="Redaktion Connective Cities", kind=Author.Kind.TEAM)
    translate_snippet(byline, name="Connective Cities editorial team")
    german = NewsPageFactory(
        parent=site_tree.news_index,
        title="Connective Cities COVID-19 Programm 2021",
        teaser="Kommunale Strategien zur Bewältigung der Pandemiefolgen.",
        dated=NOTICE_DATE,
        lead_image=ImageFactory(file__width=1600, file__height=900,
                                description="Teilnehmende eines Workshops in Bonn"),
        byline=byline,
    )
    english = translate_page(
        german, title="Connective Cities COVID-19 Programme 2021",
        teaser="Municipal strategies for coping with the pandemic.",
    )
    return german, english


# --- Meta description, canonical, Open Graph, Twitter ----------------------------------------

def test_a_news_item_tells_link_previews_what_it_is(notice, client):
    german, _english = notice

    document = head(client.get(german.url))
    properties = og(document)

    canonical = ROOT + german.url
    assert meta(document, "description") == (
        "Kommunale Strategien zur Bewältigung der Pandemiefolgen."
    )
    assert document.select_one('link[rel="canonical"]')["href"] == canonical
    assert properties["og:type"] == "article"
    assert properties["og:title"] == "Connective Cities COVID-19 Programm 2021"
    assert properties["og:description"] == meta(document, "description")
    assert properties["og:url"] == canonical
    assert properties["og:site_name"] == "Connective Cities"
    assert properties["og:locale"] == "de_DE"
    assert properties["og:locale:alternate"] == "en_GB"
    assert properties["og:image"].startswith(f"{ROOT}/media/images/")
    assert properties["og:image"].endswith(".jpg")
    assert (properties["og:image:width"], properties["og:image:height"]) == ("1200", "630")
    assert properties["og:image:type"] == "image/jpeg"
    assert properties["og:image:alt"] == "Teilnehmende eines Workshops in Bonn"
    assert properties["article:published_time"].startswith("2021-07-27T")
    assert meta(document, "twitter:card") == "summary_large_image"
    assert meta(document, "robots") is None
    assert len(document.select('link[rel="canonical"]')) == 1
    assert len(document.select('meta[name="description"]')) == 1


def test_each_translation_is_canonical_for_itself(notice, client):
    german, english = notice

    document = head(client.get(english.url))
    properties = og(document)

    assert document.select_one('link[rel="canonical"]')["href"] == ROOT + english.url
    assert properties["og:url"] == ROOT + english.url
    assert properties["og:title"] == "Connective Cities COVID-19 Programme 2021"
    assert meta(document, "description") == "Municipal strategies for coping with the pandemic."
    assert properties["og:locale"] == "en_GB"
    assert properties["og:locale:alternate"] == "de_DE"
    # The image is shared between the translations, and so is its rendition.
    assert properties["og:image"] == og(head(client.get(german.url)))["og:image"]


def test_an_untranslated_page_names_no_other_locale(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, title="Nur Deutsch")

    properties = og(head(client.get(page.url)))

    assert properties["og:locale"] == "de_DE"
    assert "og:locale:alternate" not in properties


def test_the_search_description_wins_over_the_teaser(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, teaser="Der Teaser.",
                           search_description="Für Suchmaschinen:\n  kurz   und klar.")

    document = head(client.get(page.url))

    assert meta(document, "description") == "Für Suchmaschinen: kurz und klar."
    assert og(document)["og:description"] == "Für Suchmaschinen: kurz und klar."


def test_a_page_without_image_gets_a_small_card(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index, teaser="")

    document = head(client.get(page.url))

    assert "og:image" not in og(document)
    assert meta(document, "twitter:card") == "summary"
    assert meta(document, "description") is None
    assert "og:description" not in og(document)


def test_index_pages_are_websites_not_articles(site_tree, client):
    properties = og(head(client.get(site_tree.news_index_en.url)))

    assert properties["og:type"] == "website"
    assert properties["og:url"] == ROOT + site_tree.news_index_en.url


# --- Canonical of listings ---------------------------------------------------------------------

@pytest.fixture
def long_listing(site_tree):
    for day in range(1, 13):
        NewsPageFactory(parent=site_tree.news_index, title=f"Juli {day}",
                        dated=datetime.date(2021, 7, day))
    return site_tree.news_index


@pytest.mark.parametrize(("query", "expected"), [
    ("", ""),
    ("?page=2", "?page=2"),
    ("?page=1", ""),
    ("?page=abc", ""),
    ("?page=2&utm_source=newsletter", "?page=2"),
])
def test_each_page_of_a_listing_is_canonical_for_itself(long_listing, client, query, expected):
    document = head(client.get(long_listing.url + query))

    assert document.select_one('link[rel="canonical"]')["href"] == (
        ROOT + long_listing.url + expected
    )


def test_a_filtered_listing_points_at_the_unfiltered_one(site_tree):
    request = RequestFactory().get(site_tree.news_index.url, {"year": "2021", "page": "2"})
    page_two = Paginator(range(30), 10).get_page(2)

    assert canonical_url(site_tree.news_index, request, page_two) == (
        ROOT + site_tree.news_index.url
    )


def test_a_sub_route_of_a_page_keeps_its_path(site_tree):
    request = RequestFactory().get(site_tree.news_index.url + "archiv/2021/")

    assert canonical_url(site_tree.news_index, request) == (
        ROOT + site_tree.news_index.url + "archiv/2021/"
    )


def test_a_sub_route_is_percent_encoded_like_the_page_url(site_tree):
    request = RequestFactory().get(site_tree.news_index.url + "thema/städte/")

    assert canonical_url(site_tree.news_index, request) == (
        ROOT + site_tree.news_index.url + "thema/st%C3%A4dte/"
    )


def test_a_detail_page_ignores_page_parameters(notice, client):
    german, _english = notice

    document = head(client.get(german.url + "?page=3&ref=x"))

    assert document.select_one('link[rel="canonical"]')["href"] == ROOT + german.url


# --- JSON-LD -----------------------------------------------------------------------------------

def test_a_news_item_is_a_news_article(notice, client):
    german, _english = notice

    document = head(client.get(german.url))
    [article] = structured_data(document)

    image = og(document)["og:image"]
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Connective Cities COVID-19 Programm 2021"
    assert article["description"] == "Kommunale Strategien zur Bewältigung der Pandemiefolgen."
    # Published on the news date (09:00 UTC is 11:00 in Berlin), never modified since.
    assert article["datePublished"] == "2021-07-27T11:00:00+02:00"
    assert article["dateModified"] == "2021-07-27T11:00:00+02:00"
    assert article["author"] == [{"@type": "Organization", "name": "Redaktion Connective Cities"}]
    assert article["publisher"] == {
        "@type": "Organization", "@id": f"{ROOT}/#organization",
        "name": "Connective Cities", "url": f"{ROOT}/",
    }
    assert article["image"] == [{"@type": "ImageObject", "url": image, "width": 1200,
                                 "height": 630}]
    assert article["inLanguage"] == "de"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": ROOT + german.url}


def test_the_english_article_names_the_english_byline(notice, client):
    _german, english = notice

    [article] = structured_data(head(client.get(english.url)))

    assert article["inLanguage"] == "en"
    assert article["headline"] == "Connective Cities COVID-19 Programme 2021"
    assert article["author"] == [{"@type": "Organization",
                                  "name": "Connective Cities editorial team"}]
    assert article["mainEntityOfPage"]["@id"] == ROOT + english.url


def test_a_person_in_the_byline_is_a_person(site_tree, client):
    person = AuthorFactory(name="Anna Beispiel", kind=Author.Kind.PERSON)
    page = NewsPageFactory(parent=site_tree.news_index, byline=person)

    [article] = structured_data(head(client.get(page.url)))

    assert article["author"] == [{"@type": "Person", "name": "Anna Beispiel"}]


def test_without_byline_the_publisher_is_the_author(site_tree, client):
    page = NewsPageFactory(parent=site_tree.news_index)

    [article] = structured_data(head(client.get(page.url)))

    assert article["author"] == [article["publisher"]]
    assert "image" not in article


def test_an_old_news_date_published_later_keeps_its_date(site_tree, client):
    published = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)
    page = NewsPageFactory(parent=site_tree.news_index, date=NOTICE_DATE,
                           first_published_at=published, last_published_at=published)

    document = head(client.get(page.url))
    [article] = structured_data(document)

    assert article["datePublished"] == "2021-07-27"
    assert article["dateModified"] == "2026-03-02T09:30:00+01:00"
    assert og(document)["article:modified_time"] == "2026-03-02T09:30:00+01:00"


def test_a_video_page_is_a_video_object(site_tree, client):
    video = VideoPageFactory(
        parent=site_tree.video_index, title="Informationsvideo",
        teaser="",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        description="<p>Ein Film über <b>Städte</b> &amp; Gemeinden.</p>",
        transcript="<p>Guten Tag</p><p>und willkommen.</p>",
        poster=ImageFactory(file__width=1280, file__height=720),
    )

    document = head(client.get(video.url))
    [data] = structured_data(document)

    assert data["@type"] == "VideoObject"
    assert data["name"] == "Informationsvideo"
    assert data["description"] == "Ein Film über Städte & Gemeinden."
    assert data["thumbnailUrl"] == [og(document)["og:image"]]
    upload_date = datetime.datetime.fromisoformat(data["uploadDate"])
    assert upload_date.utcoffset() is not None
    assert upload_date == video.first_published_at
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
    assert data["transcript"] == "Guten Tag und willkommen."
    assert data["inLanguage"] == "de"
    assert data["url"] == ROOT + video.url
    assert og(document)["og:type"] == "website"


def test_a_video_with_its_own_date_shows_it_and_uploads_on_it(site_tree, client):
    """The index shows the video's date; the page and its VideoObject say the same, not the day
    it was put on this site."""
    video = VideoPageFactory(parent=site_tree.video_index, title="Aufzeichnung",
                             date=datetime.date(2021, 7, 27),
                             video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")

    response = client.get(video.url)
    [data] = structured_data(head(response))

    assert data["uploadDate"] == "2021-07-27"
    assert '<time datetime="2021-07-27">27.07.2021</time>' in response.content.decode()
    assert "27.07.2021" in client.get(site_tree.video_index.url).content.decode()


def test_the_home_page_names_the_organisation(site_tree, client):
    for url in ("/", "/en/"):
        [organisation] = structured_data(head(client.get(url)))

        assert organisation == {
            "@context": "https://schema.org", "@type": "Organization",
            "@id": f"{ROOT}/#organization", "name": "Connective Cities", "url": f"{ROOT}/",
        }


def test_json_ld_cannot_end_its_script_element(site_tree, client):
    title = 'Vorsicht </script><script>alert("x")</script> & <!-- Ende'
    page = NewsPageFactory(parent=site_tree.news_index, title=title, slug="vorsicht")

    html = client.get(page.url).content.decode()

    assert "</script><script>alert" not in html
    assert "<!-- Ende" not in html
    [article] = structured_data(BeautifulSoup(html, "html.parser"))
    assert article["headline"] == title


def test_json_ld_escapes_markup_characters():
    text = json_ld({"name": "</script>&"})

    assert str(text) == '{"name":"\\u003C/script\\u003E\\u0026"}'
    assert json.loads(text) == {"name": "</script>&"}


# --- Cost --------------------------------------------------------------------------------------

def test_the_head_tags_add_no_query_to_a_news_item(notice, client, monkeypatch,
                                                   django_assert_num_queries):
    german, _english = notice
    client.get(german.url)  # make the renditions
    monkeypatch.setattr("core.templatetags.seo_tags.page_metadata",
                        lambda *args, **kwargs: PageMetadata())
    cache.clear()
    with CaptureQueriesContext(connection) as without_tags:
        client.get(german.url)
    monkeypatch.undo()
    cache.clear()

    with django_assert_num_queries(len(without_tags)):
        response = client.get(german.url)
    assert "og:image" in og(head(response))


# --- Robots ------------------------------------------------------------------------------------

def test_views_that_are_not_pages_claim_no_canonical_url(site_tree, client):
    document = head(client.get("/suche/", {"q": "Stadt"}))

    assert document.select_one('link[rel="canonical"]') is None
    assert og(document) == {}
    assert structured_data(document) == []


def test_robots_txt_lets_crawlers_in_and_names_the_sitemap(site_tree, client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /" not in lines
    assert {"Disallow: /admin/", "Disallow: /suche/", "Disallow: /en/search/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "public" in response["Cache-Control"]
    assert "X-Robots-Tag" not in response
    assert "X-Robots-Tag" not in client.get("/")


def test_robots_txt_refuses_other_methods(client):
    assert client.post("/robots.txt").status_code == 405


def test_a_staging_site_keeps_out_of_search_engines(site_tree, client, settings):
    settings.SITE_ENVIRONMENT = "staging"

    robots = client.get("/robots.txt")
    page = client.get("/en/")

    assert robots.content.decode().splitlines() == ["User-agent: *", "Disallow: /"]
    assert robots["X-Robots-Tag"] == "noindex, nofollow"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert meta(head(page), "robots") == "noindex, nofollow"


@pytest.mark.parametrize(("value", "expected"), [
    (None, "production"), ("staging", "staging"), (" Staging ", "staging"),
])
def test_the_environment_chooses_staging(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("SITE_ENVIRONMENT", raising=False)
    else:
        monkeypatch.setenv("SITE_ENVIRONMENT", value)

    settings = runpy.run_path(str(Path(__file__).parents[2] / "site/settings/base.py"))

    assert settings["SITE_ENVIRONMENT"] == expected


def test_a_misspelt_environment_is_refused(monkeypatch):
    monkeypatch.setenv("SITE_ENVIRONMENT", "stagging")

    with pytest.raises(ImproperlyConfigured, match="SITE_ENVIRONMENT"):
        runpy.run_path(str(Path(__file__).parents[2] / "site/settings/base.py"))

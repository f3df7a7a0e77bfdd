import datetime

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase

from core.blocks import VideoBlock
from core.factories import DocumentFactory, ImageFactory, translate_page
from core.tests.helpers import (
    PUBLIC_PAGE_QUERY_BUDGET,
    assert_accessible_page,
    assert_nothing_loads_from_video_hosts,
    soup,
    warm_and_count,
)
from home.models import HomePage
from news.models import NewsIndexPage
from topics.factories import TopicPageFactory
from videos.factories import VideoPageFactory
from videos.models import VideoIndexPage, VideoPage

pytestmark = pytest.mark.django_db

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def teaser_titles(response):
    return [h.get_text(strip=True) for h in soup(response).select(".teaser__title")]


def on(day):
    return datetime.datetime(2021, 7, day, 9, tzinfo=datetime.UTC)


@pytest.fixture
def video(site_tree):
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Krisenmanagement")
    translate_page(topic, title="Crisis management")
    german = VideoPageFactory(
        parent=site_tree.video_index,
        title="Informationsvideo Connective Cities COVID-19 Programm 2021",
        video_url=YOUTUBE_URL,
        poster=ImageFactory(),
        topics=[topic],
        transcript="<p>Willkommen beim Programm.</p>",
        captions=DocumentFactory(title="Untertitel", file__filename="untertitel.vtt"),
    )
    english = translate_page(
        german, title="Information video Connective Cities COVID-19 programme 2021",
        transcript="<p>Welcome to the programme.</p>",
    )
    return german, english


def test_video_page_renders_in_german_and_english(video, client):
    german, english = video

    german_page = assert_accessible_page(client.get(german.url), "de")
    english_page = assert_accessible_page(client.get(english.url), "en")

    assert german.url.startswith("/videos/") and english.url.startswith("/en/videos/")
    assert german_page.h1.get_text(strip=True) == german.title
    assert english_page.h1.get_text(strip=True) == english.title
    assert "Willkommen beim Programm." in german_page.select_one(".transcript").get_text()
    assert "Welcome to the programme." in english_page.select_one(".transcript").get_text()
    assert [a.get_text() for a in german_page.select(".topic-list a")] == ["Krisenmanagement"]
    assert [a.get_text() for a in english_page.select(".topic-list a")] == ["Crisis management"]


def test_video_page_shows_a_consent_placeholder_and_loads_nothing_from_youtube(video, client):
    german, english = video

    for page in (german, english):
        document = assert_nothing_loads_from_video_hosts(client.get(page.url))
        placeholder = document.select_one("figure[data-video-consent]")
        button = placeholder.select_one("button[data-embed-url]")
        assert button["data-embed-url"] == (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
        )
        assert button["type"] == "button"
        assert placeholder.select_one("a")["href"] == YOUTUBE_URL
        assert placeholder.select_one("img.video-consent__poster") is not None
        assert "YouTube" in placeholder.select_one(".video-consent__notice").get_text()


def test_vimeo_video_uses_the_do_not_track_player(site_tree, client):
    page = VideoPageFactory(parent=site_tree.video_index, video_url="https://vimeo.com/76979871")

    document = assert_nothing_loads_from_video_hosts(client.get(page.url))

    assert document.select_one("[data-embed-url]")["data-embed-url"] == (
        "https://player.vimeo.com/video/76979871?dnt=1"
    )


def test_video_page_offers_its_captions_for_download(video, client):
    german, _ = video

    document = soup(client.get(german.url))

    links = [a for a in document.select("a[download]") if a["href"].endswith(".vtt")]
    assert len(links) == 1


def test_video_index_lists_live_videos_newest_first(site_tree, client):
    VideoPageFactory(parent=site_tree.video_index, title="Älter", first_published_at=on(1))
    VideoPageFactory(parent=site_tree.video_index, title="Neuer", first_published_at=on(20))
    VideoPageFactory(parent=site_tree.video_index, title="Entwurf", live=False,
                     first_published_at=None)

    response = client.get(site_tree.video_index.url)

    assert_accessible_page(response, "de")
    assert teaser_titles(response) == ["Neuer", "Älter"]


def test_a_video_published_after_the_list_was_read_shows_in_it_at_once(site_tree, client):
    VideoPageFactory(parent=site_tree.video_index, title="Älter", first_published_at=on(1))
    for page in ("1", "2"):
        client.get(site_tree.video_index.url, {"page": page})
    VideoPageFactory(parent=site_tree.video_index, title="Neuer", first_published_at=on(20))

    assert teaser_titles(client.get(site_tree.video_index.url)) == ["Neuer", "Älter"]


def test_english_video_index_lists_english_videos_only(site_tree, client):
    translated = VideoPageFactory(parent=site_tree.video_index, title="Übersetzt")
    VideoPageFactory(parent=site_tree.video_index, title="Nur Deutsch")
    english = translate_page(translated, title="Translated")

    response = client.get(site_tree.video_index_en.url)

    assert_accessible_page(response, "en")
    assert teaser_titles(response) == ["Translated"]
    assert client.get(english.url).status_code == 200


def test_untranslated_video_has_no_english_url(site_tree, client):
    german_only = VideoPageFactory(parent=site_tree.video_index)

    assert client.get(f"/en{german_only.url}").status_code == 404


def test_video_index_survives_bad_page_numbers(site_tree, client):
    for day in range(1, 13):
        VideoPageFactory(parent=site_tree.video_index, title=f"Juli {day}",
                         first_published_at=on(day))
    first_page = [f"Juli {day}" for day in range(12, 2, -1)]

    for page_number in ["abc", "99999", "-1", "0", "1.5", "", "%00"]:
        titles = teaser_titles(client.get(site_tree.video_index.url, {"page": page_number}))
        assert titles in (first_page, ["Juli 2", "Juli 1"]), page_number
        response = client.get(site_tree.video_index_en.url, {"page": page_number})
        assert response.status_code == 200, page_number


def test_video_index_offers_numbered_page_links_and_no_type_labels(site_tree, client):
    for day in range(1, 13):
        VideoPageFactory(parent=site_tree.video_index, title=f"Juli {day}",
                         first_published_at=on(day))

    page = soup(client.get(site_tree.video_index.url, {"page": 2}))

    numbered = {a.get_text(strip=True): a for a in page.select(".pagination a[aria-label]")}
    assert list(numbered) == ["1", "2"]
    assert numbered["2"]["aria-current"] == "page"
    assert numbered["1"]["href"] == site_tree.video_index.url
    assert [h.get_text(strip=True) for h in page.select(".teaser__title")] == ["Juli 2", "Juli 1"]
    assert not page.select(".teaser__kind")


# --- The video block ---------------------------------------------------------------------------

def test_video_block_accepts_a_video_page(site_tree):
    page = VideoPageFactory(parent=site_tree.video_index, video_url=YOUTUBE_URL)
    block = VideoBlock()

    value = block.clean(block.to_python({"video": page.pk}))

    assert value.embed.video_id == "dQw4w9WgXcQ"
    assert value.display_title == page.title


def test_video_block_refuses_a_video_page_and_a_url_together(site_tree):
    page = VideoPageFactory(parent=site_tree.video_index)
    block = VideoBlock()

    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"video": page.pk, "url": "https://vimeo.com/76979871"}))

    assert set(caught.value.block_errors) == {"video", "url"}


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_video_index_query_count_does_not_grow_with_videos(site_tree, client, language):
    index = site_tree.video_index if language == "de" else site_tree.video_index_en

    def grow(count):
        for _ in range(count):
            video = VideoPageFactory(parent=site_tree.video_index, poster=ImageFactory())
            translate_page(video, title=f"{video.title} (en)")

    grow(3)
    small = warm_and_count(client, index.url)
    grow(9)
    large = warm_and_count(client, index.url)

    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


def video_with_topics(tree, size, language):
    topics = [TopicPageFactory(parent=tree.topic_index) for _ in range(size)]
    page = VideoPageFactory(parent=tree.video_index, topics=topics, poster=ImageFactory())
    if language == "de":
        return page
    for topic in topics:
        translate_page(topic, title=f"{topic.title} (en)")
    return translate_page(page, title=f"{page.title} (en)")


@pytest.mark.parametrize("language", ["de", "en"])
def test_video_page_query_count_does_not_grow_with_topics(site_tree, client, language):
    small_page = video_with_topics(site_tree, 3, language)
    large_page = video_with_topics(site_tree, 12, language)

    small = warm_and_count(client, small_page.url)
    large = warm_and_count(client, large_page.url)

    assert len(soup(client.get(large_page.url)).select(".topic-list a")) == 12
    assert small == large <= PUBLIC_PAGE_QUERY_BUDGET, (small, large)


# --- Where videos may be created ---------------------------------------------------------------

class TestVideoPageRules(WagtailPageTestCase):
    def test_video_index_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(VideoIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(VideoIndexPage, {VideoPage})

    def test_videos_sit_in_the_video_index_only(self):
        self.assertAllowedParentPageTypes(VideoPage, {VideoIndexPage})
        self.assertAllowedSubpageTypes(VideoPage, set())
        for parent in (HomePage, NewsIndexPage, VideoPage):
            self.assertCanNotCreateAt(parent, VideoPage)


def test_a_home_page_has_one_video_index_only(site_tree):
    assert not VideoIndexPage.can_create_at(site_tree.home)
    assert VideoPage.can_create_at(site_tree.video_index)


def test_a_published_video_page_once_seen_costs_no_query(video, client):
    german, english = video
    for page in (german, english):
        page.save_revision().publish()

    assert warm_and_count(client, german.url) == 0
    assert warm_and_count(client, english.url) == 0
    assert [a.get_text(strip=True) for a in soup(client.get(english.url)).select(
        ".topic-list a")] == ["Crisis management"]


def test_a_new_transcript_shows_on_the_video_page_at_once(video, client):
    german, _english = video
    german.save_revision().publish()
    client.get(german.url)
    german.transcript = "<p>Neu: Willkommen beim Programm 2022.</p>"
    german.save_revision().publish()

    assert "Programm 2022" in client.get(german.url).content.decode()

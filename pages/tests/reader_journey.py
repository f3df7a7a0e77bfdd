"""What the browser tests of this app share: every page type of the demo site in both languages,
and a guard that keeps every request to another host on this machine."""

from django.urls import reverse
from django.utils import translation

from core.factories import root_collection
from demo import notice
from demo.tests.helpers import load_demo_as_make_run_does
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from pages.models import FeedbackFormPage, StandardPage
from topics.models import TopicIndexPage, TopicPage
from videos.models import VideoIndexPage, VideoPage

LANGUAGES = ("de", "en")
TOPIC_SLUG = "krisenmanagement"
# What stands in for the video provider's player: the test machine has no network, and
# nothing may leave it anyway.
PLAYER_STUB = "<!DOCTYPE html><html lang='en'><title>Player</title><p>Video player stub</p></html>"


def load_demo_site():
    """The demo site, built in a database that an earlier live-server test may have flushed
    (the demo command makes the root page, locales and site, but expects a root collection)."""
    root_collection()
    load_demo_as_make_run_does()


def search_url(language_code):
    with translation.override(language_code):
        return reverse("search")


def _in(model, language_code, **filters):
    return model.objects.live().get(locale__language_code=language_code, **filters)


def _same_in(model, language_code, **german_filters):
    """The page in `language_code` that translates the German page matching the filters
    (translated pages have slugs of their own)."""
    german = _in(model, "de", **german_filters)
    return _in(model, language_code, translation_key=german.translation_key)


def reader_pages(language_code):
    """(name, URL) of every page type a reader meets, in one language of the demo site.

    Call after `load_demo_content`. The video page comes with the name "video page"; the tests
    press its consent button themselves.
    """
    prefix = "" if language_code == "de" else f"/{language_code}"
    news_index = _in(NewsIndexPage, language_code)
    topic = _same_in(TopicPage, language_code, slug=TOPIC_SLUG)
    pages = [
        ("home page", _in(HomePage, language_code).url),
        ("news index", news_index.url),
        ("news index, filtered", f"{news_index.url}?topic={topic.slug}&type=news&year=2021"),
        ("news item", _same_in(NewsPage, language_code, slug=notice.SLUG).url),
        ("topic index", _in(TopicIndexPage, language_code).url),
        ("topic hub", topic.url),
        ("video index", _in(VideoIndexPage, language_code).url),
        ("video page", VideoPage.objects.live().filter(
            locale__language_code=language_code).first().url),
        ("search results", f"{search_url(language_code)}?q=covid"),
        ("page not found", f"{prefix}/gibt-es-nicht/"),
    ]
    for kind in StandardPage.FOOTER_KINDS:
        pages.append((f"standard page ({kind.label})",
                      _in(StandardPage, language_code, kind=kind).url))
    pages.append(("feedback form", _in(FeedbackFormPage, language_code).url))
    return [(f"{name} [{language_code}]", url) for name, url in pages]


def keep_requests_on_this_machine(context, site_url):
    """Route every request to another host: the video player gets a local stub, anything
    else is refused. Returns the list of those requests' URLs, in order."""
    foreign = []

    def handle(route):
        url = route.request.url
        foreign.append(url)
        if url.startswith(("https://www.youtube-nocookie.com/embed/",
                           "https://player.vimeo.com/video/")):
            route.fulfill(status=200, content_type="text/html", body=PLAYER_STUB)
        else:
            route.abort()

    context.route(lambda url: not url.startswith((site_url, "data:", "about:")), handle)
    return foreign

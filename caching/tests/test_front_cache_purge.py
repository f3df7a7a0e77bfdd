"""Through a real Varnish and Redis: after publishing, unpublishing, moving, deleting and
approving a translation, every page that shows the change is fresh within a second, and pages
and fragments that do not show it stay cached."""

import threading
import time

import pytest
from wagtail.models import Page

from bench.stack.varnish import http_get
from caching.middleware import RACING_S_MAXAGE
from core.factories import get_locale
from news import models as news_models
from news.factories import NewsPageFactory
from news.models import NewsPage
from news.related import related_content
from pages.factories import StandardPageFactory
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

FRESH_WITHIN = 1.0


def direct(live_server, path):
    status, _headers, body = http_get(live_server.url + path)
    return status, body


class Watcher:
    """Warms the cache with a set of URLs and checks them against the app after a change."""

    def __init__(self, varnish, live_server, paths):
        self.varnish, self.live_server, self.paths = varnish, live_server, paths

    def warm(self):
        for path in self.paths:
            self.varnish.get(path)
        for path in self.paths:
            status, headers, _body = self.varnish.get(path)
            if status == 200:
                assert headers["X-Cache"] == "HIT", path

    def stale(self, within=FRESH_WITHIN):
        """URLs whose cached copy still differs from the app's page after `within` seconds."""
        deadline = time.monotonic() + within
        pending = list(self.paths)
        while pending and time.monotonic() < deadline:
            pending = [path for path in pending
                       if self.varnish.get(path)[::2] != direct(self.live_server, path)]
            if pending:
                time.sleep(0.05)
        return pending

    def kept(self, path):
        """Whether `path` (warmed, not among the watched paths) is still served from the cache,
        and rightly so: it equals the app's page."""
        status, headers, body = self.varnish.get(path)
        return headers["X-Cache"] == "HIT" and (status, body) == direct(self.live_server, path)


@pytest.fixture
def site(site_tree):
    t = site_tree
    topic = TopicPageFactory(parent=t.topic_index, title="Klimaschutz", slug="klimaschutz")
    topic.copy_for_translation(t.en).save_revision().publish()
    first = NewsPageFactory(parent=t.news_index, title="Erste Meldung", slug="erste",
                            topics=[topic])
    first.copy_for_translation(t.en).save_revision().publish()
    second = NewsPageFactory(parent=t.news_index, title="Zweite Meldung", slug="zweite",
                             topics=[topic])
    about = StandardPageFactory(parent=t.home, title="Über uns", slug="ueber-uns",
                                show_in_menus=False)
    other = TopicPageFactory(parent=t.topic_index, title="Wasser", slug="wasser")
    third = NewsPageFactory(parent=t.news_index, title="Dritte Meldung", slug="dritte",
                            topics=[other])
    t.topic, t.first, t.second, t.about, t.third = topic, first, second, about, third
    return t


PATHS = [
    "/", "/en/", "/aktuelles/", "/aktuelles/?page=1", "/aktuelles/?type=news", "/en/news/",
    "/aktuelles/feed/rss/", "/en/news/feed/atom/", "/themen/klimaschutz/",
    "/en/topics/klimaschutz/", "/themen/klimaschutz/feed/rss/", "/aktuelles/erste/",
    "/en/news/erste/", "/aktuelles/zweite/", "/aktuelles/neu/", "/suche/?q=Meldung",
    "/en/search/?q=Meldung", "/sitemap.xml", "/ueber-uns/",
]
# Pages that do not show a new item of the topic "Klimaschutz": publishing one must leave them
# in the cache, and their fragments too.
UNAFFECTED = ["/videos/", "/themen/", "/aktuelles/dritte/", "/themen/wasser/"]


def test_every_page_showing_a_change_is_fresh_through_varnish(site, redis_cache, front_cache,
                                                             live_server, monkeypatch):
    watcher = Watcher(front_cache, live_server, PATHS + UNAFFECTED)
    watcher.warm()
    watcher.paths = PATHS

    # Publishing a new item: index, feeds, topic hub, home, related items, search, sitemap.
    new = NewsPageFactory.build(title="Neue Meldung", slug="neu", live=False)
    site.news_index.add_child(instance=new)
    new.topics.set([site.topic])
    related = []
    monkeypatch.setattr(news_models, "related_content",
                        lambda page: related.append(page.slug) or related_content(page))
    new.save_revision().publish()
    assert watcher.stale() == []
    assert b"Neue Meldung" in front_cache.get("/aktuelles/")[2]
    assert b"Neue Meldung" in front_cache.get("/aktuelles/erste/")[2]  # related content
    assert [path for path in UNAFFECTED if not watcher.kept(path)] == []
    # The other item's article fragment is still read from the cache, not rendered again.
    related.clear()
    assert b"Dritte Meldung" in direct(live_server, "/aktuelles/dritte/")[1]
    assert related == []

    # Changing and republishing a translated item: both languages' pages and switchers.
    watcher.paths = PATHS + UNAFFECTED
    watcher.warm()
    watcher.paths = PATHS
    first = NewsPage.objects.get(pk=site.first.pk)
    first.title = "Erste Meldung, ergänzt"
    first.save_revision().publish()
    assert watcher.stale() == []
    assert all(watcher.kept(path) for path in UNAFFECTED)

    # Approving a translation: the English draft goes live, the German page links to it.
    watcher.warm()
    english = NewsPage.objects.get(pk=site.second.pk).copy_for_translation(get_locale("en"))
    english.title = "Second news item"
    english.save_revision().publish()
    assert watcher.stale() == []
    assert b'hreflang="en"' in front_cache.get("/aktuelles/zweite/")[2]

    # Unpublishing.
    watcher.warm()
    NewsPage.objects.get(pk=site.second.pk).unpublish()
    assert watcher.stale() == []
    assert front_cache.get("/aktuelles/zweite/")[0] == 404

    # Moving a page below another: it appears at its new URL (the old one redirects there).
    watcher.paths = [*PATHS, "/ueber-uns/", "/impressum-neu/ueber-uns/"]
    StandardPageFactory(parent=site.home, title="Impressum neu", slug="impressum-neu")
    watcher.warm()
    Page.objects.get(pk=site.about.pk).move(
        Page.objects.get(slug="impressum-neu"), pos="last-child")
    assert watcher.stale() == []
    assert front_cache.get("/impressum-neu/ueber-uns/")[0] == 200

    # Deleting.
    watcher.warm()
    Page.objects.get(slug="neu").delete()
    assert watcher.stale() == []
    assert b"Neue Meldung" not in front_cache.get("/aktuelles/")[2]


def test_a_reader_who_read_a_page_before_its_publication_does_not_refill_varnish_with_it(
        site, front_cache, live_server, monkeypatch):
    """The race under load: a reader's request reads the old page, the Redaktion publishes
    (and the purge goes out), then the old page reaches Varnish, after its purge."""
    read_old_page, published = threading.Event(), threading.Event()
    original = NewsPage.get_context

    def slow_reader(page, request, *args, **kwargs):
        context = original(page, request, *args, **kwargs)
        if not published.is_set():  # only the first reader is slow
            read_old_page.set()
            assert published.wait(10)
        return context

    monkeypatch.setattr(NewsPage, "get_context", slow_reader)
    reader = threading.Thread(target=front_cache.get, args=("/aktuelles/erste/",))
    reader.start()
    assert read_old_page.wait(10)
    first = NewsPage.objects.get(pk=site.first.pk)
    first.title = "Erste Meldung, berichtigt"
    first.save_revision().publish()
    published.set()
    reader.join(10)

    # Varnish keeps what the reader got for a second (and its clock's rounding) at most.
    watcher = Watcher(front_cache, live_server, ["/aktuelles/erste/"])
    assert watcher.stale(within=RACING_S_MAXAGE + 1) == []
    assert b"Erste Meldung, berichtigt" in front_cache.get("/aktuelles/erste/")[2]
    # Kept again once it is fresh.
    assert front_cache.get("/aktuelles/erste/")[1]["X-Cache"] == "HIT"

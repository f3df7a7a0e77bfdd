"""Fixtures shared by every app's tests.

Browser tests drive Debian's Chromium through Playwright against pytest-django's live server.
Chromium starts with every background service off, so it makes no request beyond the site.
"""

import os
import shutil
import time

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made beside it
# are still synchronous, so Django's async-safety guard must not refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def _flush_again_after_a_deadlock():
    """Live-server tests end with a flush (TRUNCATE on PostgreSQL). A request the browser sent
    last may still be running in the live server, in its transaction (core/transactions.py);
    PostgreSQL then aborts one of the two as a deadlock, often the flush. The request finishes a
    moment later, so the flush is tried again. A connection left idle in its transaction, which
    would hold the flush until its lock timeout (settings/test.py), is ended first: by the time
    a test's flush runs, nothing of that test may still be working in the database."""
    from django.db import connections
    from django.test import TransactionTestCase

    teardown = TransactionTestCase._fixture_teardown

    def end_idle_transactions():
        for connection in connections.all(initialized_only=True):
            if connection.vendor != "postgresql":
                continue
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND state IN ('idle in transaction', 'idle in transaction (aborted)')"
                )

    def fixture_teardown(self):
        for attempt in range(3):
            try:
                return teardown(self)
            except Exception as error:
                message = str(error.__cause__ or error).lower()
                if attempt == 2 or not ("deadlock" in message or "lock timeout" in message):
                    raise
                time.sleep(1)
                end_idle_transactions()
        return None

    TransactionTestCase._fixture_teardown = fixture_teardown


_flush_again_after_a_deadlock()


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or not any("browser" in item.keywords for item in items):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"Browser tests need Chromium at {CHROMIUM}; CI must install it.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=shutil.which(CHROMIUM) or CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def browser_page(chromium, live_server, settings):
    """A fresh browser context (no cookies) whose relative URLs go to the live server."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
    # Requests the browser sent last (an autosave, an editing-session ping) may still be running
    # in the live server, each in its transaction (core/transactions.py); the flush after the
    # test would deadlock with them on PostgreSQL. Closing the browser does not wait for them.
    time.sleep(1)


# --- The standard site tree, built from factories ----------------------------------------------
# Live-server (transactional) tests flush every table after each test, Wagtail's migration data
# included (root page, default Locale, default Site, root collection), so nothing here relies on
# it: `build_site_tree` makes whatever is missing and reuses whatever is there.


class SiteTree:
    """The German home page with its three indexes, each with its English translation."""

    def __init__(self, **pages):
        self.__dict__.update(pages)


def build_site_tree():
    from django.core.cache import cache
    from wagtail.models import Page, Site

    from core.factories import get_locale, root_collection, translate_page
    from home.factories import HomePageFactory
    from home.models import HomePage
    from news.factories import NewsIndexPageFactory
    from news.models import NewsIndexPage
    from topics.factories import TopicIndexPageFactory
    from topics.models import TopicIndexPage
    from videos.factories import VideoIndexPageFactory
    from videos.models import VideoIndexPage

    # Site root paths and renditions are cached; a cache from an earlier test would lie.
    cache.clear()
    de, en = get_locale("de"), get_locale("en")
    root_collection()
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=de)
    )
    # Wagtail's migration adds a welcome page as the site root; our home page replaces it.
    for page in root.get_children().not_type(HomePage):
        page.delete()
    home = HomePage.objects.child_of(root).filter(locale=de).first() or HomePageFactory(
        parent=root
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.site_name = "Connective Cities"
    site.save()

    def ensure(model, factory, english_title):
        page = model.objects.child_of(home).first() or factory(parent=home)
        translated = page.get_translation_or_none(en)
        if translated is None:
            # English pages have English addresses (translation/slugs.py): /en/news/.
            translated = translate_page(page, "en", title=english_title,
                                        slug=english_title.lower())
        return page, translated.specific

    home_en = home.get_translation_or_none(en) or translate_page(home, "en", title="Home")
    home_en = home_en.specific
    news_index, news_index_en = ensure(NewsIndexPage, NewsIndexPageFactory, "News")
    topic_index, topic_index_en = ensure(TopicIndexPage, TopicIndexPageFactory, "Topics")
    video_index, video_index_en = ensure(VideoIndexPage, VideoIndexPageFactory, "Videos")
    Site.clear_site_root_paths_cache()
    return SiteTree(
        de=de, en=en, root=root, site=site, home=home, home_en=home_en,
        news_index=news_index, news_index_en=news_index_en,
        topic_index=topic_index, topic_index_en=topic_index_en,
        video_index=video_index, video_index_en=video_index_en,
    )


@pytest.fixture
def site_tree(db):
    """Locales de and en, a site whose root is the German home page, and the indexes
    "Aktuelles", "Themen" and "Videos", each translated into English (/en/news/,
    /en/topics/, /en/videos/)."""
    return build_site_tree()

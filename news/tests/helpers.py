"""Helpers for the listing and feed tests: items on given days, what a listing shows, and data
built once per module."""

import contextlib
import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, ngettext

from core.tests.helpers import soup
from news.factories import NewsPageFactory
from videos.factories import VideoPageFactory

TREE_PAGES = ("home", "home_en", "news_index", "news_index_en", "topic_index", "topic_index_en",
              "video_index", "video_index_en")


def at(day, hour=9):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def add_news(tree, title, day, **fields):
    """A news item dated `day`, first published that day at 09:00 UTC."""
    return NewsPageFactory(parent=tree.news_index, title=title, dated=day, **fields)


def add_video(tree, title, day, **fields):
    """A video first published on `day` at 09:00 UTC."""
    return VideoPageFactory(parent=tree.video_index, title=title, first_published_at=at(day),
                            **fields)


def titles(response):
    return [h.get_text(strip=True) for h in soup(response).select(".teaser__title")]


def result_count(response):
    return soup(response).select_one(".listing-results__count").get_text(strip=True)


def results(count, language="de"):
    """The result count as the reader's language words it (from the UI catalogue)."""
    with translation.override(language):
        return ngettext("%(counter)s result", "%(counter)s results", count) % {"counter": count}


def in_language(text, language):
    with translation.override(language):
        return gettext(text)


def filter_errors(response):
    return [e.get_text(strip=True) for e in soup(response).select(".listing-filter__error")]


@contextlib.contextmanager
def built_once(django_db_blocker, build):
    """Build data once for a module, inside a transaction that is rolled back at its end; each
    test runs in a savepoint of its own, so what a test changes is undone after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


def fresh(tree, extra=()):
    """The tree's pages as the database has them (an earlier test's changes were rolled back),
    and no cached site paths or renditions from before."""
    for name in (*TREE_PAGES, *extra):
        getattr(tree, name).refresh_from_db()
    cache.clear()
    return tree

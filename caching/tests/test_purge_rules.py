"""Which bans a change sends to the front cache, without a real Varnish."""

import re
import time
from collections import Counter

import pytest
from django.db import transaction

from caching.backends import VarnishBackend
from caching.purge import topic_tag
from core.factories import ContactFactory
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db

SENT = []


class RecordingBackend(VarnishBackend):
    def ban(self, *, url_regex=None, tags_regex=None):
        SENT.append((url_regex, tags_regex))
        return True


@pytest.fixture
def bans(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "caching.tests.test_purge_rules.RecordingBackend",
                    "LOCATION": "http://127.0.0.1:9"}}
    SENT.clear()
    return SENT


@pytest.fixture
def item(site_tree):
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Wasser", slug="wasser")
    topic.copy_for_translation(site_tree.en).save_revision().publish()
    page = NewsPageFactory(parent=site_tree.news_index, title="Meldung", slug="meldung",
                           topics=[topic])
    page.copy_for_translation(site_tree.en).save_revision().publish()
    return page


def banned(sent, path):
    return any(url and re.search(url, path) for url, _tags in sent)


def test_publishing_a_news_item_bans_what_shows_it_and_nothing_else(
        item, bans, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()

    for path in ["/aktuelles/meldung/", "/en/news/meldung/", "/aktuelles/",
                 "/aktuelles/?page=7", "/aktuelles/?type=news&year=2021", "/en/news/",
                 "/aktuelles/feed/rss/", "/en/news/feed/atom/", "/themen/wasser/",
                 "/themen/wasser/?page=2", "/en/topics/wasser/feed/rss/", "/", "/en/",
                 "/suche/?q=wasser", "/en/search/?q=x&page=2", "/sitemap.xml",
                 "/sitemap-pages.xml?p=2"]:
        assert banned(bans, path), path
    for path in ["/videos/", "/themen/", "/aktuelles/andere-meldung/", "/impressum/",
                 "/en/news/meldung/extra/"]:
        assert not banned(bans, path), path
    tag = topic_tag(item.topics.get().translation_key)
    assert any(tags and re.search(tags, f"topic-x,{tag}") for _url, tags in bans)


def test_bans_wait_for_the_commit(item, bans, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            item.save_revision().publish()
        assert bans == []
    for callback in callbacks:
        callback()
    assert banned(bans, "/aktuelles/meldung/")


def test_pages_in_the_menu_or_footer_ban_every_page(site_tree, bans,
                                                    django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert (".", None) in bans


def test_contacts_ban_every_page(site_tree, bans, django_capture_on_commit_callbacks):
    contact = ContactFactory(live=False)
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()

    assert (".", None) in bans


def test_deleting_bans_the_page_and_below(item, bans, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()

    assert banned(bans, "/aktuelles/meldung/") and banned(bans, "/aktuelles/")


def test_nothing_is_sent_without_a_front_cache(item, settings,
                                               django_capture_on_commit_callbacks):
    SENT.clear()
    settings.WAGTAILFRONTENDCACHE = None
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()

    assert SENT == []


def test_search_results_are_banned_again_once_the_index_task_has_run(
        item, bans, django_capture_on_commit_callbacks):
    from modelsearch.tasks import insert_or_update_object_task

    with django_capture_on_commit_callbacks(execute=True):
        insert_or_update_object_task.enqueue("news", "newspage", item.pk)

    assert banned(bans, "/suche/?q=wasser") and banned(bans, "/en/search/?q=wasser")
    assert not banned(bans, "/aktuelles/meldung/")


def test_promoting_a_result_bans_the_search_pages_only(
        item, bans, django_capture_on_commit_callbacks):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    with django_capture_on_commit_callbacks(execute=True):
        promotion = SearchPromotion.objects.create(query=Query.get("wasser"), page=item)
    assert banned(bans, "/suche/?q=wasser") and banned(bans, "/en/search/?q=wasser")
    assert not banned(bans, "/aktuelles/meldung/")

    bans.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promotion.delete()
    assert banned(bans, "/suche/?q=wasser")


def test_each_ban_goes_out_again_shortly_after_for_responses_still_on_their_way(
        item, bans, settings, django_capture_on_commit_callbacks):
    settings.FRONTEND_CACHE_BAN_AGAIN_AFTER = 0.05
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    first = list(bans)
    deadline = time.monotonic() + 5
    while len(bans) < 2 * len(first) and time.monotonic() < deadline:
        time.sleep(0.02)

    assert first
    assert Counter(bans) == Counter(first + first)

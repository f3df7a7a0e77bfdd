"""What a change shows up on, and banning exactly that from the front caches after commit.

A page's change (publish, unpublish, move, delete, slug change; approving a translation is a
publish) shows on:

- the page itself and its translations (their language switchers and hreflang links), with
  every query-string variant (pagination, filters) and their feeds;
- every ancestor (its index with all `?page=N` and filter variants, the language's home page);
- for news items, videos and topic hubs: the topic hubs of the item's topics and the news
  index of every language (it lists news and videos and offers topics as filters), and the
  news items that share a topic (their "related content"), found by cache tag;
- the home page's children appear in every page's menu or footer: their change bans every page;
- search results and the sitemap: banned by URL prefix, because their URLs cannot be listed.

Query strings cannot be enumerated either, so every URL is banned as a regular expression
`^<path>(\\?.*)?$` rather than purged one by one. Snippets shown on pages (contacts, authors)
ban every page: what shows them is not worth tracking.

Bans wait for the transaction to commit, so that no reader can refill the cache with the old
content in between. A reader's request that read the old content before the commit may still
reach the cache after the ban; two things keep its copy out:

- the site's change mark (freshness.py) moves on when the transaction commits, before the ban
  goes out, and a response made while it moved is kept by shared caches for a second only
  (the middleware);
- each ban is sent once more `BAN_AGAIN_AFTER` seconds later, for a response that had been
  checked but not yet stored when the ban arrived.

With no front cache configured (FRONTEND_CACHE_URLS unset) only the mark moves on.
"""

import contextlib
import logging
import re
import threading
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page

from . import freshness

logger = logging.getLogger("caching.purge")

# The language home pages sit right below the tree root; their children make the menus and
# the footer of every page.
MENU_DEPTH = 3
# Paths per BAN request; keeps each request's header well below Varnish's limit.
CHUNK = 40
TAG_PREFIX = "topic-"
# Seconds; far longer than a response takes from the app's check to the cache's store.
BAN_AGAIN_AFTER = 2.0


def topic_tag(translation_key):
    return TAG_PREFIX + str(translation_key).replace("-", "")


class Bans:
    """The bans collected during one transaction.

    Bans match paths on every host name the cache holds: a default site answers to any host
    name, so the name a reader used cannot be known here. On a cache shared by several sites
    that bans a little more than needed, never less.
    """

    def __init__(self, atomic):
        self.atomic = atomic
        self.exact = set()  # paths, with any query string
        self.subtrees = set()  # path prefixes
        self.everything = False
        self.tags = set()
        self.listings = False  # search and sitemap
        self.seen = set()  # (page pk, tree path, subtree)
        self.subtree_paths = set()  # tree paths banned with everything below them

    def __bool__(self):
        return bool(self.exact or self.subtrees or self.everything or self.tags
                    or self.listings)

    def covers(self, page):
        """Whether `page` lies in a subtree that is banned already (deleting a subtree)."""
        return any(page.path.startswith(path) for path in self.subtree_paths)

    # --- What a page shows up on --------------------------------------------------------

    def add_url(self, page, subtree=False, changed=False):
        """Ban `page`'s URLs; `changed`: it is the page that changed (not one that lists it)."""
        parts = page.get_url_parts()
        if not parts or parts[1] is None:
            return
        path = iri_to_uri(parts[2])
        for cached in page.specific_deferred.get_cached_paths():
            self.exact.add(path + cached.lstrip("/"))
        if subtree:
            self.subtrees.add(path)
        if changed and page.depth <= MENU_DEPTH:
            self.everything = True

    def add_page(self, page, subtree=False):
        if (page.pk, page.path, subtree) in self.seen:
            return
        self.seen.add((page.pk, page.path, subtree))
        if subtree:
            self.subtree_paths.add(page.path)
        self.listings = True
        translations = list(Page.objects.filter(translation_key=page.translation_key)
                            .exclude(pk=page.pk)) if page.translation_key else []
        for each in [page, *translations]:
            self.add_url(each, subtree=subtree and each.pk == page.pk, changed=True)
        ancestor_paths = {
            each.path[:depth * each.steplen]
            for each in [page, *translations] for depth in range(2, each.depth)
        }
        for ancestor in Page.objects.filter(path__in=ancestor_paths).specific(defer=True):
            self.add_url(ancestor)
        self.add_related(page.specific_deferred)

    def add_related(self, page):
        from news.models import NewsIndexPage, NewsPage
        from topics.models import TopicPage
        from videos.models import VideoPage

        if not isinstance(page, NewsPage | VideoPage | TopicPage):
            return
        if isinstance(page, TopicPage):
            topic_keys = {page.translation_key}
        else:
            topic_keys = set(page.topics.values_list("translation_key", flat=True))
        self.tags.update(topic_tag(key) for key in topic_keys)
        for topic in TopicPage.objects.filter(translation_key__in=topic_keys):
            self.add_url(topic)
        for index in NewsIndexPage.objects.all():
            self.add_url(index)

    # --- Sending ------------------------------------------------------------------------

    def requests(self):
        """(url_regex, tags_regex) pairs, one BAN request each."""
        if self.everything:
            yield ".", None
            return
        prefixes = set(self.subtrees) | (listing_prefixes() if self.listings else set())
        patterns = [re.escape(path) + r"(?:\?.*)?$" for path in sorted(self.exact)]
        patterns += [re.escape(path) for path in sorted(prefixes)]
        for start in range(0, len(patterns), CHUNK):
            yield "^(?:" + "|".join(patterns[start:start + CHUNK]) + ")", None
        tags = sorted(self.tags)
        for start in range(0, len(tags), CHUNK):
            chunk = "|".join(re.escape(tag) for tag in tags[start:start + CHUNK])
            yield None, f"(?:^|,)(?:{chunk})(?:,|$)"

    def send(self):
        backends = [backend for backend in get_backends().values() if hasattr(backend, "ban")]
        if not backends:
            return []
        sent = list(self.requests())
        for backend in backends:
            for url_regex, tags_regex in sent:
                backend.ban(url_regex=url_regex, tags_regex=tags_regex)
        return sent


def listing_prefixes():
    """Search result pages in every language, and the sitemap (and its parts)."""
    prefixes = {"/sitemap"}
    for code, _name in settings.LANGUAGES:
        with translation.override(code), contextlib.suppress(NoReverseMatch):
            prefixes.add(iri_to_uri(reverse("search")))
    return prefixes


_local = threading.local()


def front_cache_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def schedule(collect):
    """Let `collect(bans)` gather bans now (while deleted pages still exist) and send them once
    the transaction commits (at once outside a transaction). Each change sends its own bans;
    subtrees already banned in the same transaction are remembered, so deleting a subtree
    does not ban each of its pages again."""
    freshness.content_changed()
    if not front_cache_enabled():
        return
    atomic = connection.atomic_blocks[0] if connection.in_atomic_block else None
    bans = Bans(atomic)
    remembered = getattr(_local, "subtrees", None)
    if atomic is not None and remembered is not None and remembered[0] is atomic:
        bans.subtree_paths = remembered[1]
    else:
        _local.subtrees = (atomic, bans.subtree_paths)
    collect(bans)
    if atomic is None:
        flush(bans)
    else:
        transaction.on_commit(partial(flush, bans))


def flush(bans, again=True):
    if not bans:
        return
    try:
        bans.send()
    except Exception:
        # Purging must never turn an editor's publish into an error page.
        logger.exception("Banning changed pages from the front cache failed.")
    again_after = getattr(settings, "FRONTEND_CACHE_BAN_AGAIN_AFTER", BAN_AGAIN_AFTER)
    if again and again_after:
        # A timer, not a background task: it must not wait for (or depend on) the task
        # worker, and a ban lost with a dying process costs no more than the race it covers.
        timer = threading.Timer(again_after, flush, args=(bans,), kwargs={"again": False})
        timer.daemon = True
        timer.start()

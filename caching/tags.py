"""Tags: what a cached thing shows, and when each of those things last changed.

A tag names something readers can see: a page, the list of a page's children, the items of a
topic, a contact. Everything cached (a fragment in Redis, a page in Varnish) carries the tags of
what it shows. A change retires exactly the tags it touches (caching/changes.py): their
versions move on, so fragments stored under the old versions are no longer read, and Varnish
drops every object carrying them (caching/frontend.py).

A version is the time of the tag's last change, kept in the shared cache. A request sees each
tag at one version, the first it read, and knows when it started: anything it made from a tag
that changed after that may show what was there before the change, so it is not stored
(fragments) or kept only for a second (Varnish; caching/middleware.py).
"""

import contextlib
import contextvars
import time

from django.core.cache import cache
from django.db import transaction

# Every cached thing carries it: retiring it retires everything (a change to the menu or the
# footer, a site, a language, a privacy setting, a deploy).
ALL = "all"
# Output that may show any page: search results, the sitemap, which pages are private.
ANY_PAGE = "pages"
# Lists of news items and videos across the tree (news indexes, feeds, the home page).
NEWS = "news"
# Lists of events across the tree (event indexes, the home page's next events, topic hubs'
# events, calendars to subscribe to); retired too when an event ends (events/tasks.py).
EVENTS = "events"
# Answers that are not pages (not found, redirects): a page published at their URL.
MISSING = "missing"
# A version is kept longer than any entry made under it (caching/fragments.py), so that an
# entry can never outlive the version it was checked against.
VERSION_TIMEOUT = 3 * 24 * 60 * 60


def page(pk):
    """The page itself: its content, its title and URL wherever they are shown."""
    return f"p{pk}"


def children(pk):
    """The list of the page's children: a child published, moved or unpublished changes it."""
    return f"l{pk}"


def topic(translation_key):
    """Items of a topic, in every language: a new item of the topic may appear where it is
    shown (its hub, related content)."""
    return f"t{str(translation_key).replace('-', '')}"


def snippet(instance):
    """A contact or author, wherever shown."""
    return f"s{instance._meta.model_name}{instance.pk}"


class View:
    """What one request (or one piece of work outside a request) saw."""

    def __init__(self, public=True):
        # Public: a reader's request (no session), or work outside a request.
        self.public = public
        self.started = time.time()
        self.versions = {}
        self.shown = set()
        self.collectors = []
        # Entries read ahead in one round trip (caching/routes.py), and the keys read.
        self.read_ahead = {}
        self.keys_read = []


_view = contextvars.ContextVar("caching_view", default=None)


@contextlib.contextmanager
def request_view(public=True):
    view = View(public)
    token = _view.set(view)
    try:
        yield view
    finally:
        _view.reset(token)


def current_view():
    return _view.get() or View()


def _key(tag):
    return f"tag:{tag}"


def versions(tags, view=None):
    """{tag: version} for `tags`, each as this request first saw it. A tag never changed (or
    not for longer than VERSION_TIMEOUT) is at version 0, except "all", whose version is
    written down the first time it is read: the oldest time a page can name as changed."""
    view = view or _view.get() or View()
    missing = [tag for tag in tags if tag not in view.versions]
    if missing:
        found = cache.get_many([_key(tag) for tag in missing])
        for tag in missing:
            value = found.get(_key(tag))
            if value is None and tag == ALL:
                value = view.started - 0.001
                if not cache.add(_key(tag), value, VERSION_TIMEOUT):
                    value = cache.get(_key(tag), value)
            view.versions[tag] = value or 0.0
    return {tag: view.versions[tag] for tag in tags}


def read_ahead(entry_keys, tags, view=None):
    """Fetch entries and tag versions in one round trip: `fragments.read` and `versions`
    then find them in the view instead of asking the cache one by one."""
    view = view or current_view()
    tags = [tag for tag in tags if tag not in view.versions]
    found = cache.get_many([*entry_keys, *map(_key, tags)])
    view.read_ahead.update({entry_key: found.get(entry_key) for entry_key in entry_keys})
    for tag in tags:
        if _key(tag) in found:
            view.versions[tag] = found[_key(tag)]
        elif tag != ALL:  # "all" is written down by `versions` on first read
            view.versions[tag] = 0.0


def read_afresh(tags):
    """{tag: version} of those of `tags` whose version the cache holds, read now."""
    found = cache.get_many([_key(tag) for tag in tags])
    return {tag: found[_key(tag)] for tag in tags if _key(tag) in found}


def shows(*tags):
    """Note that what is being made shows `tags`: the fragments being computed, and the
    response, carry them."""
    view = _view.get()
    if view is None:
        return
    view.shown.update(tags)
    for collector in view.collectors:
        collector.update(tags)


def shows_pages(pages):
    shows(*(page(each.pk) for each in pages))


@contextlib.contextmanager
def collecting():
    """The tags shown while the block runs (and its nested fragments')."""
    view = _view.get()
    if view is None:  # outside a request: a view of its own for the block
        with request_view(), collecting() as collected:
            yield collected
        return
    collected = set()
    view.collectors.append(collected)
    try:
        yield collected
    finally:
        view.collectors.pop()


def retire(tags):
    """Move the versions of `tags` on now and again when the transaction commits (a request
    in between may have read the old rows under the new version), and drop them from the front
    caches after the commit."""
    from . import frontend

    tags = set(tags)
    if not tags:
        return
    _move_on(tags)
    transaction.on_commit(lambda: _move_on(tags))
    frontend.purge_after_commit(tags)


def _move_on(tags):
    now = time.time()
    cache.set_many({_key(tag): now for tag in tags}, VERSION_TIMEOUT)
    view = _view.get()
    if view is not None:
        # The request that made the change sees it at once.
        for tag in tags:
            view.versions.pop(tag, None)

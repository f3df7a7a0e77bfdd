"""What a change touches: the tags it retires (caching/tags.py), in Redis and Varnish alike.

A page published, unpublished, moved or deleted (approving a translation is a publish):
- the page itself, wherever it is shown, and its translations (their language switchers);
- the list of its parent's children (the index that lists it);
- for news items, videos and topic hubs: the items of its topics (hubs, related content) and
  the lists of news across the tree (news indexes, feeds, the home page);
- for events and series: the items of their topics and the lists of events across the tree;
- search results and the sitemap;
- everything, for a page in the menu or the footer (right below a home page), for an alias,
  and for a moved or renamed page with pages below it (their URLs all change).

A contact or author: wherever it is shown. A site, a language or a privacy setting:
everything.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail import signals as wagtail_signals
from wagtail.models import Locale, Page, PageViewRestriction, Site

from . import tags

# The language home pages sit right below the tree root; their children make the menus and
# the footer of every page.
MENU_DEPTH = 3


def page_tags(page):
    """The tags a change of `page` touches."""
    if page.depth <= MENU_DEPTH or page.alias_of_id:
        # An alias may lie in a private section (core/restrictions.py).
        return {tags.ALL}
    touched = {tags.page(page.pk), tags.children(page.get_parent().pk) if page.depth > 1 else None,
               tags.ANY_PAGE, tags.MISSING}
    if page.translation_key:
        touched |= {tags.page(pk) for pk in Page.objects.filter(
            translation_key=page.translation_key).values_list("pk", flat=True)}
    touched |= topic_tags(page.specific_deferred)
    touched.discard(None)
    return touched


def topic_tags(page):
    from events.models import EventPage, EventSeriesPage
    from news.models import NewsPage
    from topics.models import TopicPage
    from videos.models import VideoPage

    if isinstance(page, TopicPage):
        return {tags.topic(page.translation_key), tags.NEWS}
    for models, lists in ((NewsPage | VideoPage, tags.NEWS),
                          (EventPage | EventSeriesPage, tags.EVENTS)):
        if isinstance(page, models):
            keys = page.topics.values_list("translation_key", flat=True)
            return {lists, *(tags.topic(key) for key in keys)}
    return set()


def subtree_tags(page):
    """A move or a new slug changes the URL of the page and of every page below it."""
    if page.numchild:
        return {tags.ALL}
    return page_tags(page)


def page_changed(sender, instance, **kwargs):
    tags.retire(page_tags(instance))


def page_moving(sender, instance, **kwargs):
    """Before a move: what showed it at its old place."""
    tags.retire(subtree_tags(Page.objects.get(pk=instance.pk)))


def page_moved(sender, instance, **kwargs):
    tags.retire(subtree_tags(Page.objects.get(pk=instance.pk)))


def slug_changed(sender, instance, instance_before, **kwargs):
    tags.retire(subtree_tags(instance_before) | subtree_tags(instance))


def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.pk:
        tags.retire(page_tags(instance))


# Saving a draft touches only these; a reader sees no change.
DRAFT_FIELDS = {"draft_title", "latest_revision_created_at", "has_unpublished_changes",
                "latest_revision", "locked", "locked_at", "locked_by"}


def live_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A live page saved outside publishing (imports, scripts, tests)."""
    if raw or not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    tags.retire(page_tags(instance))


def snippet_changed(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        tags.retire({tags.snippet(instance)})


def everything_changed(sender, **kwargs):
    tags.retire({tags.ALL})


def promotion_changed(sender, instance, **kwargs):
    """Editors' promoted results show above the search results."""
    tags.retire({tags.ANY_PAGE})


def redirect_changed(sender, instance, **kwargs):
    tags.retire({tags.MISSING})


def connect():
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from core.snippets import Author, Contact

    wagtail_signals.page_published.connect(page_changed, dispatch_uid="caching.published")
    wagtail_signals.page_unpublished.connect(page_changed, dispatch_uid="caching.unpublished")
    wagtail_signals.pre_page_move.connect(page_moving, dispatch_uid="caching.pre_move")
    wagtail_signals.post_page_move.connect(page_moved, dispatch_uid="caching.post_move")
    wagtail_signals.page_slug_changed.connect(slug_changed, dispatch_uid="caching.slug")
    pre_delete.connect(page_deleting, dispatch_uid="caching.page_delete")
    post_save.connect(live_page_saved, dispatch_uid="caching.live_page_saved")
    wagtail_signals.published.connect(snippet_changed, dispatch_uid="caching.snippet_pub")
    wagtail_signals.unpublished.connect(snippet_changed, dispatch_uid="caching.snippet_unpub")
    # Authors have no drafts: live when saved.
    post_save.connect(snippet_changed, sender=Author, dispatch_uid="caching.author_save")
    for model in (Author, Contact):
        post_delete.connect(snippet_changed, sender=model,
                            dispatch_uid=f"caching.delete.{model._meta.label}")
    for model in (Site, Locale, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(everything_changed, sender=model,
                           dispatch_uid=f"caching.everything.{model._meta.label}.{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(promotion_changed, sender=SearchPromotion,
                       dispatch_uid=f"caching.promotion.{id(signal)}")
        signal.connect(redirect_changed, sender=Redirect,
                       dispatch_uid=f"caching.redirect.{id(signal)}")

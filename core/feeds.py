"""RSS 2.0 and Atom feeds of a listing page (the news index, a topic hub), in its language.

Built on Django's syndication framework: no hand-written XML. A page gets its feeds by mixing in
`FeedsMixin` and defining `feed_items()`; the routes are `feed/rss/` and `feed/atom/` below the
page, so each language's page has its own feeds (/aktuelles/feed/rss/, /en/news/feed/rss/).
Items are live, public and unexpired (see `core.listing.mixed_listing`); nothing is cached
here (Varnish keeps a feed until what it shows changes: its items, and what `feed_tags()`
names may join it; caching/tags.py). A feed costs a fixed number of queries: the items, one
query per page type on it, one for all their topics and one for their bylines.
"""

import datetime
from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.db.models import F, OuterRef, Subquery
from django.utils import feedgenerator, timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, Page

from caching import tags

from .listing import FEED_SIZE
from .restrictions import public_q


def _translation(model, locale, column, key="translation_key"):
    """A subquery: `column` of the object of `model` in `locale` whose translation key is the
    outer row's `key` (live and public where the model has such states), or NULL."""
    translations = model._default_manager.filter(locale=locale, translation_key=OuterRef(key))
    if issubclass(model, Page):
        translations = translations.live().filter(public_q())
    elif issubclass(model, DraftStateMixin):
        translations = translations.filter(live=True)
    return Subquery(translations.values(column)[:1])


def _topic_titles(by_model, locale):
    """{item id: [titles of its topic hubs in `locale`]}, in tree order, for every model's
    `topics_field`: one query for all of them (a union of the many-to-many tables, each row
    with its topic's translation)."""
    queries = []
    for model, group in by_model.items():
        if not model.topics_field:
            continue
        field = model._meta.get_field(model.topics_field)
        item, topic = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = (
            field.remote_field.through.objects
            .filter(**{f"{item}__in": [page.pk for page in group]})
            .annotate(item_id=F(f"{item}_id"), topic_path=F(f"{topic}__path"),
                      topic_title=_translation(field.related_model, locale, "title",
                                               key=f"{topic}__translation_key"))
            .values_list("item_id", "topic_path", "topic_title")
        )
        queries.append(rows)
    if not queries:
        return {}
    titles = defaultdict(list)
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    for item_id, _path, title in sorted(rows, key=lambda row: (row[0], row[1])):
        if title is not None:
            titles[item_id].append(title)
    return titles


def _author_names(by_model, locale):
    """{(author model, id): name in `locale`, or the original's when untranslated} for the
    `byline_field` of each model: one query per author model."""
    ids = defaultdict(set)
    for model, group in by_model.items():
        if model.byline_field:
            author_model = model._meta.get_field(model.byline_field).related_model
            attname = model._meta.get_field(model.byline_field).attname
            ids[author_model] |= {getattr(page, attname) for page in group} - {None}
    names = {}
    for author_model, pks in ids.items():
        rows = (
            author_model._default_manager.filter(pk__in=pks)
            .annotate(localized_name=_translation(author_model, locale, "name"),
                      localized_pk=_translation(author_model, locale, "pk"))
            .values_list("pk", "name", "localized_name", "localized_pk")
        )
        for pk, name, localized_name, localized_pk in rows:
            names[author_model, pk] = localized_name or name
            # Renaming the author (or the translation shown) retires the feed.
            shown = author_model(pk=localized_pk if localized_name else pk)
            tags.shows(tags.snippet(shown))
    return names


def prepare_feed_items(items, locale):
    """Give each item `feed_categories` (the titles of its topic hubs, `topics_field`) and
    `feed_author` (the name of its `byline_field`), in `locale`, fetched in bulk whatever the
    number of items: one query for the topics, one for the bylines."""
    by_model = defaultdict(list)
    for item in items:
        by_model[type(item)].append(item)
    topic_titles = _topic_titles(by_model, locale)
    author_names = _author_names(by_model, locale)
    for item in items:
        item.feed_categories = topic_titles.get(item.pk, [])
        item.feed_author = None
        if item.byline_field:
            field = item._meta.get_field(item.byline_field)
            item.feed_author = author_names.get(
                (field.related_model, getattr(item, field.attname)))
    return items


class ListingFeed(Feed):
    """The RSS 2.0 feed of a listing page; one instance serves one request."""

    feed_type = feedgenerator.Rss201rev2Feed
    route_name = "feed_rss"

    def __init__(self, page):
        super().__init__()
        self.page = page
        self.language = page.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def site_name(self):
        return gettext("Connective Cities")

    def title(self, page):
        return f"{page.seo_title or page.title} – {self.site_name()}"

    def link(self, page):
        return page.get_full_url(self.request)

    def feed_url(self, page):
        return page.get_full_url(self.request) + page.reverse_subpage(self.route_name)

    def channel_text(self, page):
        text = page.summary or strip_tags(getattr(page, "introduction", "") or "")
        return " ".join(text.split()) or self.title(page)

    def description(self, page):
        """RSS: readers render the channel description as HTML, like item descriptions."""
        return escape(self.channel_text(page))

    def subtitle(self, page):
        return self.channel_text(page)  # Atom: a plain-text construct

    def author_name(self, page):
        return self.site_name()

    def items(self, page):
        items = list(page.feed_items()[:FEED_SIZE])
        tags.shows(tags.page(page.pk), *page.feed_tags())
        tags.shows_pages(items)
        return prepare_feed_items(items, page.locale)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """The teaser, as HTML: feed readers render descriptions as HTML, so plain text is
        escaped (and then once more by the XML writer)."""
        return escape(Truncator(item.summary or "").chars(400))

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        """The news date, at the time of first publication (in any language) when that was the
        same day, otherwise at midnight."""
        published = getattr(item, "first_published", None) or item.first_published_at
        day = getattr(item, "listing_date", None)
        if day is None or (published and timezone.localdate(published) == day):
            return published
        return datetime.datetime.combine(day, datetime.time(),
                                         tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.feed_author

    def item_categories(self, item):
        return item.feed_categories


class AtomListingFeed(ListingFeed):
    feed_type = feedgenerator.Atom1Feed
    route_name = "feed_atom"


class FeedsMixin(RoutablePageMixin):
    """Adds `feed/rss/` and `feed/atom/` to a page that defines `feed_items()`: a queryset of
    specific pages, newest first (see `core.listing.mixed_listing`)."""

    def feed_items(self):
        raise NotImplementedError

    def feed_tags(self):
        """What may join the feed when it is published (caching/tags.py): news and videos."""
        return [tags.NEWS]

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return ListingFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        return AtomListingFeed(self)(request)

    def feed_links(self, request):
        """The feeds, for autodiscovery links in the page head and visible links."""
        base = self.get_full_url(request)
        title = self.seo_title or self.title
        return [
            {
                "content_type": "application/rss+xml",
                "url": base + self.reverse_subpage("feed_rss"),
                "title": gettext("%(title)s (RSS feed)") % {"title": title},
                "label": gettext("RSS feed"),
            },
            {
                "content_type": "application/atom+xml",
                "url": base + self.reverse_subpage("feed_atom"),
                "title": gettext("%(title)s (Atom feed)") % {"title": title},
                "label": gettext("Atom feed"),
            },
        ]

    def get_cached_paths(self):
        """A front cache purges the feeds together with the page."""
        return ["/", "/" + self.reverse_subpage("feed_rss"),
                "/" + self.reverse_subpage("feed_atom")]

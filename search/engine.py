"""Finding pages for a reader: full-text search in their language, filters, excerpts and the
results editors promote.

Only live, public pages of the reader's language, under the current site, are found. The
search runs on the project's own index (search/models.py: one entry per page, in its
language, written whenever a page is published) through the dialect of the database
(search/dialects.py). Whatever the number of results, a results page costs a fixed number of
queries.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from caching import tags
from caching.fragments import cached, cached_list, key
from core.listing import PAGE_SIZE
from core.restrictions import public_q
from events.models import EventPage, EventSeriesPage
from news.models import NewsPage
from topics.models import TopicPage
from videos.models import VideoPage

from . import dialects
from .dialects import MARK_END, MARK_START, unmarked
from .models import SearchEntry


@dataclass(frozen=True)
class Kind:
    """A kind of content readers can narrow their search to (`?type=news`)."""

    slug: str
    label: str
    model: type | None  # None: every page that is of no other kind

    @property
    def content_type(self):
        return ContentType.objects.get_for_model(self.model) if self.model else None


KINDS = (
    Kind("news", _("News"), NewsPage),
    Kind("video", _("Videos"), VideoPage),
    Kind("event", _("Events"), EventPage),
    Kind("topic", _("Topics"), TopicPage),
    Kind("page", _("Other pages"), None),
)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


def kind_of(page):
    for kind in KINDS:
        if kind.model is not None and isinstance(page, kind.model):
            return kind
    return KINDS_BY_SLUG["page"]


# --- Which pages ---------------------------------------------------------------------------------


def searchable_pages(request, locale):
    """Live, public pages of `locale` under the current site (so each has a URL)."""
    site = Site.find_for_request(request)
    roots = [
        root.root_path
        for root in Site.get_site_root_paths()
        if site is not None and root.site_id == site.pk
        and root.language_code == locale.language_code
    ]
    if not roots:
        return Page.objects.none()
    within = reduce(or_, (Q(url_path__startswith=root) for root in roots))
    return Page.objects.live().filter(public_q()).filter(within, locale=locale)


def filter_kind(pages, kind):
    if kind is None:
        return pages
    if kind.model is not None:
        return pages.filter(content_type=kind.content_type)
    return pages.exclude(content_type__in=[k.content_type for k in KINDS if k.model])


def topics_for(locale):
    """The topic hubs a reader can narrow their search to, in their language."""
    return cached_list(key("search-topics", locale.pk), lambda: (
        TopicPage.objects.live().filter(public_q()).filter(locale=locale).order_by("title")
        .only("id", "title", "slug", "translation_key", "locale_id")
    ), [tags.ANY_PAGE])


# The page types that readers tag with topics (their `topics` relation).
TAGGED_WITH_TOPICS = (NewsPage, VideoPage, EventPage, EventSeriesPage)


def filter_topic(pages, topic):
    """Pages about `topic`: the topic hub itself and every page tagged with it.

    Pages are tagged with the source topic (relations are synchronised from German), so they
    are matched by the topic's translation key.
    """
    if topic is None:
        return pages
    about = Q(translation_key=topic.translation_key,
              content_type=ContentType.objects.get_for_model(TopicPage))
    for model in TAGGED_WITH_TOPICS:
        tagged = model.objects.filter(topics__translation_key=topic.translation_key)
        about |= Q(pk__in=tagged.values("pk"))
    return pages.filter(about)


# --- Matching ------------------------------------------------------------------------------------


def matching(pages, parsed, locale):
    """The pages that match `parsed` (a query that is not empty)."""
    return dialects.current().matching(pages, parsed, locale.language_code)


def by_relevance(pages, parsed, locale):
    """Matching pages, best first, annotated with `search_rank` (higher is better)."""
    return dialects.current().ranked(pages, parsed, locale.language_code).order_by(
        "-search_rank", "-first_published_at", "-pk"
    )


def count_by_kind(pages):
    """How many of `pages` each kind has, for the filter's labels (one query)."""
    per_type = dict(
        pages.order_by().values("content_type").annotate(n=Count("pk"))
        .values_list("content_type", "n")
    )
    counts = {}
    typed = {kind.content_type.pk: kind.slug for kind in KINDS if kind.model}
    for content_type_id, number in per_type.items():
        slug = typed.get(content_type_id, "page")
        counts[slug] = counts.get(slug, 0) + number
    return counts


# --- A results page -------------------------------------------------------------------------------


@dataclass
class Results:
    """One page of results, kept in the shared cache until the next change of content."""

    counts: dict  # kind slug -> number of results, whatever kind was asked for
    total: int  # results of the kind asked for
    number: int  # the results page, as the paginator settled it
    pages: list  # its pages (specific, without their StreamFields), best first
    marked: dict  # page id -> (title, excerpt) as safe HTML

    def page_of_results(self):
        """A paginator page of the results (Django's, for the pagination links)."""
        page = Paginator(range(self.total), PAGE_SIZE).get_page(self.number)
        page.object_list = self.pages
        return page


def _key(name, request, parsed, locale, *parts):
    site = Site.find_for_request(request)
    # Exactly as typed (after clean-up): "OR" and "or" are not the same search.
    text = hashlib.sha256(parsed.text.encode()).hexdigest()[:32]
    return key(name, site.pk if site else "", locale.pk, text, *parts)


def results(request, parsed, locale, *, kind, topic, promoted, page_number):
    """The results page `page_number` for `parsed` among the live public pages of `locale`,
    narrowed to `kind` and `topic`, leaving out the `promoted` pages (shown above them)."""
    entry_key = _key("search", request, parsed, locale, kind.slug if kind else "",
                     topic.pk if topic else "", ",".join(map(str, sorted(promoted))),
                     _page_number(page_number))
    return cached(entry_key, lambda: _find(request, parsed, locale, kind, topic, promoted,
                                           page_number), [tags.ANY_PAGE])


def count(request, parsed, locale):
    """How many live public pages of `locale` match `parsed`, whatever their kind or topic
    (one query, then from the shared cache until the next change of content)."""
    def compute():
        with dialects.current().searching():
            return matching(searchable_pages(request, locale), parsed, locale).count()

    return cached(_key("search-count", request, parsed, locale), compute, [tags.ANY_PAGE])


def _page_number(value):
    """As the paginator reads it: a number, or anything else as the first page."""
    return int(value) if str(value or "").isdigit() and len(str(value)) < 7 else 1


def _find(request, parsed, locale, kind, topic, promoted, page_number):
    with dialects.current().searching():
        pages = filter_topic(searchable_pages(request, locale), topic)
        organic = matching(pages, parsed, locale).exclude(pk__in=promoted)
        counts = count_by_kind(organic)
        total = counts.get(kind.slug, 0) if kind else sum(counts.values())
        page = Paginator(range(total), PAGE_SIZE).get_page(_page_number(page_number))
        ranked = by_relevance(filter_kind(organic, kind), parsed, locale)
        first, last = page.start_index() - 1, page.end_index()
        pages = list(ranked.defer_streamfields().specific()[first:last]) if total else []
        marked = highlights([found.pk for found in pages], parsed, locale)
    return Results(counts=counts, total=total, number=page.number, pages=pages, marked=marked)


# --- Excerpts ------------------------------------------------------------------------------------


def mark_up(text):
    """Escape all of `text`, then turn the matched words between the marks into <mark>
    elements. Stray marks are dropped. Nothing from the content is trusted as HTML."""
    html, position = [], 0
    for found in re.finditer(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}", text):
        html.append(escape(unmarked(text[position:found.start()])))
        html.append(f"<mark>{escape(found.group(1))}</mark>")
        position = found.end()
    html.append(escape(unmarked(text[position:])))
    return mark_safe("".join(html))  # noqa: S308 - every piece is escaped above


def highlights(page_ids, parsed, locale):
    """{page id: (title, excerpt)} as safe HTML with the matched words marked (one query)."""
    if not page_ids:
        return {}
    entries = SearchEntry.objects.filter(page_id__in=page_ids)
    rows = dialects.current().marked(entries, parsed, locale.language_code)
    return {page_id: (mark_up(title), mark_up(body)) for page_id, title, body in rows}


# --- Promoted results ---------------------------------------------------------------------------


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    page: Page | None = None


def promotions(parsed, *, request, locale, kind=None, topic=None):
    """What editors promote for this query (Wagtail's search promotions), in the reader's
    language: a promoted page shows as its translation among the pages searched, or not at
    all. External links show only when no filter narrows the search. Kept in the shared cache
    until a page or a promotion changes (caching/changes.py)."""
    entry_key = _key("promotions", request, parsed, locale, kind.slug if kind else "",
                     topic.pk if topic else "")
    return cached(entry_key, lambda: _promotions(
        parsed, filter_kind(filter_topic(searchable_pages(request, locale), topic), kind),
        filtered=bool(kind or topic), request=request,
    ), [tags.ANY_PAGE])


def _promotions(parsed, pages, *, filtered, request):
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(parsed.text))
        .select_related("page").order_by("sort_order", "pk")
    )
    keys = {pick.page.translation_key for pick in picks if pick.page_id}
    found = {}
    if keys:
        found = {
            page.translation_key: page
            for page in pages.filter(translation_key__in=keys).defer_streamfields().specific()
        }
    result = []
    for pick in picks:
        if pick.page_id:
            page = found.get(pick.page.translation_key)
            if page is not None and all(p.page is not page for p in result):
                result.append(Promotion(page.title, page.get_url(request),
                                        pick.description or getattr(page, "summary", ""), page))
        elif pick.external_link_url and not filtered:
            result.append(Promotion(pick.external_link_text or pick.external_link_url,
                                    pick.external_link_url, pick.description))
    return result

"""Finding pages for a reader: full-text search in their language, filters, excerpts and the
results editors promote.

Only live, public pages of the reader's language, under the current site, are found. The
search runs on Wagtail's index (one entry per page, updated whenever a page is saved, so on
publish and unpublish): on PostgreSQL with the text-search configuration of the reader's
language (search/backends.py indexes each page with the configuration of its own), on SQLite
through its FTS5 table. Whatever the number of results, a results page costs a fixed number
of queries.
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchQueryField
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.lookups import Lookup
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from news.models import NewsPage
from topics.models import TopicPage
from videos.models import VideoPage

from . import query as search_query
from .backends import config_for_language

# Marks around matched words while text is still plain; they become <mark> after escaping.
MARK_START, MARK_END = "\u27e6", "\u27e7"
EXCERPT_WORDS = 35


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
    return Page.objects.live().public().filter(within, locale=locale)


def filter_kind(pages, kind):
    if kind is None:
        return pages
    if kind.model is not None:
        return pages.filter(content_type=kind.content_type)
    return pages.exclude(content_type__in=[k.content_type for k in KINDS if k.model])


def topics_for(locale):
    """The topic hubs a reader can narrow their search to, in their language."""
    return list(
        TopicPage.objects.live().public().filter(locale=locale).order_by("title")
        .only("id", "title", "slug", "translation_key", "locale_id")
    )


def filter_topic(pages, topic):
    """Pages about `topic`: the topic hub itself and every page tagged with it.

    Pages are tagged with the source topic (relations are synchronised from German), so they
    are matched by the topic's translation key. Every page type with a many-to-many relation
    to topics counts, so a new tagged page type needs no change here.
    """
    if topic is None:
        return pages
    about = Q(translation_key=topic.translation_key,
              content_type=ContentType.objects.get_for_model(TopicPage))
    # TODO(protocol): page types should say they are tagged with topics; no _meta walk.
    for relation in TopicPage._meta.related_objects:
        if relation.many_to_many and issubclass(relation.related_model, Page):
            tagged = relation.related_model.objects.filter(
                **{f"{relation.field.name}__translation_key": topic.translation_key}
            ).values("pk")
            about |= Q(pk__in=tagged)
    return pages.filter(about)


# --- Matching ------------------------------------------------------------------------------------


class _Fts5Match(Lookup):
    """`<fts table> MATCH <expression>`, as a WHERE condition of its own (SQLite refuses the
    "= 1" Django would add to a boolean expression)."""

    lookup_name = "fts5_match"

    def __init__(self, expression):
        self.expression = expression
        super().__init__(None, None)

    def as_sql(self, compiler, connection):
        from wagtail.search.models import SQLiteFTSIndexEntry

        return f"{SQLiteFTSIndexEntry._meta.db_table} MATCH %s", [self.expression]


class _Bm25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        from wagtail.search.models import SQLiteFTSIndexEntry

        return f"bm25({SQLiteFTSIndexEntry._meta.db_table})", []


def _page_content_type_ids():
    from wagtail.search.utils import get_descendants_content_types_pks

    return get_descendants_content_types_pks(Page)


def matching(pages, parsed, locale):
    """The pages that match `parsed` (a query that is not empty)."""
    if connection.vendor == "postgresql":
        config = config_for_language(locale.language_code)
        # First what the GIN indexes answer: a word of each group in the title or the rest
        # (one filter() call, so one join to the index entries, which the rest reuses) ...
        likely = Q()
        for sql, params in search_query.group_prefilters_sql(parsed, config,
                                                             locale.language_code):
            words = _Tsquery(sql, params)
            likely &= (Q(index_entries__title=words) | Q(index_entries__body=words)
                       | Q(_EmptyTsquery(words)))
        # ... then the whole query on title and text together.
        return pages.filter(likely).alias(
            _matches=Func(_vector(), _tsquery(parsed, locale), template="(%(expressions)s)",
                          arg_joiner=" @@ ", output_field=BooleanField()),
        ).filter(_matches=True)
    return pages.filter(pk__in=_fts5_entries(parsed).values("index_entry__object_id"))


def by_relevance(pages, parsed, locale):
    """Matching pages, best first, annotated with `search_rank` (higher is better)."""
    if connection.vendor == "postgresql":
        rank = Func(_vector(), _tsquery(parsed, locale), function="ts_rank",
                    output_field=FloatField())
    else:
        # bm25() is lower for better matches.
        entry_rank = _fts5_entries(parsed).filter(
            index_entry__object_id=Cast(OuterRef("pk"), output_field=CharField())
        ).annotate(rank=-_Bm25()).values("rank")[:1]
        rank = Subquery(entry_rank, output_field=FloatField())
    return pages.annotate(search_rank=rank).order_by(
        "-search_rank", "-first_published_at", "-pk"
    )


def _vector():
    # Both are stored tsvectors: the title's and that of every other indexed field.
    return Func(F("index_entries__title"), F("index_entries__body"),
                template="(%(expressions)s)", arg_joiner=" || ")


class _Tsquery(SearchQuery):
    """A tsquery built by search.query, usable wherever Django expects a SearchQuery. Its SQL
    is fixed text; everything the reader typed is a parameter."""

    def __init__(self, sql, params):
        Func.__init__(self, output_field=SearchQueryField())
        self.sql, self.params, self.config, self.invert = sql, list(params), None, False

    def as_sql(self, compiler, connection, function=None, template=None):
        return self.sql, list(self.params)


class _EmptyTsquery(Func):
    """True when a tsquery has nothing to look for (only stop words), so that such a group
    does not exclude every page. PostgreSQL folds it to a constant when it plans."""

    template = "(numnode(%(expressions)s) = 0)"
    output_field = BooleanField()


def _tsquery(parsed, locale):
    sql, params = search_query.to_tsquery_sql(
        parsed, config_for_language(locale.language_code), locale.language_code
    )
    return _Tsquery(sql, params)


def _fts5_entries(parsed):
    from wagtail.search.models import SQLiteFTSIndexEntry

    return SQLiteFTSIndexEntry.objects.filter(
        _Fts5Match(search_query.to_fts5_match(parsed)),
        index_entry__content_type__in=_page_content_type_ids(),
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


# --- Excerpts ------------------------------------------------------------------------------------


def mark_up(text):
    """Escape all of `text`, then turn the matched words between the marks into <mark>
    elements. Stray marks are dropped. Nothing from the content is trusted as HTML."""
    html, position = [], 0
    for found in re.finditer(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}", text):
        html.append(escape(_unmarked(text[position:found.start()])))
        html.append(f"<mark>{escape(found.group(1))}</mark>")
        position = found.end()
    html.append(escape(_unmarked(text[position:])))
    return mark_safe("".join(html))  # noqa: S308 - every piece is escaped above


def _unmarked(text):
    return text.replace(MARK_START, "").replace(MARK_END, "")


def _highlight_in_python(text, matches, whole=False):
    """`text` with the words the query looks for between marks; unless `whole`, only a window
    of EXCERPT_WORDS words around the first match."""
    words = _unmarked(text or "").split()
    if not whole:
        first = next((i for i, word in enumerate(words)
                      if any(matches(part) for part in _PARTS.findall(word))), 0)
        start = max(0, first - 8)
        end = start + EXCERPT_WORDS
        cut_before, cut_after = start > 0, end < len(words)
        words = words[start:end]
    marked = " ".join(
        _PARTS.sub(lambda m: f"{MARK_START}{m.group()}{MARK_END}" if matches(m.group())
                   else m.group(), word)
        for word in words
    )
    if not whole:
        marked = ("… " if cut_before else "") + marked + (" …" if cut_after else "")
    return marked


_PARTS = re.compile(r"[^\W_]+")


def highlights(pages, parsed, locale):
    """{page id: (title, excerpt)} as safe HTML with the matched words marked (one query)."""
    if not pages:
        return {}
    ids = [str(page.pk) for page in pages]
    entries = IndexEntry.objects.filter(
        content_type_id__in=_page_content_type_ids(), object_id__in=ids
    )
    if connection.vendor == "postgresql":
        sql, params = search_query.to_tsquery_sql(
            parsed, config_for_language(locale.language_code), locale.language_code
        )
        config = config_for_language(locale.language_code)
        marks = f"StartSel={MARK_START}, StopSel={MARK_END}"

        def headline(column, options):
            return RawSQL(  # noqa: S611 - fixed SQL; what the reader typed is a parameter
                f"ts_headline(%s::regconfig, translate({column}, %s, ''), {sql}, %s)",
                [config, MARK_START + MARK_END, *params, options],
            )

        table = IndexEntry._meta.db_table
        rows = entries.annotate(
            title_marked=headline(f'"{table}"."title_text"', f"HighlightAll=true, {marks}"),
            body_marked=headline(
                f'"{table}"."body_text"',
                f'{marks}, MaxWords={EXCERPT_WORDS}, MinWords=15, MaxFragments=2, '
                f'FragmentDelimiter=" … "',
            ),
        ).values_list("object_id", "title_marked", "body_marked")
    else:
        matches = search_query.word_matcher(parsed)
        rows = [
            (object_id, _highlight_in_python(title, matches, whole=True),
             _highlight_in_python(body, matches))
            for object_id, title, body in entries.values_list("object_id", "title", "body")
        ]
    return {int(object_id): (mark_up(title), mark_up(body)) for object_id, title, body in rows}


# --- Promoted results ---------------------------------------------------------------------------


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    page: Page | None = None


def promotions(parsed, pages, *, filtered, request):
    """What editors promote for this query (Wagtail's search promotions), in the reader's
    language: a promoted page shows as its translation among `pages`, or not at all. External
    links show only when no filter narrows the search."""
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

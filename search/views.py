"""The search results page: /search/ (German) and /en/search/, for any query, never an error.

Parameters: `q` the query (see search/query.py), `type` a kind of content (news, video,
topic, page), `topic` the slug of a topic hub, `page` the results page. Unknown or malformed
values fall back to "all"; pagination links keep the query and the filters. The page is the
same for every reader (no cookie, no session), so a shared cache may keep it.
"""

import re
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from wagtail.models import Locale

from home.listing import paginate

from . import engine
from .query import MAX_QUERY_LENGTH, parse

_SLUG = re.compile(r"[-\w]{1,255}")


def _param(request, name):
    value = request.GET.get(name, "")
    return value if isinstance(value, str) else ""


def search(request):
    parsed = parse(_param(request, "q"))
    locale = Locale.get_active()
    kind = engine.KINDS_BY_SLUG.get(_param(request, "type"))
    topics = engine.topics_for(locale)
    topic_slug = _param(request, "topic")
    topic = next((t for t in topics if _SLUG.fullmatch(topic_slug) and t.slug == topic_slug),
                 None)

    context = {
        "search_query": parsed.text,
        "parsed_query": parsed,
        "max_query_length": MAX_QUERY_LENGTH,
        "kind_options": [(item, 0) for item in engine.KINDS],
        "kind": kind,
        "topics": topics,
        "topic": topic,
        "promotions": [],
        "results_page": None,
        "searched": not parsed.is_empty,
    }
    if not parsed.is_empty:
        pages = engine.filter_topic(engine.searchable_pages(request, locale), topic)
        matched = engine.matching(pages, parsed, locale)
        promotions = engine.promotions(
            parsed, engine.filter_kind(pages, kind), filtered=bool(kind or topic),
            request=request,
        )
        promoted_ids = [p.page.pk for p in promotions if p.page is not None]
        results = engine.by_relevance(
            engine.filter_kind(matched, kind).exclude(pk__in=promoted_ids), parsed, locale
        )
        results_page = paginate(request, results.defer_streamfields().specific())
        results_page.object_list = list(results_page.object_list)
        marked = engine.highlights(results_page.object_list, parsed, locale)
        context.update(
            promotions=promotions if results_page.number == 1 else [],
            results_page=results_page,
            results=[
                {"page": page, "kind": engine.kind_of(page),
                 "title": marked.get(page.pk, (page.title, ""))[0],
                 "excerpt": marked.get(page.pk, ("", page.summary))[1]}
                for page in results_page.object_list
            ],
            total=results_page.paginator.count + len(promotions),
        )
        counts = engine.count_by_kind(matched)
        context["kind_options"] = [(item, counts.get(item.slug, 0)) for item in engine.KINDS]
    filters = {"q": parsed.text, "type": kind.slug if kind else "",
               "topic": topic.slug if topic else ""}
    context["query_prefix"] = urlencode({k: v for k, v in filters.items() if v})
    return TemplateResponse(request, "search/search.html", context)

"""The search results page: /suche/ (German) and /en/search/, for any query, never an error.

Parameters: `q` the query (see search/query.py), `type` a kind of content (news, video,
topic, page), `topic` the slug of a topic hub, `page` the results page. Unknown or malformed
values fall back to "all" (or, for `page`, to the first or last page, as
core.listing.paginate_listing does); pagination links keep the query and the filters. The page
is the same for every reader (no cookie, no session), so a shared cache may keep it.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import Site

from caching.fragments import active_locale

from . import engine
from .query import MAX_QUERY_LENGTH, parse


def _param(request, name):
    return request.GET.get(name, "")


def search(request):
    parsed = parse(_param(request, "q"))
    locale = active_locale()
    kind = engine.KINDS_BY_SLUG.get(_param(request, "type"))
    topics = engine.topics_for(locale)
    topic_slug = _param(request, "topic")
    topic = next((t for t in topics if t.slug == topic_slug), None)

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
        promotions = engine.promotions(parsed, request=request, locale=locale, kind=kind,
                                       topic=topic)
        found = engine.results(request, parsed, locale, kind=kind, topic=topic,
                               promoted=[p.page.pk for p in promotions if p.page is not None],
                               page_number=request.GET.get("page"))
        results_page = found.page_of_results()
        context.update(
            promotions=promotions if results_page.number == 1 else [],
            results_page=results_page,
            results=[
                {"page": page, "kind": engine.kind_of(page),
                 "title": found.marked.get(page.pk, (page.title, ""))[0],
                 "excerpt": found.marked.get(page.pk, ("", getattr(page, "summary", "")))[1]}
                for page in results_page.object_list
            ],
            total=found.total + len(promotions),
        )
        if not context["total"]:
            context["elsewhere"] = found_elsewhere(request, parsed, locale)
        context["kind_options"] = [(item, found.counts.get(item.slug, 0))
                                   for item in engine.KINDS]
    filters = {"q": parsed.text, "type": kind.slug if kind else ""}
    context["query_prefix"] = _query({**filters, "topic": topic.slug if topic else ""})
    context["language_links"] = language_links(request, locale, filters, topic)
    return TemplateResponse(request, "search/search.html", context)


def _query(filters):
    return urlencode({k: v for k, v in filters.items() if v})


def _site_languages(request):
    site = Site.find_for_request(request)
    return {root.language_code for root in Site.get_site_root_paths()
            if site is not None and root.site_id == site.pk}


def found_elsewhere(request, parsed, locale):
    """The same search in each other language whose pages match it, for a reader who found
    nothing in their own (an English reader searching for "Städte"): the number of results,
    said in that language, and the address of its search page with the query. Filters are
    left out: they may be what found nothing."""
    codes = _site_languages(request)
    hits = []
    for code, _name in settings.LANGUAGES:
        if code == locale.language_code or code not in codes:
            continue
        with translation.override(code):
            number = engine.count(request, parsed, active_locale())
            if not number:
                continue
            text = ngettext("%(counter)s result for “%(query)s”",
                            "%(counter)s results for “%(query)s”", number) % {
                "counter": number, "query": parsed.text}
            url = f"{reverse('search')}?{_query({'q': parsed.text})}#ergebnisse"
        hits.append({"code": code, "text": text, "url": url})
    return hits


def language_links(request, locale, filters, topic=None):
    """The search page in each language the site has, with the same query and filters. A topic
    hub has its own slug in each language; where it is not translated, that filter is left out."""
    codes = _site_languages(request)
    topic_slugs = {}
    if topic is not None:
        topic_slugs = dict(
            type(topic).objects.live().public()
            .filter(translation_key=topic.translation_key)
            .values_list("locale__language_code", "slug")
        )
    links = []
    for code, _name in settings.LANGUAGES:
        if code not in codes:
            continue
        with translation.override(code):
            url = reverse("search")
        query = _query({**filters, "topic": topic_slugs.get(code, "")})
        links.append({"code": code, "url": f"{url}?{query}" if query else url,
                      "current": code == locale.language_code})
    return links

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from home.listing import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        locale = Locale.get_active()
        results = (
            Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1)
            .specific().search(query)
        )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "query_prefix": urlencode({"q": query}),
            "results_page": paginate(request, results),
        },
    )

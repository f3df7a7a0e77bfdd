"""The old site's URLs keep working.

`?tx_news_pi1[news]=<uid>` (brackets raw or percent-encoded, any other parameters, `cHash`
included, on any path) answers 301 to the imported page: the English one for `L=1` or an
English record, when it is live. `?tx_news_pi1[overwriteDemand][categories]=<uid>` answers 301
to the topic hub. Speaking URLs (`<detail path>/<path_segment>`) are Wagtail redirects to the
page, made by the import (`Importer.redirect`), so they follow later moves.

The answers are "missing" answers for the caches (`caching/README.md`): they show the page
they lead to (its tag), and any publication retires them.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.models import Locale

from caching import tags

from .models import ImportedRecord

NEWS_PARAMETER = "tx_news_pi1[news]"
CATEGORY_PARAMETER = "tx_news_pi1[overwriteDemand][categories]"
# TYPO3's `L` parameter: sys_language_uid of the page asked for.
LANGUAGE_PARAMETER = "L"
ENGLISH_LANGUAGE_UIDS = {"1"}


def _uid(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def _target(kind, uid, english):
    records = list(ImportedRecord.objects.filter(kind=kind, uid=uid, page__isnull=False)
                   .select_related("page").order_by("pk")[:5])
    if not records:
        return None
    record = records[0]
    page = record.page
    if english or record.language == "en":
        locale = Locale.objects.filter(language_code="en").first()
        translated = page.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            page = translated
    return page if page.live else None


def old_url_redirect(request):
    """The 301 answer for an old tx_news URL, or None."""
    query = request.GET
    if NEWS_PARAMETER in query:
        kind, uid = ImportedRecord.Kind.NEWS, _uid(query.get(NEWS_PARAMETER))
    elif CATEGORY_PARAMETER in query:
        kind, uid = ImportedRecord.Kind.CATEGORY, _uid(query.get(CATEGORY_PARAMETER))
    else:
        return None
    if uid is None:
        return None
    english = query.get(LANGUAGE_PARAMETER) in ENGLISH_LANGUAGE_UIDS
    page = _target(kind, uid, english)
    if page is None:
        return None
    url = page.get_url(request=request)
    if not url:
        return None
    tags.shows(tags.page(page.pk))
    return HttpResponsePermanentRedirect(url)


class OldUrlMiddleware:
    """Answers old tx_news URLs before any page is looked for; everything else passes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A plain substring test first: every other request passes untouched.
        if request.method in ("GET", "HEAD") and "tx_news_pi1" in request.META.get(
                "QUERY_STRING", ""):
            response = old_url_redirect(request)
            if response is not None:
                return response
        return self.get_response(request)

"""In-process measurements for the bench, against the database in DATABASE_URL.

`python bench/measure.py pages`             the URL of every public page type and its query
                                           count (second request, warm caches), as JSON
`python bench/measure.py first-time-searches`  searches nobody made yet, for the first-time phase
`python bench/measure.py searches`          the search URLs the search phase rotates through,
                                           per language, as JSON
`python bench/measure.py publish <cache>`  publish the notice with a changed title and time
                                           until the front cache at <cache> serves it (JSON)
`python bench/measure.py write-targets <n>` the ids and URLs of n live German news items (JSON)
`python bench/measure.py once-targets <n>`  the URLs of n news items of the corpus (half
                                           German, half English) spread over the archive, and
                                           the oldest German item, not among them (JSON)
`python bench/measure.py publish-other <id>`  publish that news item with a new title (JSON)
`python bench/measure.py publish-many <cache> <seconds> <id>…`
                                           the Redaktion publishes each item with a new title,
                                           spread over <seconds>; how soon the front cache
                                           serves each, and which still serve an old title
                                           afterwards (JSON)
"""

import json
import sys
import time

from corpus import LEAD_IMAGE_ALT, NOTICE_SLUG, setup_django

HOST = "localhost"
# How soon a published item must be served fresh through the front cache in the write phase.
FRESH_WITHIN_S = 30


def page_urls():
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventPage
    from home.models import HomePage
    from news.models import NewsIndexPage, NewsPage
    from topics.models import TopicIndexPage, TopicPage
    from videos.models import VideoIndexPage, VideoPage

    de, en = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en")
    notice = NewsPage.objects.get(locale=de, slug=NOTICE_SLUG)
    news_index = NewsIndexPage.objects.get(locale=de)
    with translation.override("de"):
        search = reverse("search")
    return {
        "home": HomePage.objects.get(locale=de).url,
        "news index": news_index.url,
        "news index p. 5": news_index.url + "?page=5",
        "news item (notice)": notice.url,
        "news item (en)": NewsPage.objects.filter(locale=en).live().last().url,
        "topic index": TopicIndexPage.objects.get(locale=de).url,
        "topic hub": TopicPage.objects.filter(locale=de).live().order_by("pk").first().url,
        "video index": VideoIndexPage.objects.get(locale=de).url,
        "video page": VideoPage.objects.filter(locale=de).live().order_by("pk").first().url,
        "events index": EventIndexPage.objects.get(locale=de).url,
        "event page": EventPage.objects.filter(locale=de).live().order_by("pk").first().url,
        "search": search + "?q=Kommune",
        "search (en)": search_urls()["en"][0],
        "RSS feed": news_index.url + "feed/rss/",
        "sitemap": "/sitemap.xml",
    }


# Searches in each language: single words, two words, a word from titles only, one that is
# in the English translations' titles.
SEARCH_TERMS = {
    "de": ["Kommune", "Klimaanpassung", "Wasser Stadt", "Digitalisierung Verwaltung",
           "Netzwerk", "Meldung", "Beteiligung Quartier", "Energie"],
    "en": ["news item", "Kommune", "cities", "climate", "Wasser Stadt", "network",
           "Resilienz", "programme"],
}


def search_urls():
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils import translation

    urls = {}
    for language, terms in SEARCH_TERMS.items():
        with translation.override(language):
            base = reverse("search")
        urls[language] = [f"{base}?{urlencode({'q': term})}" for term in terms]
    return urls


def searches():
    print(json.dumps(search_urls()))


# How many different searches per language the first-time phase makes.
FIRST_TIME_SEARCHES = 30


def first_time_search_urls():
    """Searches nobody has made yet: single words of at least five letters from the text of
    the indexed pages (so that most find much), no stop words and none of the SEARCH_TERMS,
    per language."""
    import re
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils import translation

    from search.language import is_stop_word
    from search.models import SearchEntry

    urls = {}
    for language in SEARCH_TERMS:
        taken = {word.lower() for term in SEARCH_TERMS[language] for word in term.split()}
        words = []
        for body in (SearchEntry.objects.filter(language_code=language).order_by("page_id")
                     .values_list("body", flat=True)[:200]):
            for word in re.findall(r"[^\W\d_]{5,}", body):
                if word.lower() not in taken and not is_stop_word(word, language):
                    taken.add(word.lower())
                    words.append(word)
        with translation.override(language):
            base = reverse("search")
        urls[language] = [f"{base}?{urlencode({'q': word})}"
                          for word in words[:FIRST_TIME_SEARCHES]]
    return urls


def pages():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from news.models import NewsPage

    client = Client(HTTP_HOST=HOST)
    result = {"pages": page_urls(), "queries": {}, "status": {},
              "news_items": NewsPage.objects.count()}
    for name, url in result["pages"].items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        result["queries"][name] = len(queries.captured_queries)
        result["status"][name] = response.status_code
    print(json.dumps(result))


def publish(cache_url):
    """Seconds from the publish call until the front cache serves the new title."""
    from bench.stack.varnish import http_get
    from news.models import NewsPage

    notice = NewsPage.objects.get(locale__language_code="de", slug=NOTICE_SLUG)
    url = cache_url + notice.url
    http_get(url, HOST, timeout=300)  # slow pages may still be busy from the load test
    http_get(url, HOST)
    original = notice.title
    notice.title = f"{original} ({int(time.time())})"
    started = time.monotonic()
    notice.save_revision().publish()
    published = time.monotonic()
    while notice.title.encode() not in http_get(url, HOST)[2]:
        if time.monotonic() - started > 30:
            break
        time.sleep(0.01)
    fresh = time.monotonic()
    notice.title = original
    notice.save_revision().publish()
    print(json.dumps({"publish_s": published - started, "publish_to_fresh_s": fresh - started,
                      "after_publish_s": fresh - published}))


VERSION_MARK = " · Fassung "


def write_targets(count):
    from news.models import NewsPage

    items = (NewsPage.objects.live().filter(locale__language_code="de")
             .exclude(slug=NOTICE_SLUG).order_by("-pk")[:count])
    print(json.dumps([{"id": item.pk, "path": item.url} for item in items]))


def once_targets(count):
    """`count` corpus news items for readers who each read a different one: as many German
    items as English, every k-th in the archive's order (newest first), alternating between
    the languages; and the oldest German item, which is not among them, for the Redaktion to
    publish."""
    from news.models import NewsPage

    def archive(language):
        return list(NewsPage.objects.live().filter(locale__language_code=language,
                                                   slug__startswith="bench-meldung-")
                    .order_by("-date", "pk").values_list("pk", flat=True))

    def spread(items, wanted):
        wanted = min(wanted, len(items))
        return [items[index * len(items) // wanted] for index in range(wanted)]

    *german, other = archive("de")
    german, english = spread(german, count // 2), spread(archive("en"), count - count // 2)
    picked = [pk for pair in zip(german, english, strict=False) for pk in pair]
    picked += german[len(english):] + english[len(german):]
    pages = NewsPage.objects.in_bulk([*picked, other])
    print(json.dumps({"paths": [pages[pk].url for pk in picked],
                      "other": {"id": other, "path": pages[other].url}}))


def publish_other(page_id):
    """Publish a news item with a new title, as the `publish` subcommand does the notice."""
    from news.models import NewsPage

    page = NewsPage.objects.get(pk=page_id)
    page.title = f"{page.title.split(VERSION_MARK)[0]}{VERSION_MARK}{int(time.time())}"
    started = time.monotonic()
    page.save_revision().publish()
    print(json.dumps({"id": page.pk, "path": page.url, "publish_s": time.monotonic() - started}))


def publish_many(cache_url, seconds, ids):
    """Publish each news item once with a new title, evenly over `seconds`, as the Redaktion."""
    from django.contrib.auth import get_user_model

    from bench.stack.varnish import http_get
    from editorial.publishing import approval_publishes
    from news.models import NewsPage

    editor = get_user_model().objects.filter(username="redaktion").first()
    interval = seconds / (len(ids) + 1)
    stamp = int(time.time())
    fresh_after, publish_took, latest, late = [], [], {}, []
    started = time.monotonic()
    for number, page_id in enumerate(ids, start=1):
        time.sleep(max(0.0, started + number * interval - time.monotonic()))
        page = NewsPage.objects.get(pk=page_id)
        version = f"{VERSION_MARK}{stamp}-{number}".encode()
        page.title = f"{page.title.split(VERSION_MARK)[0]}{version.decode()}"
        if page.lead_image_id and not page.lead_image_decorative and not page.lead_image_alt:
            page.lead_image_alt = LEAD_IMAGE_ALT  # corpora built before it had alt texts
        published = time.monotonic()
        with approval_publishes():  # what the Redaktion's "Freigeben" does (four eyes)
            page.save_revision(user=editor).publish(user=editor)
        publish_took.append(time.monotonic() - published)
        url = cache_url + page.url
        while version not in http_get(url, HOST, timeout=60)[2]:
            if time.monotonic() - published > FRESH_WITHIN_S:
                late.append(page.url)
                break
            time.sleep(0.02)
        fresh_after.append(time.monotonic() - published)
        latest[page.url] = version
    stale = [url for url, version in latest.items()
             if version not in http_get(cache_url + url, HOST, timeout=60)[2]]
    # An item still old FRESH_WITHIN_S after its publication was left stale by its purge, even
    # if a later ban has freshened it by the end.
    print(json.dumps({"published": len(ids), "fresh_after_s": fresh_after,
                      "publish_s": publish_took,
                      "stale": sorted({*stale, *late})}))


if __name__ == "__main__":
    setup_django()
    if sys.argv[1] == "pages":
        pages()
    elif sys.argv[1] == "searches":
        searches()
    elif sys.argv[1] == "first-time-searches":
        print(json.dumps(first_time_search_urls()))
    elif sys.argv[1] == "publish":
        publish(sys.argv[2])
    elif sys.argv[1] == "write-targets":
        write_targets(int(sys.argv[2]))
    elif sys.argv[1] == "once-targets":
        once_targets(int(sys.argv[2]))
    elif sys.argv[1] == "publish-other":
        publish_other(int(sys.argv[2]))
    elif sys.argv[1] == "publish-many":
        publish_many(sys.argv[2], float(sys.argv[3]), [int(value) for value in sys.argv[4:]])
    else:
        sys.exit(__doc__)

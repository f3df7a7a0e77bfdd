"""Generated input (hypothesis) on every public URL, its query parameters, paths below it,
request headers and the feedback form: whatever arrives, the answer is never a server error.

The test client re-raises any exception a view lets through, so a crash fails the test as a
500 would. The number of examples is bounded (400 examples, some 550 requests carrying a few
thousand generated values); set HYPOTHESIS_SCALE (e.g. 5) to run more.
"""

import os
import string
import time
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from pages.forms import HONEYPOT_FIELD, TOKEN_FIELD, make_token
from pages.models import FeedbackFormPage

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
COUNTS = {"requests": 0, "values": 0, "5xx": 0}


def bounded(examples):
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Values that have broken parsers before: numbers at and past every limit, other scripts,
# control characters, SQL and path tricks, and arbitrary text.
TRICKY = st.sampled_from([
    "", " ", "0", "-1", "1e309", "NaN", "inf", "9" * 40, "0x1F", "1.5", "2021", "13", "00",
    "../../etc/passwd", "%00", "\x00", "%ED%A0%80", "' OR 1=1 --", "\" OR \"\"=\"", "%", "&&&",
    "a" * 5000, "ä" * 300, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202e", "null", "[]", "{}", "*", "?", "#", "\\",
    "news", "video", "topic", "page", "krisenmanagement",
])
VALUES = st.one_of(TRICKY, st.text(max_size=300), st.integers().map(str),
                   st.text(alphabet=string.printable, max_size=60))
PARAMETER_NAMES = ["q", "page", "type", "topic", "year", "month", "format", "lang", "p",
                   "order", "utm_source", "next"]
PARAMETERS = st.dictionaries(
    st.one_of(st.sampled_from(PARAMETER_NAMES), st.text(min_size=1, max_size=20)),
    st.one_of(VALUES, st.lists(VALUES, min_size=2, max_size=3)),
    max_size=8,
)
RAW_BYTES = st.binary(max_size=120).map(lambda data: quote(data, safe="=&;+%"))


@pytest.fixture
def public_urls(users):
    """Every public page of the demo site (both languages), its feeds, search, the sitemap,
    robots.txt and the feedback form."""
    urls = []
    for page in Page.objects.live().public().specific().exclude(depth=1):
        url = page.url
        if url:
            urls.append(url)
            if hasattr(page, "feed_links"):
                urls += [url + "feed/rss/", url + "feed/atom/"]
    urls += ["/suche/", "/en/search/", "/sitemap.xml", "/robots.txt", "/documents/1/x.pdf"]
    assert len(urls) > 25
    return sorted(set(urls))


def check(response):
    COUNTS["requests"] += 1
    if response.status_code >= 500:
        COUNTS["5xx"] += 1
    assert response.status_code < 500, response.status_code


def test_query_parameters_on_every_public_url_never_cause_a_server_error(public_urls):
    client = Client()

    @bounded(150)
    @given(url=st.sampled_from(public_urls), parameters=PARAMETERS)
    def visit(url, parameters):
        COUNTS["values"] += len(parameters) * 2
        check(client.get(url, parameters))

    visit()


def test_raw_query_strings_paths_and_headers_never_cause_a_server_error(public_urls):
    client = Client()

    @bounded(100)
    @given(url=st.sampled_from(public_urls), raw=RAW_BYTES,
           segment=st.one_of(TRICKY, st.text(min_size=1, max_size=60)),
           language=st.one_of(st.just("de-DE,de;q=0.9"), st.text(max_size=40)),
           method=st.sampled_from(["get", "head", "post", "options"]))
    def visit(url, raw, segment, language, method):
        COUNTS["values"] += 3
        headers = {"Accept-Language": language.encode("ascii", "ignore").decode()}
        check(getattr(client, method)(f"{url}?{raw}", headers=headers))
        check(client.get(url + quote(segment, safe="") + "/", headers=headers))

    visit()


def test_the_feedback_form_never_fails_on_generated_answers(users):
    form_page = FeedbackFormPage.objects.live().filter(locale__language_code="de").first()
    assert form_page is not None
    names = [field.clean_name for field in form_page.get_form_fields()]
    url = reverse("feedback_submit", args=[form_page.pk])
    client = Client(headers={"Sec-Fetch-Site": "same-origin"})
    token = st.one_of(
        st.floats(min_value=-1e6, max_value=1e6).map(
            lambda ago: make_token(form_page.pk, now=time.time() - ago)),
        st.integers(min_value=-5, max_value=10**6).map(lambda page_id: make_token(page_id)),
        VALUES,
    )
    answers = st.fixed_dictionaries(
        {name: VALUES for name in names},
        optional={HONEYPOT_FIELD: VALUES, TOKEN_FIELD: token,
                  "extra": st.lists(VALUES, max_size=3)},
    )

    @bounded(150)
    @given(data=answers, page_id=st.one_of(st.just(form_page.pk), st.integers(-1, 10**9)))
    def submit(data, page_id):
        COUNTS["values"] += len(data)
        target = url if page_id == form_page.pk else url.replace(str(form_page.pk), str(page_id))
        check(client.post(target, data))

    submit()
    # Encodings a form would never send, and no body at all.
    check(client.post(url, "\xff\xfe" + urlencode({names[0]: "x"}),
                      content_type="application/x-www-form-urlencoded; charset=utf-16"))
    check(client.post(url, b"\x00\xff" * 100, content_type="multipart/form-data; boundary=x"))
    check(client.post(url))


def test_the_generated_input_counts_are_reported():
    """Runs last in this module: the totals for the closing note (visible with -s)."""
    print(f"\ngenerated input: {COUNTS}")
    assert COUNTS["5xx"] == 0

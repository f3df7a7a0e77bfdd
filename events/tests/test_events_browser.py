"""Events in real Chromium: axe-core finds nothing on the events index, a series and its
sessions (past, cancelled, upcoming) in German and English, on a phone (320 px) and a desktop
(1280 px), and nothing scrolls sideways."""

import pytest

from events.models import EventIndexPage, EventPage, EventSeriesPage
from pages.tests.reader_journey import keep_requests_on_this_machine, load_demo_site
from pages.tests.test_accessibility import axe_findings

pytestmark = pytest.mark.browser

WIDTHS = (320, 1280)


def event_pages(language_code):
    def live(model, **filters):
        return model.objects.live().filter(locale__language_code=language_code, **filters)

    index = live(EventIndexPage).get()
    series = live(EventSeriesPage).get()
    sessions = list(live(EventPage).order_by("start"))
    return [("events index", index.url), ("events index, filtered", index.url + "?format=online"),
            ("series", series.url),
            *((f"event ({session.slug})", session.url) for session in sessions)]


def test_axe_finds_no_violation_on_the_event_pages_at_320_and_1280_px(
        browser_page, live_server):
    load_demo_site()
    keep_requests_on_this_machine(browser_page.context, live_server.url)
    findings, checked = {}, []
    for language_code in ("de", "en"):
        for name, url in event_pages(language_code):
            for width in WIDTHS:
                browser_page.set_viewport_size({"width": width, "height": 800})
                response = browser_page.goto(live_server.url + url)
                assert response.status == 200, (name, url)
                label = f"{name} [{language_code}, {width} px]"
                checked.append(label)
                if found := axe_findings(browser_page):
                    findings[label] = found
                overflow = browser_page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if overflow > 0:
                    findings.setdefault(label, []).append(f"scrolls sideways by {overflow} px")
    assert findings == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in findings.items())
    # The index (plain and filtered), the series and its three sessions; two languages, two
    # widths.
    assert len(checked) == 6 * 2 * 2

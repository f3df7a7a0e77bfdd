"""Nothing on a listing jumps while the page loads (Lighthouse's Cumulative Layout Shift): on a
wide screen the news filters are shown from the first paint, not opened by the script later,
which pushed the results down by the filters' height."""

import pytest

from .reader_journey import keep_requests_on_this_machine, load_demo_site

pytestmark = pytest.mark.browser

LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) total += entry.value;
        }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("width", [1280, 320])
def test_the_news_index_does_not_jump_while_it_loads(chromium, live_server, width):
    load_demo_site()
    context = chromium.new_context(base_url=live_server.url, locale="de-DE",
                                   viewport={"width": width, "height": 800})
    keep_requests_on_this_machine(context, live_server.url)
    page = context.new_page()
    try:
        for url in ["/aktuelles/", "/en/news/"]:
            page.goto(url, wait_until="load")
            assert page.evaluate(LAYOUT_SHIFT) < 0.01, url
            details = page.locator("[data-filter-disclosure]")
            assert details.evaluate("d => d.open") is (width == 1280)
            if width == 1280:  # the reader can still fold the filters away
                details.locator("summary").click()
                assert page.locator("select[name=topic]").is_hidden()
    finally:
        context.close()

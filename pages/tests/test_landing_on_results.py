"""After filtering the news or searching on a 320 × 640 phone, the reader lands on the
results: the results heading ("3 Ergebnisse") is on the screen and has the focus, so that a
screen reader announces it, and the news filters have folded away behind their summary, which
still says how many are active. Without JavaScript the browser still scrolls to the heading
(the forms send the reader to #ergebnisse)."""

import re

import pytest

from .reader_journey import TOPIC_SLUG, keep_requests_on_this_machine, load_demo_site, search_url

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}

HEADING_ON_SCREEN = """() => {
    const heading = document.getElementById("ergebnisse");
    const box = heading.getBoundingClientRect();
    return {text: heading.innerText, top: box.top, bottom: box.bottom,
            focused: document.activeElement === heading};
}"""


@pytest.fixture
def phone(chromium, live_server):
    def open_phone(javascript=True):
        context = chromium.new_context(base_url=live_server.url, locale="de-DE", viewport=PHONE,
                                       is_mobile=True, has_touch=True,
                                       java_script_enabled=javascript)
        context.set_default_timeout(30_000)
        keep_requests_on_this_machine(context, live_server.url)
        contexts.append(context)
        return context.new_page()

    contexts = []
    load_demo_site()
    yield open_phone
    for context in contexts:
        context.close()


def results_heading(page):
    page.wait_for_load_state("load")
    # site.js settles the scroll position once the page has loaded.
    page.wait_for_timeout(200)
    return page.evaluate(HEADING_ON_SCREEN)


def assert_on_screen(heading):
    # Within a pixel: scrolling to a heading may leave it a fraction above the top.
    assert heading["top"] >= -1 and heading["bottom"] <= PHONE["height"], heading


def test_after_filtering_the_reader_sees_and_hears_the_results(phone):
    page = phone()
    page.goto("/aktuelles/")
    page.get_by_text("Filtern", exact=True).click()
    page.get_by_label("Thema").select_option(TOPIC_SLUG)
    page.get_by_role("button", name="Ergebnisse anzeigen").click()
    page.wait_for_url(f"**/aktuelles/?topic={TOPIC_SLUG}*#ergebnisse")

    heading = results_heading(page)
    assert re.fullmatch(r"[1-9]\d* Ergebnisse?", heading["text"]), heading
    assert heading["focused"], "the results heading has the focus"
    assert_on_screen(heading)
    # The filters folded away; their summary says that one is active.
    assert page.locator("details.filter-disclosure[open]").count() == 0
    summary = page.locator("details.filter-disclosure summary").inner_text()
    assert " ".join(summary.split()) == "Filtern (1 Filter aktiv)"

    # So do the archive's links and the pages of results.
    page.locator("nav.archive").get_by_role("link", name="2021", exact=True).click()
    page.wait_for_url("**year=2021#ergebnisse")
    heading = results_heading(page)
    assert heading["focused"]
    assert_on_screen(heading)


def test_after_searching_the_reader_sees_and_hears_the_results(phone):
    page = phone()
    page.goto(search_url("de"))
    page.locator("main").get_by_label("Suchbegriff").fill("Städte")
    page.locator("main").get_by_role("button", name="Suchen").click()
    page.wait_for_url("**#ergebnisse")

    heading = results_heading(page)
    assert re.fullmatch(r"[1-9]\d* Ergebnisse? für „Städte“", heading["text"]), heading
    assert heading["focused"]
    assert_on_screen(heading)


def test_without_javascript_the_browser_scrolls_to_the_results(phone):
    page = phone(javascript=False)
    page.goto("/aktuelles/")
    page.get_by_text("Filtern", exact=True).click()
    page.get_by_label("Thema").select_option(TOPIC_SLUG)
    page.get_by_role("button", name="Ergebnisse anzeigen").click()
    page.wait_for_url("**#ergebnisse")
    box = page.locator("#ergebnisse").bounding_box()
    assert box["y"] >= -1 and box["y"] + box["height"] <= PHONE["height"], box

    page.goto(search_url("de"))
    page.locator("main").get_by_label("Suchbegriff").fill("Städte")
    page.locator("main").get_by_role("button", name="Suchen").click()
    page.wait_for_url("**#ergebnisse")
    box = page.locator("#ergebnisse").bounding_box()
    assert box["y"] >= -1 and box["y"] + box["height"] <= PHONE["height"], box


WORDS_BROKEN_ACROSS_LINES = """() => {
    const broken = [];
    for (const link of document.querySelectorAll('.search-result__title a')) {
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
                if (lines.size > 1) broken.push(match[0]);
            }
        }
    }
    return broken;
}"""


def test_result_titles_with_a_highlighted_word_read_as_one_line_of_text(phone):
    """A title whose link was a flex box set each highlighted word in a column of its own, and
    "2021" stood as 2/0/2/1 down the screen."""
    page = phone()
    page.goto(search_url("de") + "?q=Programm")

    assert page.locator(".search-result__title mark").count() >= 1
    assert page.evaluate(WORDS_BROKEN_ACROSS_LINES) == []

"""On a 320 px phone, the filter drop-downs of the news index and the search page show the
chosen value in full: a long topic ("Öffentliche Gesundheit & kommunale Dienste") wraps onto
a second line rather than ending in "…".

A drop-down does not tell the page how much of its text it shows, so the test lays the
chosen text out at the drop-down's text width in the drop-down's font, and expects the
drop-down to be at least that tall."""

import pytest

from .reader_journey import LANGUAGES, keep_requests_on_this_machine, load_demo_site, search_url

pytestmark = pytest.mark.browser

CUT_OFF = """select => {
    const style = getComputedStyle(select);
    const px = name => parseFloat(style[name]);
    const probe = document.createElement("div");
    probe.textContent = select.options[select.selectedIndex].text;
    Object.assign(probe.style, {
        position: "absolute", visibility: "hidden", whiteSpace: "normal",
        font: style.font, letterSpacing: style.letterSpacing, lineHeight: style.lineHeight,
        width: (select.clientWidth - px("paddingLeft") - px("paddingRight")) + "px",
    });
    document.body.append(probe);
    const needed = probe.getBoundingClientRect().height;
    probe.remove();
    const shown = select.clientHeight - px("paddingTop") - px("paddingBottom");
    return needed > shown + 0.5 ? `${probe.textContent}: needs ${needed} px, shows ${shown}` : "";
}"""


def test_the_chosen_topic_is_shown_in_full_at_320_px(chromium, live_server):
    load_demo_site()
    context = chromium.new_context(base_url=live_server.url, locale="de-DE",
                                   viewport={"width": 320, "height": 640},
                                   is_mobile=True, has_touch=True)
    context.set_default_timeout(30_000)
    keep_requests_on_this_machine(context, live_server.url)
    page = context.new_page()
    cut_off, checked = [], 0
    for language_code in LANGUAGES:
        news_index = "/aktuelles/" if language_code == "de" else "/en/news/"
        for url, select in [(news_index, "select[name=topic]"),
                            (search_url(language_code), "main select[name=topic]")]:
            page.goto(url)
            page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
            topics = page.locator(select)
            for value in topics.locator("option").evaluate_all(
                    "options => options.map(o => o.value)"):
                topics.select_option(value)
                checked += 1
                if problem := topics.evaluate(CUT_OFF):
                    cut_off.append(f"{url}: {problem}")
    context.close()

    assert cut_off == []
    # Seven topics and "all topics", in two forms, in two languages.
    assert checked == 8 * 2 * 2

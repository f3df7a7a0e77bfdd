"""Every page type, in German and English, on the smallest phones: 320 and 390 CSS pixels.

Measured from the DOM, not from screenshots: no horizontal scrolling, no text cut off by a box
that hides its overflow, no content spilling out of its box over the next, nothing sticking out
of the screen, form controls at least 44 × 44 px (WCAG 2.5.5 as a target), a header of at most
a quarter of the screen's height. The video
placeholder is measured before and after consent, the news index with and without a filter;
axe-core runs on every page at both widths, and the network log shows no 404 for any icon.
"""

import pytest

from .reader_journey import LANGUAGES, keep_requests_on_this_machine, load_demo_site, reader_pages
from .test_accessibility import axe_findings

pytestmark = pytest.mark.browser

# iPhone SE (first generation) and a current iPhone, in CSS pixels.
PHONES = {320: 568, 390: 844}
CONTROL_SIZE = 44

MEASURE = """size => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = element => element.tagName.toLowerCase()
        + (element.id ? "#" + element.id : "")
        + (element.className && typeof element.className === "string"
            ? "." + element.className.trim().split(/\\s+/).join(".") : "")
        + ` "${(element.innerText || element.value || "").trim().slice(0, 30)}"`;
    const shown = element => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return style.display !== "none" && style.visibility !== "hidden"
            && box.width > 1 && box.height > 1
            && !element.closest(".form-honeypot, .skip-link, .visually-hidden, iframe");
    };
    const found = {horizontalScroll: root.scrollWidth - width, clipped: [], spills: [], outside: [],
                   smallControls: [], headerShare: 0};
    for (const element of document.body.querySelectorAll("*")) {
        if (!shown(element)) continue;
        const style = getComputedStyle(element);
        const hides = value => value !== "visible";
        const wider = element.scrollWidth > element.clientWidth + 1;
        const taller = element.scrollHeight > element.clientHeight + 1;
        if ((hides(style.overflowX) && wider) || (hides(style.overflowY) && taller)) {
            found.clipped.push(describe(element));
        } else if ((wider || taller) && element.clientHeight > 0
                   && !["inline", "contents"].includes(style.display)) {
            // Content that spills out of its box runs over whatever comes next.
            found.spills.push(describe(element));
        }
        const box = element.getBoundingClientRect();
        if (box.left < -1 || box.right > width + 1) found.outside.push(describe(element));
    }
    const controls = "button, select, textarea, summary, "
        + "input:not([type=hidden]):not([type=checkbox]):not([type=radio])";
    for (const control of document.querySelectorAll(controls)) {
        if (!shown(control)) continue;
        const box = control.getBoundingClientRect();
        if (box.width < size - 0.5 || box.height < size - 0.5) {
            const measured = `${Math.round(box.width)}x${Math.round(box.height)}`;
            found.smallControls.push(`${describe(control)} ${measured}`);
        }
    }
    // A checkbox or radio button is touched through its label, which must be large enough.
    for (const choice of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
        if (!shown(choice)) continue;
        const label = choice.closest("label")
            || document.querySelector(`label[for="${choice.id}"]`);
        const box = (label || choice).getBoundingClientRect();
        if (box.height < size - 0.5) found.smallControls.push(describe(label || choice));
    }
    const header = document.querySelector(".site-header").getBoundingClientRect();
    found.headerShare = header.height / window.innerHeight;
    return found;
}"""

FIRST_ITEM_BOTTOM = """() => {
    const title = document.querySelector(".teaser .teaser__title");
    return title.getBoundingClientRect().bottom / window.innerHeight;
}"""


def problems_on(page):
    found = page.evaluate(MEASURE, CONTROL_SIZE)
    problems = []
    if found["horizontalScroll"] > 0:
        problems.append(f"scrolls sideways by {found['horizontalScroll']} px")
    problems += [f"text cut off: {element}" for element in found["clipped"]]
    problems += [f"spills out of its box: {element}" for element in found["spills"]]
    problems += [f"sticks out of the screen: {element}" for element in found["outside"]]
    problems += [f"control smaller than 44 px: {element}" for element in found["smallControls"]]
    if found["headerShare"] > 0.25:
        problems.append(f"header takes {found['headerShare']:.0%} of the screen")
    return problems


def test_every_page_type_fits_both_phone_widths_in_both_languages(chromium, live_server):
    load_demo_site()
    problems, icon_failures, checked = {}, [], []

    def check(name):
        checked.append(name)
        found = problems_on(page) + axe_findings(page)
        if found:
            problems[name] = found

    for width, height in PHONES.items():
        context = chromium.new_context(base_url=live_server.url, locale="de-DE",
                                       viewport={"width": width, "height": height},
                                       device_scale_factor=2, is_mobile=True, has_touch=True)
        # Generous: on a busy 2-core CI machine a page with axe can take a while.
        context.set_default_timeout(30_000)
        keep_requests_on_this_machine(context, live_server.url)
        page = context.new_page()
        page.on("response", lambda response: response.status >= 400
                and "icon" in response.url and icon_failures.append(response.url))
        for language_code in LANGUAGES:
            for name, url in reader_pages(language_code):
                name = f"{name} at {width} px"
                response = page.goto(url)
                assert response.status == (404 if "not found" in name else 200), (name, url)
                check(name)
                if name.startswith("news index ["):
                    disclosure = page.locator("details.filter-disclosure")
                    assert disclosure.get_attribute("open") is None, "closed on a phone"
                    assert page.evaluate(FIRST_ITEM_BOTTOM) <= 1, f"{name}: first item below"
                if name.startswith("news index, filtered"):
                    assert page.locator("details.filter-disclosure[open]").count() == 1, name
                if name.startswith("video page"):
                    page.locator(".video-consent__button").first.click()
                    page.locator("iframe.video-consent__iframe").wait_for()
                    check(f"{name}, after consent")
        # The icons every page links, and the address browsers try on their own, all answer.
        icons = page.eval_on_selector_all(
            "link[rel~=icon], link[rel=apple-touch-icon]", "links => links.map(l => l.href)")
        assert len(icons) == 3
        for url in [*icons, "/favicon.ico", "/apple-touch-icon.png"]:
            if context.request.get(url).status != 200:
                icon_failures.append(url)
        context.close()

    assert problems == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items())
    assert icon_failures == []
    # 14 page types and the video after consent, in two languages, at two widths.
    assert len(checked) == 2 * 2 * 15

"""Every link and button a reader can tap on a 320 px phone is at least 44 × 44 CSS pixels, on
every page type in German and English (the README's promise; WCAG 2.5.5, which is stricter
than 2.5.8's 24 px).

Measured in Chromium from the DOM. A link that wraps onto two lines is two targets, one per
line box, and each must be large enough (a finger hits a line, not the link's bounding box).

Exempt, as WCAG 2.5.8's "inline" exception allows, and nothing else: a link that is part of a
sentence. Precisely, a link whose computed display is `inline` and whose nearest enclosing
block has at least three words (runs of two or more letters) of text outside any link or
button: "Weitere Informationen finden Sie in der <a>Datenschutzerklärung</a>." Its height is
the line height of the text around it; making it taller would pull the sentence apart. Lists
of links whose only other text is a count or a separator ("2021 (3)", "RSS · Atom") are not
sentences and are measured. A checkbox or radio button is measured through its label, which
is what a finger touches. The skip link is measured while it has focus, the only time it is on
screen.
"""

import pytest

from .reader_journey import LANGUAGES, keep_requests_on_this_machine, load_demo_site, reader_pages

pytestmark = pytest.mark.browser

TARGET_SIZE = 44

MEASURE = """size => {
    const targets = "a[href], button, summary, select, textarea, [role=button], "
        + "input:not([type=hidden]):not([type=checkbox]):not([type=radio])";
    const describe = element => element.tagName.toLowerCase()
        + (element.className && typeof element.className === "string"
            ? "." + element.className.trim().split(/\\s+/).join(".") : "")
        + ` "${(element.innerText || element.value || element.getAttribute("aria-label")
                || "").trim().replace(/\\s+/g, " ").slice(0, 40)}"`;
    const shown = element => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return style.display !== "none" && style.visibility !== "hidden"
            && box.width > 1 && box.height > 1
            && !element.closest(".form-honeypot, .visually-hidden, iframe");
    };
    const blockAround = element => {
        let block = element.parentElement;
        while (block && ["inline", "contents"].includes(getComputedStyle(block).display)) {
            block = block.parentElement;
        }
        return block;
    };
    const wordsOutsideTargets = block => {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let words = 0;
        while (walker.nextNode()) {
            const parent = walker.currentNode.parentElement;
            if (parent.closest(targets)) continue;
            words += (walker.currentNode.data.match(/\\p{L}{2,}/gu) || []).length;
        }
        return words;
    };
    const inSentence = element => getComputedStyle(element).display === "inline"
        && wordsOutsideTargets(blockAround(element)) >= 3;

    const found = {small: [], exempt: [], measured: 0};
    const measure = element => {
        if (!shown(element)) return;
        if (inSentence(element)) {
            found.exempt.push(describe(element));
            return;
        }
        found.measured += 1;
        const boxes = getComputedStyle(element).display === "inline"
            ? [...element.getClientRects()] : [element.getBoundingClientRect()];
        for (const box of boxes) {
            if (box.width < size - 0.5 || box.height < size - 0.5) {
                found.small.push(
                    `${describe(element)} ${Math.round(box.width)}×${Math.round(box.height)}`);
                return;
            }
        }
    };
    document.querySelectorAll(targets).forEach(element => {
        if (!element.classList.contains("skip-link")) measure(element);
    });
    for (const choice of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
        if (!shown(choice)) continue;
        const label = choice.closest("label")
            || document.querySelector(`label[for="${choice.id}"]`);
        measure(label || choice);
    }
    const skip = document.querySelector(".skip-link");
    if (skip) {
        skip.focus();
        measure(skip);
        skip.blur();
    }
    return found;
}"""


def open_disclosures(page):
    """Open every <details>, so that what is behind them is measured too."""
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")


def test_every_link_and_button_is_at_least_44_px_on_a_320_px_phone(chromium, live_server):
    load_demo_site()
    context = chromium.new_context(base_url=live_server.url, locale="de-DE",
                                   viewport={"width": 320, "height": 640},
                                   device_scale_factor=2, is_mobile=True, has_touch=True)
    context.set_default_timeout(30_000)
    keep_requests_on_this_machine(context, live_server.url)
    page = context.new_page()
    too_small, exempt, measured = {}, {}, {}

    def measure(name):
        found = page.evaluate(MEASURE, TARGET_SIZE)
        measured[name] = found["measured"]
        if found["small"]:
            too_small[name] = found["small"]
        if found["exempt"]:
            exempt[name] = found["exempt"]

    for language_code in LANGUAGES:
        for name, url in reader_pages(language_code):
            response = page.goto(url)
            assert response.status == (404 if "not found" in name else 200), (name, url)
            open_disclosures(page)
            measure(name)
            if name.startswith("video page"):
                page.locator(".video-consent__button").first.click()
                page.locator("iframe.video-consent__iframe").wait_for()
                measure(f"{name}, after consent")
    context.close()

    assert too_small == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in too_small.items())
    # Every page type, in two languages, and the video after consent; each has targets.
    assert len(measured) == 2 * 15
    assert all(count >= 10 for count in measured.values()), measured
    # The demo has no link within a sentence: nothing is exempt.
    assert exempt == {}


def test_only_links_within_a_sentence_are_exempt(chromium):
    """The rule itself, on a page of its own: a link in a sentence is exempt; a year with its
    count, feeds between separators and a link alone in a paragraph are measured."""
    page = chromium.new_page(viewport={"width": 320, "height": 640})
    page.set_content(
        "<p>Mehr dazu lesen Sie in der <a href='/d'>Datenschutzerklärung</a>.</p>"
        "<ul><li><a href='/j'>2021</a> <span>(3)</span></li></ul>"
        "<p><a href='/r'>RSS</a> · <a href='/a'>Atom</a></p>"
        "<p><a href='/v'>Über dieses Video</a></p>"
        "<button style='width: 100px; height: 44px'>Groß genug</button>")
    found = page.evaluate(MEASURE, TARGET_SIZE)
    page.close()
    assert found["exempt"] == ['a "Datenschutzerklärung"']
    assert [entry.rsplit(" ", 1)[0] for entry in found["small"]] == [
        'a "2021"', 'a "RSS"', 'a "Atom"', 'a "Über dieses Video"']
    assert found["measured"] == 5

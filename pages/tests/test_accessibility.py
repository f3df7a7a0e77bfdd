"""Accessibility in real Chromium (WCAG 2.1 AA, BITV 2.0).

axe-core (bundled with the PyPI package axe-playwright-python, pinned in requirements.lock)
checks every page type of the demo site in German and English, the video page before and after
consent, and the feedback form empty, with mistakes and sent. Keyboard use is checked by hand:
the skip link, visible focus and the video's consent button.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.factories import ImageFactory
from pages.factories import FeedbackFormPageFactory, StandardPageFactory
from pages.models import StandardPage
from videos.factories import VideoPageFactory

from .reader_journey import (
    LANGUAGES,
    keep_requests_on_this_machine,
    load_demo_site,
    reader_pages,
)

pytestmark = pytest.mark.browser

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [
        # WCAG 2.1 A and AA, which BITV 2.0 requires, and axe's best practices.
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice",
    ]},
    "resultTypes": ["violations"],
    # The only frame is the video provider's player (a local stub here); it is not ours.
    "iframes": False,
}


def axe_findings(page):
    """axe-core's violations on the current page, and every <img> without an alt attribute."""
    response = AXE.run(page, options=AXE_OPTIONS).response
    findings = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in response["violations"]
    ]
    findings += [f"image without alt text: {html}" for html in page.eval_on_selector_all(
        "img:not([alt])", "images => images.map(image => image.outerHTML)")]
    return findings


def test_axe_finds_no_violation_on_any_page_type_in_either_language(
        browser_page, live_server, settings):
    settings.FEEDBACK_FORM_MIN_SECONDS = 0
    load_demo_site()
    keep_requests_on_this_machine(browser_page.context, live_server.url)
    findings = {}
    checked = []

    def check(name):
        checked.append(name)
        if found := axe_findings(browser_page):
            findings[name] = found

    for language_code in LANGUAGES:
        for name, url in reader_pages(language_code):
            response = browser_page.goto(url)
            assert response.status == (404 if "not found" in name else 200), (name, url)
            check(name)
            if name.startswith("video page"):
                browser_page.locator(".video-consent__button").first.click()
                browser_page.locator("iframe.video-consent__iframe").wait_for()
                check(f"{name}, after consent")
            if name.startswith("feedback form"):
                browser_page.locator(".feedback-form button[type=submit]").click()
                browser_page.locator(".error-summary").wait_for()
                check(f"{name}, with mistakes")
                browser_page.locator(".feedback-form textarea").fill("Ein Test.")
                browser_page.locator(".feedback-form button[type=submit]").click()
                browser_page.locator("body.feedback-form-page--sent").wait_for()
                check(f"{name}, sent")

    assert findings == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in findings.items()
    )
    # 14 page types, the video after consent, the form with mistakes and sent; twice.
    assert len(checked) == 2 * 17


# --- Keyboard ----------------------------------------------------------------------------------

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.getAttribute("name"),
        classes: element.className,
        text: (element.innerText || element.value || "").trim().slice(0, 40),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
    };
}"""


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def visibly_focused(element):
    return element["outlineStyle"] not in ("none", "") and element["outlineWidth"] >= 2


@pytest.fixture
def keyboard_site(site_tree):
    statement = StandardPageFactory(parent=site_tree.home, title="Erklärung zur Barrierefreiheit",
                                    kind=StandardPage.Kind.ACCESSIBILITY)
    form = FeedbackFormPageFactory(parent=statement)
    video = VideoPageFactory(parent=site_tree.video_index, title="Informationsvideo",
                             poster=ImageFactory(),
                             video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return {"statement": statement, "form": form, "video": video}


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(
        browser_page, live_server, keyboard_site):
    browser_page.goto(keyboard_site["statement"].url)

    first = tab(browser_page)
    assert first["classes"] == "skip-link"
    assert visibly_focused(first), first
    assert browser_page.locator(".skip-link").bounding_box()["y"] >= 0, "on screen when focused"

    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function("document.activeElement.id === 'main'")
    # The next stop is the first link of the content (to the feedback form), not the header.
    after = tab(browser_page)
    assert browser_page.evaluate(
        "document.querySelector('main').contains(document.activeElement)"), after
    assert after["text"] == "Feedback"


def test_every_stop_shows_where_the_focus_is(browser_page, live_server, keyboard_site):
    unseen = []
    for url in ["/", keyboard_site["form"].url, keyboard_site["video"].url]:
        browser_page.goto(url)
        stops = 0
        while stops < 60:
            element = tab(browser_page)
            if element["tag"] == "body":
                break
            stops += 1
            assert element["name"] != "website_url", "the spam trap is never focused"
            if not visibly_focused(element):
                unseen.append((url, element))
        assert stops >= 5, (url, stops)
    assert unseen == []


def test_the_video_loads_by_keyboard_only(browser_page, live_server, keyboard_site):
    foreign = keep_requests_on_this_machine(browser_page.context, live_server.url)
    browser_page.goto(keyboard_site["video"].url)

    for _stop in range(40):
        element = tab(browser_page)
        if "video-consent__button" in element["classes"]:
            break
    else:
        pytest.fail("The consent button cannot be reached with the Tab key.")
    assert visibly_focused(element), element
    assert foreign == []

    browser_page.keyboard.press("Enter")

    iframe = browser_page.locator("iframe.video-consent__iframe")
    iframe.wait_for()
    assert iframe.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"
    assert iframe.get_attribute("title")
    assert browser_page.evaluate("document.activeElement.tagName") == "IFRAME"
    browser_page.frame_locator("iframe.video-consent__iframe").locator("text=Video player stub") \
        .wait_for()
    assert foreign == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"]

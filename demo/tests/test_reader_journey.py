"""A reader, in real Chromium, finds the notice from the home page and switches to English."""

import pytest

from demo import notice
from demo.tests.helpers import load_demo_as_make_run_does


@pytest.mark.browser
def test_reader_goes_from_home_to_the_notice_and_on_to_english(browser_page, live_server):
    load_demo_as_make_run_does()
    foreign_requests = []
    browser_page.on(
        "request",
        lambda request: request.url.startswith(live_server.url)
        or request.url.startswith("data:")
        or foreign_requests.append(request.url),
    )

    browser_page.goto("/")
    assert browser_page.locator("html").get_attribute("lang") == "de"
    browser_page.get_by_role("link", name=notice.TITLE).first.click()
    browser_page.wait_for_url(f"**/aktuelles/{notice.SLUG}/")
    assert browser_page.get_by_role("heading", level=1).inner_text() == notice.TITLE
    assert browser_page.locator("time").first.inner_text() == "27.07.2021"

    # With JavaScript the obfuscated address becomes a working mailto link.
    mail_link = browser_page.locator("a.email-link").first
    assert mail_link.get_attribute("href") == "mailto:paulina.koschmieder@giz.de"
    assert mail_link.inner_text() == "paulina.koschmieder(at)giz.de"

    browser_page.get_by_role("navigation", name="Sprache").get_by_role("link").click()
    browser_page.wait_for_url("**/en/news/connective-cities-covid-19-programme-2021/")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.get_by_role("heading", level=1).inner_text() == notice.ENGLISH[notice.TITLE]
    assert browser_page.locator("time").first.inner_text() == "27 July 2021"

    # Back to the top, by keyboard: the skip link is the first stop and leads to the content.
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"

    assert foreign_requests == []
    assert browser_page.context.cookies() == []

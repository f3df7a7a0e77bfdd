"""Privacy, proven in Chromium from the network log and the cookie jar.

An anonymous reader goes through every page type of the demo site in German and English, and
sends the feedback form: the browser asks no host but the site and stores no cookie (nor
anything in local or session storage). Only when the reader presses a video's consent button
does it ask the provider, and then for that one video only. The provider's player is a local
stub (see reader_journey): nothing leaves the test machine.
"""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from pages.models import FeedbackFormPage

from .reader_journey import (
    LANGUAGES,
    keep_requests_on_this_machine,
    load_demo_site,
    reader_pages,
)

pytestmark = pytest.mark.browser

STORED_BY_THE_PAGE = "localStorage.length + sessionStorage.length + document.cookie.length"


def test_a_reader_leaves_no_trace_with_anyone_until_choosing_one_video(
        browser_page, live_server, settings):
    settings.FEEDBACK_FORM_MIN_SECONDS = 0
    load_demo_site()
    news_index = NewsIndexPage.objects.get(locale__language_code="de")
    two_videos = NewsPageFactory(parent=news_index, title="Zwei Videos", body=[
        ("video", {"video": None, "url": "https://www.youtube.com/watch?v=firstvideo1",
                   "title": "Erstes Video"}),
        ("video", {"video": None, "url": "https://vimeo.com/76979871", "title": "Zweites Video"}),
    ])
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    foreign = keep_requests_on_this_machine(browser_page.context, live_server.url)

    visited = []
    for language_code in LANGUAGES:
        for name, url in reader_pages(language_code) + [("two videos", two_videos.url)]:
            browser_page.goto(url)
            visited.append(name)
            assert browser_page.context.cookies() == [], name
            assert browser_page.evaluate(STORED_BY_THE_PAGE) == 0, name

    # Sending feedback needs no cookie either.
    browser_page.goto(FeedbackFormPage.objects.get(locale__language_code="en").url)
    browser_page.get_by_label("Your message").fill("The contrast of the footer is fine.")
    browser_page.get_by_role("button", name="Send").click()
    browser_page.locator("body.feedback-form-page--sent").wait_for()
    assert FormSubmission.objects.count() == 1
    assert browser_page.context.cookies() == []

    assert len(visited) == 2 * 15
    assert foreign == []
    assert [url for url in requested if not url.startswith(live_server.url)] == []

    # The reader chooses the second of two videos: only that one is requested.
    browser_page.goto(two_videos.url)
    requested.clear()
    buttons = browser_page.locator(".video-consent__button")
    assert buttons.count() == 2
    chosen = buttons.nth(1).get_attribute("data-embed-url")
    assert chosen == "https://player.vimeo.com/video/76979871?dnt=1"
    buttons.nth(1).click()
    browser_page.frame_locator("iframe.video-consent__iframe").locator(
        "text=Video player stub").wait_for()

    assert [url for url in requested if not url.startswith(live_server.url)] == [chosen]
    assert foreign == [chosen]
    assert browser_page.locator("iframe").count() == 1, "the first video stays a placeholder"
    assert browser_page.context.cookies() == []

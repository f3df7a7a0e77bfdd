"""In Chromium, the Permissions-Policy is understood as written (no feature it does not know,
no error), switches the powerful features off for the page, and still lets the video player,
once the reader loads it, go fullscreen."""

import pytest

from videos.factories import VideoPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAYER = "https://www.youtube-nocookie.com"


def test_the_browser_applies_the_policy_and_the_player_may_go_fullscreen(
    site_tree, browser_page
):
    video = VideoPageFactory(parent=site_tree.video_index, title="Starkregen", slug="starkregen")
    video.save_revision().publish()
    complaints = []
    browser_page.on("console", lambda message: "Permissions-Policy" in message.text
                    and complaints.append(message.text))

    browser_page.goto(video.url)

    allows = "(feature, origin) => document.featurePolicy.allowsFeature(feature, origin)"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "autoplay"):
        assert browser_page.evaluate(allows, [feature, None]) is False, feature
    allowlist = "(feature) => document.featurePolicy.getAllowlistForFeature(feature)"
    for feature in ("fullscreen", "picture-in-picture", "encrypted-media"):
        assert PLAYER in browser_page.evaluate(allowlist, feature), feature
    browser_page.locator("[data-video-consent] button").first.click()
    frame = browser_page.locator("iframe").first
    assert frame.get_attribute("src").startswith(PLAYER)
    allowed_in_frame = browser_page.evaluate(
        "() => document.querySelector('iframe').featurePolicy.allowedFeatures()"
    )
    assert "fullscreen" in allowed_in_frame
    assert "camera" not in allowed_in_frame
    assert complaints == []

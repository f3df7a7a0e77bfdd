"""Which video addresses an editor may enter, and what readers are sent to after consent."""

import pytest
from django.core.exceptions import ValidationError

from core.video_providers import VideoEmbed, parse_video_url, validate_video_url

YOUTUBE_ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize("url", [
    f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
    f"https://youtube.com/watch?v={YOUTUBE_ID}&t=42s",
    f"https://www.youtube.com/watch?feature=share&v={YOUTUBE_ID}",
    f"http://www.youtube.com/watch?v={YOUTUBE_ID}",
    f"https://m.youtube.com/watch?v={YOUTUBE_ID}",
    f"https://WWW.YouTube.com/watch?v={YOUTUBE_ID}",
    f"https://youtu.be/{YOUTUBE_ID}",
    f"https://youtu.be/{YOUTUBE_ID}?si=abc",
    f"https://www.youtube.com/embed/{YOUTUBE_ID}",
    f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
    f"https://www.youtube.com/live/{YOUTUBE_ID}",
    f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?rel=0",
    f"  https://www.youtube.com/watch?v={YOUTUBE_ID}  ",
])
def test_youtube_addresses_are_recognised(url):
    assert parse_video_url(url) == VideoEmbed("YouTube", YOUTUBE_ID)


@pytest.mark.parametrize("url", [
    "https://vimeo.com/76979871",
    "https://www.vimeo.com/76979871",
    "https://player.vimeo.com/video/76979871",
    "https://vimeo.com/channels/staffpicks/76979871",
    "https://player.vimeo.com/video/76979871?h=abc",
])
def test_vimeo_addresses_are_recognised(url):
    assert parse_video_url(url) == VideoEmbed("Vimeo", "76979871")


@pytest.mark.parametrize("url", [
    None,
    "",
    "dQw4w9WgXcQ",
    "javascript:alert(1)",
    f"javascript://www.youtube.com/watch?v={YOUTUBE_ID}",
    f"data:text/html,https://www.youtube.com/watch?v={YOUTUBE_ID}",
    f"ftp://www.youtube.com/watch?v={YOUTUBE_ID}",
    f"//www.youtube.com/watch?v={YOUTUBE_ID}",
    f"https://evil.example/watch?v={YOUTUBE_ID}",
    f"https://www.youtube.com.evil.example/watch?v={YOUTUBE_ID}",
    f"https://www.youtube.com@evil.example/watch?v={YOUTUBE_ID}",
    f"https://notyoutube.com/watch?v={YOUTUBE_ID}",
    f"https://evil.example/?u=https://youtu.be/{YOUTUBE_ID}",
    "https://www.youtube.com/",
    "https://www.youtube.com/watch",
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQX",
    "https://www.youtube.com/watch?v=dQw4w9W%22%3E",
    "https://www.youtube.com/watch?v=<script>xyz",
    "https://www.youtube.com/channel/UCabcdefghij",
    "https://youtu.be/",
    "https://youtu.be/not/an-id-at-all",
    "https://vimeo.com/",
    "https://vimeo.com/123",
    "https://vimeo.com/staffpicks",
    "https://vimeo.com/1234567890123",
    "https://evilvimeo.com/76979871",
    "https://[::1",
])
def test_other_addresses_are_refused(url):
    assert parse_video_url(url) is None


def test_validator_explains_what_is_expected():
    with pytest.raises(ValidationError) as caught:
        validate_video_url("javascript:alert(1)")

    assert caught.value.code == "invalid_video_url"
    validate_video_url(f"https://youtu.be/{YOUTUBE_ID}")  # accepted without error


def test_embeds_use_the_privacy_enhanced_players():
    youtube = VideoEmbed("YouTube", YOUTUBE_ID)
    vimeo = VideoEmbed("Vimeo", "76979871")

    assert youtube.embed_url == f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?rel=0"
    assert vimeo.embed_url == "https://player.vimeo.com/video/76979871?dnt=1"
    assert youtube.watch_url == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert vimeo.watch_url == "https://vimeo.com/76979871"

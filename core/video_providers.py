"""Turn a YouTube or Vimeo URL into its privacy-enhanced embed, without asking the provider."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
                  "www.youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class VideoEmbed:
    provider: str
    video_id: str

    @property
    def embed_url(self):
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?rel=0"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"

    @property
    def watch_url(self):
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def parse_video_url(url):
    """Return the VideoEmbed for a YouTube or Vimeo URL, or None if it is neither."""
    try:
        parsed = urlparse((url or "").strip())
    except ValueError:
        return None
    if parsed.scheme not in {"http", "https"}:
        return None
    host = (parsed.hostname or "").lower()
    parts = [part for part in parsed.path.split("/") if part]
    candidate = None
    if host in _YOUTUBE_HOSTS:
        if parts[:1] == ["watch"]:
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif len(parts) >= 2 and parts[0] in {"embed", "shorts", "live", "v"}:
            candidate = parts[1]
        if candidate and _YOUTUBE_ID.match(candidate):
            return VideoEmbed("YouTube", candidate)
    elif host == "youtu.be" and parts:
        if _YOUTUBE_ID.match(parts[0]):
            return VideoEmbed("YouTube", parts[0])
    elif host in _VIMEO_HOSTS and parts:
        candidate = parts[-1]
        if _VIMEO_ID.match(candidate):
            return VideoEmbed("Vimeo", candidate)
    return None


def validate_video_url(url):
    if parse_video_url(url) is None:
        raise ValidationError(
            _("Enter the address of a YouTube or Vimeo video, e.g. https://www.youtube.com/watch?v=…"),
            code="invalid_video_url",
        )

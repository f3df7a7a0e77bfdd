"""Factories for the video index and video pages. Pass `parent=` to place a page in the tree."""

import factory

from core.factories import BasePageFactory

from .models import VideoIndexPage, VideoPage


class VideoIndexPageFactory(BasePageFactory):
    title = "Videos"
    slug = "videos"
    show_in_menus = True
    introduction = "<p>Videos aus dem Netzwerk.</p>"

    class Meta:
        model = VideoIndexPage


class VideoPageFactory(BasePageFactory):
    """A video page from a stored YouTube URL. Pass `topics=[...]` and `poster=` as needed."""

    title = factory.Sequence(lambda n: f"Video {n}")
    # Eleven characters, as YouTube ids have.
    video_url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=vid{n:08d}")
    description = "<p>Ein kurzer Film über die Arbeit der Städte.</p>"
    transcript = "<p>Guten Tag und willkommen.</p>"

    class Meta:
        model = VideoPage

"""Videos have a date of their own: an editor can date a 2021 video 27.07.2021 even when it is
published today; without one, it is the day of first publication."""

import datetime

import pytest
from django.utils import timezone

from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db


def test_a_video_without_a_date_is_dated_by_its_first_publication(site_tree):
    video = VideoPageFactory(parent=site_tree.video_index, title="Ohne Datum")

    assert video.date == timezone.localdate(video.first_published_at)


def test_the_video_index_shows_and_sorts_by_the_videos_own_date(site_tree, client):
    VideoPageFactory(parent=site_tree.video_index, title="Programm 2021",
                     date=datetime.date(2021, 7, 27))
    VideoPageFactory(parent=site_tree.video_index, title="Programm 2023",
                     date=datetime.date(2023, 3, 1))

    html = client.get(site_tree.video_index.url).content.decode()

    assert html.index("Programm 2023") < html.index("Programm 2021")
    assert "27.07.2021" in html

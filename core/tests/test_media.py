"""Uploaded images are served without object storage or nginx: the poster of a video shows,
ranges and conditional requests work, and documents stay behind Wagtail's document view."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.factories import ImageFactory
from core.media import parse_range
from core.storage import media_storage, serves_media_from_files
from core.tests.helpers import soup
from videos.factories import VideoPageFactory

BYTES = bytes(range(256)) * 4  # 1 KiB


@pytest.fixture
def stored_image(db):
    name = default_storage.save("images/probe.webp", ContentFile(BYTES))
    yield name
    default_storage.delete(name)


def test_an_image_is_served_with_cache_headers(client, stored_image):
    response = client.get(f"/media/{stored_image}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == BYTES
    assert response["Content-Type"] == "image/webp"
    assert response["Accept-Ranges"] == "bytes"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]


def test_a_byte_range_is_answered_with_206(client, stored_image):
    response = client.get(f"/media/{stored_image}", HTTP_RANGE="bytes=10-19")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == BYTES[10:20]
    assert response["Content-Range"] == f"bytes 10-19/{len(BYTES)}"
    assert response["Content-Length"] == "10"

    tail = client.get(f"/media/{stored_image}", HTTP_RANGE="bytes=-4")
    assert b"".join(tail.streaming_content) == BYTES[-4:]


def test_a_range_beyond_the_file_is_416(client, stored_image):
    response = client.get(f"/media/{stored_image}", HTTP_RANGE="bytes=5000-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(BYTES)}"


def test_a_repeated_request_is_answered_304(client, stored_image):
    first = client.get(f"/media/{stored_image}")
    again = client.get(f"/media/{stored_image}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_head_sends_the_length_without_the_body(client, stored_image):
    response = client.head(f"/media/{stored_image}")
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(BYTES))
    assert response.content == b""


@pytest.mark.parametrize("path", [
    "documents/programm.pdf",             # documents go through Wagtail's view (privacy)
    "images/../documents/programm.pdf",   # no way out of the image folders
    "images/missing.webp",
    "images//probe.webp",
])
def test_only_existing_image_files_are_served(client, db, path):
    default_storage.save("documents/programm.pdf", ContentFile(b"%PDF-1.4"))
    try:
        assert client.get(f"/media/{path}").status_code == 404
    finally:
        default_storage.delete("documents/programm.pdf")


def test_media_cannot_be_changed_through_the_view(client, stored_image):
    assert client.post(f"/media/{stored_image}").status_code == 405


@pytest.mark.parametrize(("header", "expected"), [
    (None, None),
    ("bytes=0-0", (0, 0)),
    ("bytes=100-", (100, 1023)),
    ("bytes=1000-2000", (1000, 1023)),
    ("bytes=-2000", (0, 1023)),
    ("bytes=0-1,4-5", None),       # several ranges: the whole file
    ("items=0-1", None),
    ("bytes=abc-", None),
    ("bytes=5-1", None),
    ("bytes=1024-", "unsatisfiable"),
    ("bytes=-0", "unsatisfiable"),
])
def test_range_header_parsing(header, expected):
    assert parse_range(header, 1024) == expected


def test_the_video_poster_is_served_under_production_like_settings(client, site_tree, settings):
    assert settings.DEBUG is False
    video = VideoPageFactory(parent=site_tree.video_index, title="Film",
                             poster=ImageFactory())
    page = soup(client.get(video.url))
    poster = page.select_one(".video-consent__poster")
    assert poster is not None
    response = client.get(poster["src"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content)[8:12] == b"WEBP"


def test_without_a_bucket_media_are_files_served_by_the_site():
    storages = {"default": media_storage({})}
    assert storages["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert serves_media_from_files(storages)


def test_with_a_bucket_media_go_to_object_storage():
    storage = media_storage({
        "AWS_STORAGE_BUCKET_NAME": "connective-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
        "AWS_S3_REGION_NAME": "eu-central-1",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
    })
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "connective-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["object_parameters"] == {"CacheControl": "public, max-age=86400"}
    assert not serves_media_from_files({"default": storage})

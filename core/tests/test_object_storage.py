"""Media in S3-compatible object storage, against a local S3 server (moto's server mode)."""

import socket
import urllib.request

import boto3
import pytest
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer

from core.factories import ImageFactory
from core.storage import media_storage

BUCKET = "connective-media"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="eu-central-1",
                 aws_access_key_id="test", aws_secret_access_key="test").create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    yield endpoint
    server.stop()


@pytest.mark.django_db
def test_an_image_and_its_rendition_are_stored_and_served_from_the_bucket(s3_endpoint,
                                                                          settings):
    settings.STORAGES = {**settings.STORAGES, "default": media_storage({
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "eu-central-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_ACL": "public-read",
    })}
    assert type(storages["default"]).__name__ == "S3Storage"

    image = ImageFactory()
    rendition = image.get_rendition("fill-160x160|format-webp")

    assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/images/")
    with urllib.request.urlopen(rendition.url, timeout=10) as response:  # noqa: S310
        body = response.read()
        assert response.status == 200
        assert response.headers["Cache-Control"] == "public, max-age=86400"
    assert body[:4] == b"RIFF" and body[8:12] == b"WEBP"

    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-central-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys and rendition.file.name in keys

"""Uploads follow the workflow: an author's document stays private until the Redaktion
publishes a page that links it or releases it; files are checked by their content; SVG and
oversized images are refused with a clear message."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Collection

from editorial.publishing import approval_publishes
from editorial.roles import AUTHORS, REDAKTION
from editorial.tests.helpers import build_tree, make_user, news_draft
from security.documents import document_url
from security.uploads import REVIEW_COLLECTION_NAME, sniff_document

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def office_file(folder="word/"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{folder}document.xml", "<document/>")
    return buffer.getvalue()


def png(width=20, height=20):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(("name", "content"), [
    ("bericht.pdf", PDF),
    ("protokoll.docx", office_file("word/")),
    ("tabelle.xlsx", office_file("xl/")),
    ("folien.pptx", office_file("ppt/")),
    ("daten.csv", b"Stadt;Einwohner\nBonn;330000\n"),
    ("liesmich.txt", "Grüße aus Köln".encode()),
    ("untertitel.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n"),
])
def test_files_whose_content_fits_their_name_are_accepted(name, content):
    assert sniff_document(upload(name, content), name.rsplit(".", 1)[1]) is None


@pytest.mark.parametrize(("name", "content"), [
    ("bericht.pdf", b"MZ\x90\x00 a Windows program"),
    ("bericht.pdf", b"<html><script>alert(1)</script></html>"),
    ("protokoll.docx", PDF),
    ("protokoll.docx", office_file("xl/")),
    ("archiv.zip", b"PK\x03\x04 broken"),
    ("liesmich.txt", b"\x00\x01\x02binary"),
    ("untertitel.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nSRT, not WebVTT\n"),
])
def test_files_that_only_claim_a_type_are_refused(name, content):
    assert sniff_document(upload(name, content), name.rsplit(".", 1)[1])


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Documents are served from the file system, as in production (Wagtail's download view
    cannot stream from the tests' in-memory storage)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def autorin(tree):
    user = make_user("autorin-upload", AUTHORS)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def redaktion(tree):
    user = make_user("redaktion-upload", REDAKTION)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def add_document(client, name="bericht.pdf", content=PDF, title="Jahresbericht"):
    root = Collection.get_first_root_node()
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": upload(name, content), "collection": root.pk},
    )


def test_an_authors_document_is_private_until_a_page_linking_it_is_published(
    tree, autorin, redaktion, client
):
    response = add_document(autorin)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title="Jahresbericht")
    assert document.collection.name == REVIEW_COLLECTION_NAME

    # Readers cannot fetch it; editors can, to review it.
    assert client.get(document_url(document)).status_code in {302, 403}
    assert redaktion.get(document_url(document)).status_code == 200

    body = json.dumps([{"type": "document", "value": {"document": document.pk, "title": ""}}])
    page = news_draft(tree.news_index, title="Mit Anhang", body=body)
    assert client.get(document_url(document)).status_code in {302, 403}

    with approval_publishes():  # what the Redaktion's "Freigeben" does
        page.save_revision(user=redaktion.user).publish(user=redaktion.user)

    document.refresh_from_db()
    assert document.collection == Collection.get_first_root_node()
    response = client.get(document_url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_redaktion_can_release_a_document_by_hand(tree, autorin, redaktion, client):
    add_document(autorin)
    document = Document.objects.get(title="Jahresbericht")

    response = redaktion.post(reverse("wagtaildocs:edit", args=[document.pk]), {
        "title": document.title, "collection": Collection.get_first_root_node().pk,
    })

    assert response.status_code == 302
    assert client.get(document_url(document)).status_code == 200


def test_the_redaktions_own_uploads_are_public_at_once(tree, redaktion, client):
    add_document(redaktion, title="Pressemappe")
    document = Document.objects.get(title="Pressemappe")
    assert document.collection == Collection.get_first_root_node()
    assert client.get(document_url(document)).status_code == 200


def test_a_fake_pdf_is_refused_with_a_german_message(tree, autorin):
    response = add_document(autorin, content=b"MZ\x90\x00 not a pdf")

    assert response.status_code == 200
    assert "Dies ist keine PDF-Datei." in response.content.decode()
    assert not Document.objects.filter(title="Jahresbericht").exists()


def test_a_too_big_document_is_refused(tree, autorin, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response = add_document(autorin, content=PDF + b" " * 200)

    assert "Die Datei ist zu groß" in response.content.decode()
    assert not Document.objects.exists()


def add_image(client, name, content):
    return client.post(reverse("wagtailimages:add"), {
        "title": "Bild", "file": upload(name, content),
        "collection": Collection.get_first_root_node().pk,
    })


def test_svg_images_are_refused(tree, autorin):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
    response = add_image(autorin, "logo.svg", svg)

    assert response.status_code == 200
    assert "svg" in response.content.decode().lower()
    from wagtail.images import get_image_model

    assert not get_image_model().objects.exists()


def test_an_image_is_checked_by_content_not_name(tree, autorin):
    from wagtail.images import get_image_model

    response = add_image(autorin, "foto.jpg", png())
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    response = add_image(autorin, "foto.png", b"GIF89a not really")
    assert not get_image_model().objects.exists()


def test_images_with_too_many_pixels_are_refused(tree, autorin, settings):
    from wagtail.images import get_image_model

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    response = add_image(autorin, "gross.png", png(20, 20))

    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert add_image(autorin, "klein.png", png(5, 5)).status_code == 302

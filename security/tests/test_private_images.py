"""An author's image stays private until the Redaktion approves it: its original and every
rendition are a 404 for readers (and never cached) while it waits in "Zur Freigabe"; editors
see it in the admin; publishing a page that shows it, or releasing it, makes it public."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.factories import ImageFactory
from editorial.publishing import approval_publishes
from editorial.roles import AUTHORS, REDAKTION
from editorial.tests.helpers import build_tree, make_user, news_draft
from security.private_images import PRIVATE_NAME
from security.uploads import REVIEW_COLLECTION_NAME

pytestmark = pytest.mark.django_db

Image = get_image_model()


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def tree():
    return build_tree()


def logged_in(username, group):
    user = make_user(username, group)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def autorin(tree):
    return logged_in("autorin-bild", AUTHORS)


@pytest.fixture
def redaktion(tree):
    return logged_in("redaktion-bild", REDAKTION)


def upload_image(client, title="Rathaus"):
    response = client.post(reverse("wagtailimages:add"), {
        "title": title, "file": SimpleUploadedFile("rathaus.png", png()),
        "collection": Collection.get_first_root_node().pk,
    })
    assert response.status_code == 302, response.content.decode()[:1500]
    return Image.objects.get(title=title)


def files_of(image):
    """The URLs of the original and of a rendition."""
    return [f"/media/{image.file.name}", image.get_rendition("fill-40x30|format-webp").url]


def test_an_authors_image_is_hidden_from_readers_until_released(tree, autorin, client):
    image = upload_image(autorin)

    assert image.collection.name == REVIEW_COLLECTION_NAME
    assert PRIVATE_NAME.match(image.file.name.rsplit("/", 1)[-1])
    assert image.file.name.endswith("_rathaus.png")
    for url in files_of(image):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "no-store" in response["Cache-Control"]


def test_the_author_and_the_redaktion_see_the_image_awaiting_approval(
    tree, autorin, redaktion
):
    image = upload_image(autorin)

    for editor in (autorin, redaktion):
        for url in files_of(image):
            response = editor.get(url)
            assert response.status_code == 200, url
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]


def test_publishing_a_page_that_shows_the_image_releases_it(tree, autorin, redaktion, client):
    image = upload_image(autorin)
    page = news_draft(tree.news_index, title="Neues Rathaus", lead_image=image,
                      lead_image_alt="Das neue Rathaus")
    for url in files_of(image):
        assert client.get(url).status_code == 404

    with approval_publishes():  # what the Redaktion's "Freigeben" does
        page.save_revision(user=redaktion.user).publish(user=redaktion.user)

    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
    for url in files_of(image):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"]


def test_the_redaktion_can_release_an_image_by_hand(tree, autorin, redaktion, client):
    image = upload_image(autorin)

    response = redaktion.post(reverse("wagtailimages:edit", args=[image.pk]), {
        "title": image.title, "collection": Collection.get_first_root_node().pk,
    })

    assert response.status_code == 302
    assert all(client.get(url).status_code == 200 for url in files_of(image))


def test_the_redaktions_own_images_are_public_at_once(tree, redaktion, client):
    image = upload_image(redaktion, title="Pressefoto")

    assert image.collection == Collection.get_first_root_node()
    assert not PRIVATE_NAME.match(image.file.name.rsplit("/", 1)[-1])
    assert all(client.get(url).status_code == 200 for url in files_of(image))


def test_a_public_image_costs_no_query(tree, client, django_assert_num_queries):
    image = ImageFactory()
    url = f"/media/{image.file.name}"

    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_an_unknown_file_with_a_private_name_is_not_served(tree, client, redaktion):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("images/0123456789abcdef_verwaist.png", ContentFile(png()))
    try:
        assert client.get(f"/media/{name}").status_code == 404
        assert redaktion.get(f"/media/{name}").status_code == 404
    finally:
        default_storage.delete(name)


def test_images_an_author_uploads_several_at_once_are_hidden_too(tree, autorin, client):
    response = autorin.post(reverse("wagtailimages:add_multiple"), {
        "files[]": SimpleUploadedFile("marktplatz.png", png()),
    })
    assert response.status_code == 200, response.content.decode()[:1500]
    assert response.json()["success"], response.json()

    image = Image.objects.get()
    assert image.collection.name == REVIEW_COLLECTION_NAME
    assert PRIVATE_NAME.match(image.file.name.rsplit("/", 1)[-1])
    assert all(client.get(url).status_code == 404 for url in files_of(image))


def test_publishing_a_contact_with_the_image_as_photo_releases_it(tree, autorin, client):
    image = upload_image(autorin, title="Porträt")
    contact = tree.contact
    contact.photo = image
    contact.save_revision().publish()

    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
    assert all(client.get(url).status_code == 200 for url in files_of(image))

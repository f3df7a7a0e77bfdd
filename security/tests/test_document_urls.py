"""Document addresses do not count the uploads: readers get /documents/<key>/<name>, the
numbered address is a 404 for them, and privacy rules still apply at the keyed address."""

import json
import re

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import expand_db_html

from core.factories import DocumentFactory
from editorial.roles import REDAKTION
from editorial.tests.helpers import build_tree, make_user, news_live
from security.documents import document_url

pytestmark = pytest.mark.django_db

KEYED = re.compile(r"^/documents/[0-9a-f]{32}/programm(_\w+)?\.pdf$")


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path)}},
    }


@pytest.fixture
def tree():
    return build_tree()


@pytest.fixture
def editor(tree):
    client = Client()
    client.force_login(make_user("redaktion-docs", REDAKTION))
    return client


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_document_address_carries_a_key_not_a_number(tree):
    first, second = DocumentFactory(), DocumentFactory()

    for document in (first, second):
        url = document_url(document)
        assert KEYED.match(url), url
        assert f"/{document.pk}/" not in url
    assert document_url(first).split("/")[2] != document_url(second).split("/")[2]


def test_readers_download_a_public_document_at_its_keyed_address(tree, client):
    document = DocumentFactory()

    response = client.get(document_url(document))

    assert response.status_code == 200
    assert body_of(response).startswith(b"%PDF-")


def test_the_numbered_address_is_not_found_for_readers(tree, client):
    document = DocumentFactory()

    assert client.get(f"/documents/{document.pk}/{document.filename}").status_code == 404
    assert client.get(f"/documents/{document.pk + 1}/{document.filename}").status_code == 404


def test_editors_following_the_admins_numbered_link_reach_the_keyed_address(tree, editor):
    document = DocumentFactory()

    response = editor.get(document.url)

    assert response.status_code == 302
    assert response["Location"] == document_url(document)


def test_a_made_up_or_borrowed_key_is_not_found(tree, client):
    document, other = DocumentFactory(), DocumentFactory()
    key = document_url(document).split("/")[2]
    other_key = document_url(other).split("/")[2]

    assert client.get(f"/documents/{'0' * 32}/{document.filename}").status_code == 404
    assert client.get(f"/documents/{other_key}/{document.filename}").status_code == 404
    assert client.get(f"/documents/{key}/{other.filename}").status_code == 404


def test_a_key_from_before_a_secret_key_rotation_still_opens_the_document(tree, client, settings):
    document = DocumentFactory()
    old_url = document_url(document)

    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40

    assert document_url(document) != old_url
    assert client.get(old_url).status_code == 200


def test_a_private_document_is_refused_to_readers_at_its_keyed_address(tree, client, editor):
    root = Collection.get_first_root_node()
    private = root.add_child(instance=Collection(name="Intern"))
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(collection=private)

    response = client.get(document_url(document))

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert editor.get(document_url(document)).status_code == 200


def test_pages_link_documents_at_their_keyed_address(tree, client):
    document = DocumentFactory(title="Jahresprogramm")
    link = f'<p>Das <a linktype="document" id="{document.pk}">Programm</a>.</p>'
    body = json.dumps([
        {"type": "rich_text", "value": link},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ])
    page = news_live(tree.news_index, title="Mit Programm", body=body)

    html = client.get(page.url).content.decode()

    hrefs = re.findall(r'href="(/documents/[^"]+)"', html)
    assert hrefs == [document_url(document)] * 2
    assert f'href="{document_url(document)}"' in expand_db_html(link)

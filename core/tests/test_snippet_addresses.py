"""Contacts and authors moved from the `home` app to `core`; editors' bookmarks still work."""

import pytest

from core.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_a_bookmarked_contact_screen_leads_to_its_new_address(admin_client):
    contact = ContactFactory()

    response = admin_client.get(f"/admin/snippets/home/contact/edit/{contact.pk}/?locale=de")

    assert response.status_code == 301
    assert response["Location"] == f"/admin/snippets/core/contact/edit/{contact.pk}/?locale=de"
    assert admin_client.get(response["Location"]).status_code == 200


def test_the_bookmarked_author_list_leads_to_its_new_address(admin_client):
    response = admin_client.get("/admin/snippets/home/author/")

    assert response.status_code == 301
    assert response["Location"] == "/admin/snippets/core/author/"


def test_other_home_addresses_are_not_redirected(admin_client):
    assert admin_client.get("/admin/snippets/home/homepage/").status_code == 404

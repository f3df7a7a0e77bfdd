"""Cached menus, listings and bodies (core.cache) never outlive what they show."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from conftest import build_site_tree
from news.factories import NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db(transaction=True)


def read_in_another_connection(path):
    """A reader's request served beside the current transaction (its own connection)."""
    result = {}

    def read():
        try:
            result["body"] = Client().get(path).content.decode()
        finally:
            connection.close()

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(30)
    return result["body"]


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite's shared test database locks readers out during a write")
def test_a_listing_read_while_a_publication_commits_is_not_shown_after_it(client):
    tree = build_site_tree()
    NewsPageFactory(parent=tree.news_index, title="Alte Meldung")
    client.get("/aktuelles/")
    new = NewsPageFactory.build(title="Frisch veröffentlicht", slug="frisch", live=False)
    tree.news_index.add_child(instance=new)

    with transaction.atomic():
        NewsPage.objects.get(pk=new.pk).save_revision().publish()
        # A reader between the publication and its commit still sees the old list.
        during = read_in_another_connection("/aktuelles/")

    assert "Frisch veröffentlicht" not in during
    assert "Frisch veröffentlicht" in client.get("/aktuelles/").content.decode()

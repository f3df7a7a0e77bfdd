"""Cached menus, listings and bodies (caching/fragments.py) never outlive what they show."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from conftest import build_site_tree
from news.factories import NewsPageFactory
from news.models import NewsPage


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


@pytest.mark.django_db(transaction=True)
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


@pytest.mark.django_db
def test_a_request_sees_each_tag_at_one_version_and_its_own_changes_at_once():
    from django.core.cache import cache

    from caching import tags

    with tags.request_view():
        first = tags.versions(["p1"])["p1"]
        cache.set("tag:p1", first + 10)  # another app server's change, meanwhile
        assert tags.versions(["p1"])["p1"] == first
        tags.retire({"p1"})
        assert tags.versions(["p1"])["p1"] > first


@pytest.mark.django_db
def test_a_changed_contact_or_byline_shows_on_the_pages_that_name_them(site_tree, client):
    from core.factories import AuthorFactory, ContactFactory

    contact = ContactFactory(name="Erika Muster", phone="+49 228 1111")
    byline = AuthorFactory(name="Team Kommunen", kind="team")
    NewsPageFactory(parent=site_tree.news_index, title="Mit Kontakt", slug="mit-kontakt",
                    contacts=[contact], byline=byline)
    assert "+49 228 1111" in client.get("/aktuelles/mit-kontakt/").content.decode()

    contact.phone = "+49 228 2222"
    contact.save_revision().publish()
    byline.name = "Team Städte"
    byline.save()
    page = client.get("/aktuelles/mit-kontakt/").content.decode()

    assert "+49 228 2222" in page
    assert "Team Städte" in page and "Team Kommunen" not in page


@pytest.mark.django_db
def test_a_news_item_with_image_byline_and_contact_costs_no_query_once_seen(site_tree, client):
    from core.factories import AuthorFactory, ContactFactory, ImageFactory
    from core.tests.helpers import warm_and_count

    page = NewsPageFactory(parent=site_tree.news_index, title="Mit Bild", slug="mit-bild",
                           lead_image=ImageFactory(), lead_image_alt="Ein Marktplatz",
                           contacts=[ContactFactory()], byline=AuthorFactory())
    page.save_revision().publish()

    assert warm_and_count(client, "/aktuelles/mit-bild/") == 0


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/aktuelles/", "/aktuelles/?page=2", "/aktuelles/?year=2021"])
def test_a_cached_listing_does_not_even_build_its_query(site_tree, client, monkeypatch, url):
    from news.models import NewsIndexPage

    for number in range(12):
        NewsPageFactory(parent=site_tree.news_index, title=f"Meldung {number}")
    built = []
    real = NewsIndexPage.listing_items

    def counting(self, *args, **kwargs):
        built.append(url)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(NewsIndexPage, "listing_items", counting)
    first = client.get(url).content
    assert built  # the first view fills the caches
    built.clear()

    assert client.get(url).content == first
    assert built == []


@pytest.mark.django_db
def test_a_cached_news_index_without_filters_builds_no_filter_form_and_reads_no_archive(
        site_tree, client, monkeypatch):
    from news import models
    from news.filters import NewsFilterForm
    from news.models import NewsIndexPage

    site_tree.news_index.save_revision().publish()
    NewsPageFactory(parent=site_tree.news_index, title="Eine Meldung")
    built = []
    monkeypatch.setattr(NewsIndexPage, "filter_topics",
                        lambda self: built.append("topics") or [])
    archive_periods = models.archive_periods
    monkeypatch.setattr(models, "archive_periods", lambda *args, **kwargs: built.append(
        "archive") or archive_periods(*args, **kwargs))
    real = NewsFilterForm.__init__
    monkeypatch.setattr(NewsFilterForm, "__init__",
                        lambda self, *args, **kwargs: built.append("form")
                        or real(self, *args, **kwargs))
    first = client.get("/aktuelles/").content
    assert "form" in built  # the first view renders the form into its cached fragment
    built.clear()

    assert client.get("/aktuelles/").content == first
    assert built == []
    assert client.get("/aktuelles/?year=2021").status_code == 200
    assert built  # a filtered view validates its filters

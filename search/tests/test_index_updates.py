"""The search index follows what editors publish: new text is found once it is published,
never while it is a draft, and an unpublished or deleted page is found no more."""

import pytest
from django.db import connection

from news.factories import NewsPageFactory

from .test_search_page import get, result_titles

pytestmark = pytest.mark.django_db


def found(client, query, url="/suche/"):
    return result_titles(get(client, url, q=query))


def test_publishing_adds_a_page_and_unpublishing_removes_it(client, content):
    page = NewsPageFactory(parent=content.tree.news_index, title="Wasserversorgung in Amman",
                           live=False, first_published_at=None)
    assert found(client, "Wasserversorgung") == []

    page.save_revision().publish()
    assert found(client, "Wasserversorgung") == ["Wasserversorgung in Amman"]

    page.refresh_from_db()
    page.unpublish()
    assert found(client, "Wasserversorgung") == []


def test_a_draft_change_is_found_only_once_published(client, content):
    page = content.tunisia
    page.title = "Stadtentwicklung in Sfax"
    page.save_revision()
    assert found(client, "Sfax") == []
    assert "Stadtentwicklung in Tunesien" in found(client, "Tunesien")

    page.get_latest_revision().publish()
    assert found(client, "Sfax") == ["Stadtentwicklung in Sfax"]
    assert "Stadtentwicklung in Tunesien" not in found(client, "Tunesien")


def test_a_translation_is_found_in_its_language_once_published(client, content):
    content.video_en.title = "The pandemic at the town hall of Bonn"
    content.video_en.save_revision()
    assert found(client, "Bonn", "/en/search/") == []

    content.video_en.get_latest_revision().publish()
    assert found(client, "Bonn", "/en/search/") == ["The pandemic at the town hall of Bonn"]
    assert found(client, "Bonn") == []


def test_a_deleted_page_is_found_no_more(client, content):
    content.video.delete()
    assert found(client, "Rathaus") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index (CI).")
def test_a_publication_writes_its_words_into_the_index_itself_not_a_pending_list():
    """Searches never read through a pending list, and no publication waits for its merge
    (search/migrations/0002)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class "
                       "WHERE relname = 'search_searchentry_vector_gin'")
        (options,) = cursor.fetchone()

    assert "fastupdate=off" in (options or [])

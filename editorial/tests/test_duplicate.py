""""Duplizieren": a news item as the starting point of a new one; the copy is a draft in the
same language, a new item (not a translation), and nobody publishes by copying."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from news.models import NewsPage
from translation.demo import create_translator_accounts

from .helpers import news_live

pytestmark = pytest.mark.django_db


def duplicate_url(page):
    return f"/admin/editorial/duplicate/{page.pk}/"


@pytest.fixture
def original(tree):
    page = news_live(tree.news_index, title="Hitzeschutz in Bonn", date=date(2026, 6, 1),
                     teaser="Kühle Räume für alle.")
    page.topics.add(tree.topic)
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def test_the_author_duplicates_a_news_item_into_a_draft_and_lands_in_its_editor(
    tree, original, author_client, autorin
):
    response = author_client.post(duplicate_url(original))

    copy = NewsPage.objects.exclude(pk=original.pk).get(title="Kopie von Hitzeschutz in Bonn")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{copy.pk}/edit/"
    assert not copy.live and copy.has_unpublished_changes
    assert copy.first_published_at is None and copy.go_live_at is None and copy.date is None
    assert copy.slug == "kopie-von-hitzeschutz-in-bonn"
    assert copy.get_parent().pk == tree.news_index.pk and copy.locale_id == original.locale_id
    assert copy.translation_key != original.translation_key  # a new item, not a translation
    assert copy.teaser == "Kühle Räume für alle." and list(copy.topics.all()) == [tree.topic]
    assert copy.owner == autorin and copy.revisions.count() == 1

    editor = author_client.get(response["Location"])
    assert editor.status_code == 200
    assert "„Kopie von Hitzeschutz in Bonn“ ist ein neuer Entwurf" in editor.content.decode()
    original.refresh_from_db()
    assert original.live and original.title == "Hitzeschutz in Bonn"


def test_a_second_copy_gets_its_own_url_segment(original, author_client):
    author_client.post(duplicate_url(original))
    author_client.post(duplicate_url(original))

    slugs = sorted(NewsPage.objects.exclude(pk=original.pk).values_list("slug", flat=True))
    assert slugs == ["kopie-von-hitzeschutz-in-bonn", "kopie-von-hitzeschutz-in-bonn-2"]


def test_a_scheduled_item_duplicates_without_its_dates(original, redaktion_client):
    original.go_live_at = timezone.now() + timedelta(days=3)
    original.expire_at = timezone.now() + timedelta(days=30)
    original.save()

    redaktion_client.post(duplicate_url(original))

    copy = NewsPage.objects.exclude(pk=original.pk).get()
    assert copy.go_live_at is None and copy.expire_at is None and not copy.live
    assert copy.get_latest_revision_as_object().go_live_at is None


def test_duplicating_needs_a_post_and_the_right_to_write_news(tree, original, accounts):
    translator = Client()
    translator.force_login(create_translator_accounts()["translator-en"])
    author = Client()
    author.force_login(accounts["autorin"])

    def refused(response):
        # Wagtail's admin turns a refusal into its "no permission" message on the dashboard.
        return response.status_code == 302 and response["Location"] == "/admin/"

    assert author.get(duplicate_url(original)).status_code == 405
    assert refused(translator.post(duplicate_url(original)))
    assert refused(author.post(duplicate_url(tree.topic)))  # news items only
    assert NewsPage.objects.count() == 1 and tree.topic.get_siblings().count() == 1


def test_duplizieren_is_offered_in_the_editor_and_the_news_list(tree, original, author_client):
    button = f'data-w-action-url-value="{duplicate_url(original)}"'

    editor = author_client.get(f"/admin/pages/{original.pk}/edit/").content.decode()
    listing = author_client.get(f"/admin/pages/{tree.news_index.pk}/").content.decode()

    for html in (editor, listing):
        assert button in html
        assert "Duplizieren" in html[html.index(button) - 600:html.index(button) + 600]


def test_an_author_cannot_publish_through_wagtails_copy(tree, original, author_client):
    copy_url = f"/admin/pages/{original.pk}/copy/"
    form = author_client.get(copy_url).content.decode()
    assert 'name="publish_copies"' not in form

    response = author_client.post(copy_url, {
        "new_title": "Kopie", "new_slug": "kopie", "new_parent_page": tree.news_index.pk,
        "publish_copies": "on",
    })

    assert response.status_code == 302
    copy = NewsPage.objects.get(slug="kopie")
    assert not copy.live and copy.first_published_at is None
    assert copy.translation_key != original.translation_key

"""Deleting: authors delete only their own drafts that nobody else relies on (never published,
not in review, not a translation, without translations); the Redaktion's confirmation names
every page that goes, translations included, and they go together."""

import pytest
from django.test import Client

from editorial.roles import AUTHORS
from news.models import NewsPage

from .helpers import make_user, news_draft, news_form_data, news_live

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(tree):
    return make_user("autor2", AUTHORS)


def delete(client, page):
    return client.post(f"/admin/pages/{page.pk}/delete/", {})


def exists(page):
    return NewsPage.objects.filter(pk=page.pk).exists()


def english_translation(page, tree, title="English draft", user=None):
    translated = page.copy_for_translation(tree.home_en.locale, copy_parents=False)
    translated.title = translated.draft_title = title
    translated.owner = user
    translated.save()
    return NewsPage.objects.get(pk=translated.pk)


def test_an_author_deletes_her_own_draft(tree, author_client, autorin):
    draft = news_draft(tree.news_index, "Verworfen", user=autorin)

    html = author_client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert f'href="/admin/pages/{draft.pk}/delete/' in html
    delete(author_client, draft)

    assert not exists(draft)


def test_an_author_cannot_delete_a_colleagues_draft(tree, author_client, colleague):
    draft = news_draft(tree.news_index, "Entwurf des Kollegen", user=colleague)

    html = author_client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    response = delete(author_client, draft)

    assert f"/admin/pages/{draft.pk}/delete/" not in html
    assert response.status_code in (302, 403) and exists(draft)


def test_an_author_cannot_delete_her_own_page_awaiting_approval(tree, author_client):
    author_client.post(f"/admin/pages/add/news/newspage/{tree.news_index.pk}/",
                       {**news_form_data(title="Wartet"), "action-submit": "1"})
    page = NewsPage.objects.get(title="Wartet")
    assert page.workflow_in_progress

    delete(author_client, page)

    assert exists(page)


def test_an_author_cannot_delete_a_page_that_was_once_published(tree, author_client, autorin):
    page = news_live(tree.news_index, "War online", owner=autorin)
    page.unpublish()

    delete(author_client, page)

    assert exists(page)


def test_an_author_deletes_no_translation_and_no_translated_draft(tree, author_client, autorin):
    draft = news_draft(tree.news_index, "Mit Übersetzung", user=autorin)
    translated = english_translation(draft, tree, user=autorin)

    delete(author_client, translated)
    delete(author_client, draft)

    assert exists(translated) and exists(draft)


def test_the_confirmation_names_the_page_and_its_translations(tree, redaktion_client):
    page = news_live(tree.news_index, "Hitzeschutz")
    translated = english_translation(page, tree, title="Heat protection")

    html = redaktion_client.get(f"/admin/pages/{page.pk}/delete/").content.decode()

    listed = html[html.index("data-editorial-pages-to-delete"):]
    listed = listed[:listed.index("</ul>")]
    assert "„Hitzeschutz“ (Deutsch, veröffentlicht)" in listed
    assert "„Heat protection“ (English, Entwurf)" in listed
    assert exists(translated)


def test_the_redaktion_deletes_a_page_with_its_translations(tree, redaktion_client):
    page = news_live(tree.news_index, "Hitzeschutz")
    translated = english_translation(page, tree, title="Heat protection")

    response = delete(redaktion_client, page)

    assert response.status_code == 302
    assert not exists(page) and not exists(translated)


def test_an_english_translation_is_deleted_alone(tree, redaktion_client):
    page = news_live(tree.news_index, "Bleibt")
    translated = english_translation(page, tree, title="Goes")

    delete(redaktion_client, translated)

    assert exists(page) and not exists(translated)


def test_a_colleague_sees_no_delete_in_the_listing(tree, autorin, colleague):
    draft = news_draft(tree.news_index, "Fremd", user=autorin)
    client = Client()
    client.force_login(colleague)

    html = client.get(f"/admin/pages/{tree.news_index.pk}/").content.decode()

    assert "Fremd" in html
    assert f"/admin/pages/{draft.pk}/delete/" not in html

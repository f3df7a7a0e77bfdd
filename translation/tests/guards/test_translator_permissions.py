"""What a translator may and may not do, tried through the real admin views.

`translator-en` ("Übersetzung EN") edits English translations in wagtail-localize's editor,
and nothing else: not the German source, not other languages, not users, groups, sites,
locales or workflows; no publishing, no approving.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from core.factories import AuthorFactory
from core.models import Author, Contact
from editorial.roles import AUTHORS, REDAKTION
from home.factories import HomePageFactory
from news.models import NewsPage
from translation.roles import setup_translators, translator_group_name

from ..helpers import (
    assert_refused,
    client_for,
    edit_url,
    english,
    publish,
    translate,
    translate_strings,
    translation_of,
    translator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(site, settings):
    """French configured as a third language, with a French contact and notice (drafts)."""
    languages = [*settings.LANGUAGES, ("fr", "français")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = languages
    return {"contact": translate(site.contact, "fr"), "notice": translate(site.notice, "fr")}


def string_edit_url(translation, obj, path):
    segment = translation.source.stringsegment_set.get(context__path=path)
    return f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"


def put(client, url, value):
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


# --- Pages -----------------------------------------------------------------------------------


def test_a_translator_opens_english_pages_in_the_translation_editor(site, translator_client):
    response = translator_client.get(edit_url(english(site.notice)))

    assert response.status_code == 200
    assert b"js-translation-editor" in response.content


def test_a_translator_cannot_edit_the_german_source(site, translator_client):
    assert_refused(translator_client.get(edit_url(site.notice)))
    response = translator_client.post(edit_url(site.notice), {"title": "Geändert"})

    assert_refused(response)
    assert NewsPage.objects.get(pk=site.notice.pk).title == site.notice.title


def test_a_translator_cannot_edit_another_languages_pages(site, french, translator_client):
    assert_refused(translator_client.get(edit_url(french["notice"])))


def test_a_translator_cannot_add_delete_or_unpublish_pages(site, translator_client):
    news_index_en = site.news_index_en
    for url in (
        f"/admin/pages/add/news/newspage/{news_index_en.pk}/",
        f"/admin/pages/{news_index_en.pk}/delete/",
        f"/admin/pages/{news_index_en.pk}/unpublish/",
        f"/admin/pages/{news_index_en.pk}/move/",
    ):
        assert_refused(translator_client.get(url))
    assert Page.objects.filter(pk=news_index_en.pk, live=True).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/users/new/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/locales/new/",
        "/admin/workflows/list/",
        "/admin/redirects/",
    ],
)
def test_a_translator_cannot_manage_users_sites_languages_or_workflows(
    site, translator_client, url
):
    assert_refused(translator_client.get(url))


def test_a_translator_cannot_submit_pages_for_translation(site, translator_client,
                                                          redaktion_client):
    url = f"/admin/localize/submit/page/{site.notice.pk}/"

    assert_refused(translator_client.get(url))
    assert redaktion_client.get(url).status_code == 200


# --- Snippets --------------------------------------------------------------------------------


def test_a_translator_edits_the_english_contact(site, translator_client):
    assert translator_client.get(edit_url(english(site.contact))).status_code == 200


def test_a_translator_cannot_edit_the_german_contact(site, translator_client):
    assert_refused(translator_client.get(edit_url(site.contact)))
    response = translator_client.post(
        edit_url(site.contact), {"name": "Geändert", "action-publish": "1"}
    )

    assert_refused(response)
    assert Contact.objects.get(pk=site.contact.pk).name == "Karla Kontakt"


def test_a_translator_cannot_edit_the_french_contact(site, french, translator_client):
    assert_refused(translator_client.get(edit_url(french["contact"])))


def test_a_translator_cannot_create_or_delete_contacts(site, translator_client):
    contact_en = english(site.contact)

    assert_refused(translator_client.get("/admin/snippets/core/contact/add/?locale=de"))
    assert_refused(translator_client.get("/admin/snippets/core/contact/add/?locale=en"))
    assert_refused(translator_client.post(f"/admin/snippets/core/contact/delete/{contact_en.pk}/"))
    assert Contact.objects.filter(pk=contact_en.pk).exists()


def test_the_editor_endpoints_refuse_another_languages_contact(site, french, translator_client):
    translation = translation_of(site.contact, "fr")
    base = f"/admin/localize/translate/{translation.pk}"

    response = put(translator_client, string_edit_url(translation, site.contact, "role"), "Chef")

    assert response.status_code == 403
    assert_refused(translator_client.post(f"{base}/machine_translate/", {"next": "/admin/"}))
    assert_refused(translator_client.get(f"{base}/pofile/download/"))
    assert_refused(translator_client.post(f"{base}/disable/", {"next": "/admin/"}))
    translation.refresh_from_db()
    assert translation.enabled
    assert Contact.objects.get(pk=french["contact"].pk).role == "Projektleitung"


def test_the_editor_endpoints_serve_the_translators_own_language(site, translator_client):
    translation = translation_of(site.contact)

    response = put(translator_client, string_edit_url(translation, site.contact, "role"), "Lead")

    assert response.status_code in (200, 201)
    assert response.json()["data"] == "Lead"
    assert translator_client.get(
        f"/admin/localize/translate/{translation.pk}/pofile/download/"
    ).status_code == 200


def test_a_translator_submits_the_english_contact_for_approval(site, translator_client):
    contact_en = english(site.contact)
    translate_strings(site.contact, translate_text=lambda text: {
        "Projektleitung": "Head of project"}.get(text, text))

    response = translator_client.post(edit_url(contact_en), {"action": "publish"})

    assert response.status_code == 302
    contact_en = Contact.objects.get(pk=contact_en.pk)
    assert contact_en.live
    assert contact_en.role == "Project lead"
    assert contact_en.workflow_in_progress


def test_a_translator_cannot_apply_an_authors_translation_but_the_redaktion_can(
    site, translator_client, redaktion_client
):
    author = AuthorFactory(name="Redaktion Connective Cities")
    author_en = translate(author)
    translate_strings(author, translate_text=lambda text: "Editorial team Connective Cities")

    response = translator_client.post(edit_url(author_en), {"action": "publish"})

    assert response.status_code == 302
    assert Author.objects.get(pk=author_en.pk).name == "Redaktion Connective Cities"

    redaktion_client.post(edit_url(author_en), {"action": "publish"})

    assert Author.objects.get(pk=author_en.pk).name == "Editorial team Connective Cities"


def test_a_translator_who_is_also_an_author_may_edit_german_contacts(site):
    user = translator("en", username="autorin-und-uebersetzerin")
    user.groups.add(Group.objects.get(name=AUTHORS))

    response = client_for(user).get(edit_url(site.contact))

    assert response.status_code == 200


# --- Groups ----------------------------------------------------------------------------------


def test_the_translators_group_is_set_up_once_with_a_narrow_grant(site):
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    setup_translators()
    setup_translators()
    assert counts == (Group.objects.count(), GroupPagePermission.objects.count())

    group = Group.objects.get(name=translator_group_name("en"))
    grants = GroupPagePermission.objects.filter(group=group)
    assert {(grant.page_id, grant.permission.codename) for grant in grants} == {
        (site.home_en.pk, "change_page")
    }
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin", "change_contact", "view_contact", "change_author", "view_author",
    }


def test_the_redaktion_may_start_translations_even_after_the_permission_was_flushed(site):
    # wagtail-localize creates the permission in a data migration; `flush` removes it.
    Permission.objects.filter(codename="submit_translation").delete()
    redaktion = get_user_model().objects.create_user("redaktion-nach-flush")
    redaktion.groups.add(Group.objects.get_or_create(name=REDAKTION)[0])

    setup_translators()

    assert redaktion.has_perm("wagtail_localize.submit_translation")


def test_a_new_english_tree_is_granted_to_the_english_translators(site):
    second_home = HomePageFactory(parent=site.root, title="Zweite Website", slug="zweite")

    second_home_en = translate(second_home)

    group = Group.objects.get(name=translator_group_name("en"))
    assert GroupPagePermission.objects.filter(
        group=group, page=second_home_en, permission__codename="change_page"
    ).exists()
    assert not GroupPagePermission.objects.filter(group=group, page=second_home).exists()


def test_a_published_english_page_stays_editable_for_translators(site, translator_client):
    notice_en = publish(english(site.notice))

    assert translator_client.get(edit_url(notice_en)).status_code == 200

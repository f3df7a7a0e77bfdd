"""Boundaries that still hold: translators delete nothing; each language serves only its pages."""

import io
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from core.models import Contact
from news.models import NewsPage

from ..helpers import assert_refused, english, publish

pytestmark = pytest.mark.django_db

ARABIC = [("de", "Deutsch"), ("en", "English"), ("ar", "العربيّة")]


def test_a_translator_cannot_delete_an_unpublished_english_draft(site, translator_client):
    notice_en = english(site.notice)
    assert not notice_en.live
    url = reverse("wagtailadmin_pages:delete", args=[notice_en.pk])

    assert_refused(translator_client.get(url))
    assert_refused(translator_client.post(url))

    assert NewsPage.objects.filter(pk=notice_en.pk).exists()


def test_a_translator_cannot_delete_a_live_english_page(site, translator_client):
    url = reverse("wagtailadmin_pages:delete", args=[site.news_index_en.pk])
    assert_refused(translator_client.post(url))
    assert Page.objects.filter(pk=site.news_index_en.pk).exists()


def test_a_translator_sees_no_delete_button(site, translator_client):
    html = translator_client.get(
        reverse("wagtailadmin_explore", args=[site.news_index_en.pk])
    ).content.decode()
    notice_en = english(site.notice)
    assert reverse("wagtailadmin_pages:delete", args=[notice_en.pk]) not in html


def test_no_delete_button_in_the_translation_editor(site, translator_client, accounts):
    notice_en = english(site.notice)
    assert not notice_en.permissions_for_user(accounts["translator-en"]).can_delete()
    assert notice_en.permissions_for_user(accounts["redaktion"]).can_delete()
    html = translator_client.get(reverse("wagtailadmin_pages:edit", args=[notice_en.pk]))
    assert '"canDelete": false' in unescape(html.content.decode())


def test_the_delete_patch_is_installed_on_wagtails_permission_tester():
    """Canary: Wagtail still asks `PagePermissionTester.can_delete` (patched in
    editorial/deleting.py, which asks the translators' rule)."""
    from wagtail.models import PagePermissionTester

    from editorial import deleting

    assert PagePermissionTester.can_delete is deleting.can_delete


def test_a_translator_cannot_delete_a_contact(site, translator_client):
    contact_en = english(site.contact)
    url = reverse(contact_en.snippet_viewset.get_url_name("delete"), args=[contact_en.pk])
    assert_refused(translator_client.post(url))
    assert Contact.objects.filter(pk=contact_en.pk).exists()


def test_the_redaktion_still_deletes_drafts(site, redaktion_client):
    notice_en = english(site.notice)
    url = reverse("wagtailadmin_pages:delete", args=[notice_en.pk])
    assert redaktion_client.get(url).status_code == 200


@pytest.fixture
def arabic_drafts(site, settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = ARABIC
    call_command("add_language", "ar", stdout=io.StringIO())
    return settings


def test_a_language_without_a_live_home_page_serves_no_german_pages(
    site, arabic_drafts, client
):
    assert client.get("/").status_code == 200
    assert client.get(site.notice.url).status_code == 200

    for path in ("/ar/", f"/ar{site.notice.url}", f"/ar{site.news_index.url}"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert site.notice.title not in response.content.decode()


def test_the_language_serves_its_pages_once_approved(site, arabic_drafts, client):
    for page in (site.home, site.news_index, site.notice):
        publish(Page.objects.get(translation_key=page.translation_key,
                                 locale__language_code="ar").specific)
    notice_ar = NewsPage.objects.get(translation_key=site.notice.translation_key,
                                     locale__language_code="ar")
    assert client.get("/ar/").status_code == 200
    assert client.get(notice_ar.url).status_code == 200
    # English keeps working; German pages are not served under /en/.
    assert client.get("/en/").status_code == 200
    assert client.get(f"/en{site.notice.url}").status_code == 404

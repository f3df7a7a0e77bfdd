"""Languages come from configuration; a new one is added without a code change.

German is the source and always first. `manage.py add_language` makes the new language's tree
as drafts, never live; wagtail-localize's "Sync from" (live aliases) is not installed. Arabic
reads right to left.
"""

import importlib.util
import io

import pytest
from django.apps import apps as django_apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import LocaleSynchronization

from core.models import Contact
from news.models import NewsPage
from translation.checks import (
    no_locale_synchronisation,
    no_locale_synchronisation_app,
    translations_stay_drafts,
)
from translation.conf import site_languages
from translation.roles import translator_group_name

from .helpers import client_for, publish

pytestmark = pytest.mark.django_db

ARABIC = [("de", "Deutsch"), ("en", "English"), ("ar", "العربيّة")]


@pytest.fixture
def arabic(settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = ARABIC
    return settings


def translations_in(language_code):
    return Page.objects.filter(locale__language_code=language_code, depth__gt=1)


# --- Configuration ---------------------------------------------------------------------------


def test_german_and_english_by_default():
    assert site_languages("de,en") == [("de", "Deutsch"), ("en", "English")]
    assert [code for code, _name in django_settings.LANGUAGES] == ["de", "en"]
    assert django_settings.WAGTAIL_CONTENT_LANGUAGES == django_settings.LANGUAGES


def test_german_always_comes_first_and_each_language_once():
    assert site_languages("en, AR,en") == ARABIC
    assert site_languages("") == [("de", "Deutsch")]
    assert site_languages("es_419".replace("_419", "")) == [("de", "Deutsch"), ("es", "español")]


def test_an_unknown_language_code_stops_start_up_with_a_clear_message():
    with pytest.raises(ImproperlyConfigured, match="unknown language codes: xx"):
        site_languages("de,en,xx")


def test_the_settings_read_site_languages_from_the_environment(monkeypatch):
    monkeypatch.setenv("SITE_LANGUAGES", "de,en,ar")
    spec = importlib.util.find_spec("siteconfig.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    assert module.LANGUAGES == ARABIC
    assert module.WAGTAIL_CONTENT_LANGUAGES == ARABIC
    assert module.LANGUAGE_CODE == "de"


def test_start_up_is_refused_if_translations_would_be_published_live(settings):
    assert translations_stay_drafts(None) == []

    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True

    assert [error.id for error in translations_stay_drafts(None)] == ["translation.E001"]


def test_start_up_is_refused_if_german_is_not_the_source(settings):
    settings.LANGUAGES = [("en", "English"), ("de", "Deutsch")]

    assert [error.id for error in translations_stay_drafts(None)] == ["translation.E002"]


# --- Adding a language -----------------------------------------------------------------------


def test_adding_a_language_makes_its_tree_as_drafts(site, arabic):
    output = io.StringIO()

    call_command("add_language", "ar", stdout=output)

    german = translations_in("de")
    arabic_pages = translations_in("ar")
    assert arabic_pages.count() == german.count()
    assert not arabic_pages.filter(live=True).exists()
    assert not arabic_pages.filter(alias_of__isnull=False).exists()
    contact_ar = Contact.objects.get(translation_key=site.contact.translation_key,
                                     locale__language_code="ar")
    assert not contact_ar.live
    assert "Nothing is live yet" in output.getvalue()


def test_adding_a_language_sets_up_its_translators(site, arabic):
    call_command("add_language", "ar", stdout=io.StringIO())

    group = Group.objects.get(name=translator_group_name("ar"))
    home_ar = translations_in("ar").get(depth=2)
    assert GroupPagePermission.objects.filter(
        group=group, page=home_ar, permission__codename="change_page"
    ).exists()
    # The group's language is recorded, not read from its name.
    assert list(group.translator_role.locales.values_list("language_code", flat=True)) == ["ar"]


def test_a_new_language_starts_from_the_current_german_text(site, arabic):
    notice = NewsPage.objects.get(pk=site.notice.pk)
    notice.title = "Förderprogramm: zweite Runde"
    notice.save_revision().publish()

    call_command("add_language", "ar", stdout=io.StringIO())

    notice_ar = NewsPage.objects.get(translation_key=notice.translation_key,
                                     locale__language_code="ar")
    assert notice_ar.title == "Förderprogramm: zweite Runde"
    assert not notice_ar.live


def test_adding_a_language_twice_changes_nothing(site, arabic):
    call_command("add_language", "ar", stdout=io.StringIO())
    counts = (Page.objects.count(), Contact.objects.count(), Group.objects.count())
    output = io.StringIO()

    call_command("add_language", "ar", stdout=output)

    assert counts == (Page.objects.count(), Contact.objects.count(), Group.objects.count())
    assert "0 page(s) and 0 snippet(s)" in output.getvalue()


def test_a_language_must_be_configured_before_it_is_added(site):
    with pytest.raises(CommandError, match="Add it to SITE_LANGUAGES first"):
        call_command("add_language", "ar", stdout=io.StringIO())
    with pytest.raises(CommandError, match="source language"):
        call_command("add_language", "de", stdout=io.StringIO())
    assert not Locale.objects.filter(language_code="ar").exists()


def test_arabic_reads_right_to_left(site, arabic, client):
    call_command("add_language", "ar", stdout=io.StringIO())
    # The Redaktion approves the Arabic home page, news index and notice.
    for page in (site.home, site.news_index, site.notice):
        publish(Page.objects.get(translation_key=page.translation_key,
                                 locale__language_code="ar").specific)
    notice_ar = NewsPage.objects.get(translation_key=site.notice.translation_key,
                                     locale__language_code="ar")

    arabic_html = client.get(notice_ar.url).content.decode()
    german_html = client.get(site.notice.url).content.decode()

    assert notice_ar.url.startswith("/ar/")
    assert '<html lang="ar" dir="rtl">' in arabic_html
    assert '<html lang="de" dir="ltr">' in german_html


# --- No locale synchronisation ("Sync from") ---------------------------------------------------


def test_adding_a_locale_in_the_admin_offers_no_sync_and_copies_no_pages(site, arabic):
    admin = get_user_model().objects.create_superuser("root-admin", "root@example.org", "x")
    client = client_for(admin)

    form = client.get("/admin/locales/new/")
    response = client.post("/admin/locales/new/", {"language_code": "ar"})

    assert form.status_code == 200
    assert "sync_from" not in form.content.decode()
    assert response.status_code == 302
    assert Locale.objects.filter(language_code="ar").exists()
    assert not translations_in("ar").exists()


def test_start_up_refuses_the_locale_synchronisation_app(monkeypatch):
    assert no_locale_synchronisation_app(None) == []
    installed = django_apps.is_installed
    monkeypatch.setattr(
        django_apps, "is_installed",
        lambda name: name == "wagtail_localize.locales" or installed(name),
    )

    errors = no_locale_synchronisation_app(None)

    assert [error.id for error in errors] == ["translation.E003"]
    assert "wagtail.locales" in errors[0].msg


def test_the_database_check_refuses_a_stored_synchronisation(site, arabic):
    arabic_locale = Locale.objects.create(language_code="ar")
    assert no_locale_synchronisation(None, databases=["default"]) == []

    LocaleSynchronization.objects.create(locale=arabic_locale, sync_from=site.de)
    errors = no_locale_synchronisation(None, databases=["default"])

    assert [error.id for error in errors] == ["translation.E004"]
    assert "ar" in errors[0].msg

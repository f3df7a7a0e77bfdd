"""Translators start their own work.

German content gets draft translations when it is first published; a translator starts a
translation into their own language (never another) from the dashboard, the status report or
the explorer; the dashboard's "Zu übersetzen" lists their work; the Redaktion's "Übersetzen"
form ticks the languages that have no translation yet.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.views import submit_translations

from core.factories import ContactFactory
from core.models import Contact
from news.factories import NewsPageFactory
from news.models import NewsPage
from translation.work import preselect
from translation.work.start import start_url

from ..helpers import (
    assert_refused,
    client_for,
    english,
    translate,
    translate_strings,
    translation_of,
)

pytestmark = pytest.mark.django_db

PANEL = 'id="work-to-translate-section"'


@pytest.fixture
def french(site, settings):
    languages = [*settings.LANGUAGES, ("fr", "français")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = languages
    translate(site.home, "fr")
    return languages


def untranslated_news(site, title="Neue Meldung ohne Übersetzung"):
    """A German news item published without the on-commit hook running (tests run in a
    transaction), so it has no translation."""
    page = NewsPageFactory(parent=site.news_index, title=title)
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def unpublished_news(site, **fields):
    """A German news item that was never published (factories make live pages)."""
    return NewsPageFactory(
        parent=site.news_index, live=False, first_published_at=None, last_published_at=None,
        **fields,
    )


def in_english(obj):
    model = Page if isinstance(obj, Page) else type(obj)
    return model._default_manager.filter(
        translation_key=obj.translation_key, locale__language_code="en"
    ).first()


# --- Drafts on first publication ----------------------------------------------------------------


def test_publishing_a_german_page_for_the_first_time_makes_an_english_draft(
    site, django_capture_on_commit_callbacks, client
):
    page = unpublished_news(site, title="Erstmals veröffentlicht")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    draft = in_english(page)
    assert draft is not None
    assert draft.specific.title == "Erstmals veröffentlicht"
    assert draft.get_parent().pk == site.news_index_en.pk
    assert not draft.live
    assert translation_of(page).enabled
    # Nothing reaches readers before approval.
    assert client.get(draft.specific.get_url()).status_code == 404


def test_a_draft_is_made_once_and_not_again_after_it_was_removed(
    site, django_capture_on_commit_callbacks
):
    page = unpublished_news(site)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    in_english(page).delete()

    page = NewsPage.objects.get(pk=page.pk)
    page.subtitle = "Korrigiert"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert in_english(page) is None


def test_saving_a_german_draft_makes_no_translation(site, django_capture_on_commit_callbacks):
    page = unpublished_news(site)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()

    assert in_english(page) is None


def test_approving_a_german_contact_makes_an_english_draft_contact(
    site, django_capture_on_commit_callbacks
):
    contact = ContactFactory(name="Erika Erstkontakt", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()

    draft = in_english(contact)
    assert draft is not None
    assert not draft.live
    assert not Contact.objects.filter(pk=draft.pk, live=True).exists()


def test_publishing_the_english_translation_makes_no_further_drafts(
    site, django_capture_on_commit_callbacks, french
):
    notice_en = english(site.notice)
    translate_strings(site.notice)
    translation_of(site.notice).save_target(publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPage.objects.get(pk=notice_en.pk).get_latest_revision().publish()

    assert not NewsPage.objects.filter(
        translation_key=site.notice.translation_key, locale__language_code="fr"
    ).exists()


def test_every_configured_language_gets_a_draft(site, django_capture_on_commit_callbacks, french):
    translate(site.news_index, "fr")
    page = unpublished_news(site)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    languages = set(
        NewsPage.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", "live"
        )
    )
    assert languages == {("de", True), ("en", False), ("fr", False)}


# --- A translator starts a translation ----------------------------------------------------------


def test_a_translator_starts_a_translation_into_their_language(site, translator_client):
    page = untranslated_news(site)
    url = start_url(Page, page.pk, "en")

    confirm = translator_client.get(url)
    assert confirm.status_code == 200
    assert "Neue Meldung ohne Übersetzung" in confirm.content.decode()
    assert in_english(page) is None  # a GET changes nothing

    response = translator_client.post(url)

    draft = in_english(page)
    assert draft is not None and not draft.live
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    editor = translator_client.get(response["Location"])
    assert editor.status_code == 200
    assert "als Entwurf begonnen" in editor.content.decode()


def test_a_translator_starts_a_contact_translation(site, translator_client):
    contact = ContactFactory(name="Neu Kontakt")
    contact.save_revision().publish()

    response = translator_client.post(start_url(Contact, contact.pk, "en"))

    draft = in_english(contact)
    assert draft is not None and not draft.live
    assert response.status_code == 302


def test_starting_an_existing_translation_opens_it(site, translator_client):
    notice_en = english(site.notice)
    response = translator_client.get(start_url(Page, site.notice.pk, "en"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[notice_en.pk])


def test_a_translator_cannot_start_a_translation_into_another_language(
    site, translator_client, french
):
    page = untranslated_news(site)
    url = start_url(Page, page.pk, "fr")

    assert_refused(translator_client.get(url))
    assert_refused(translator_client.post(url))
    assert not NewsPage.objects.filter(
        translation_key=page.translation_key, locale__language_code="fr"
    ).exists()


@pytest.mark.parametrize("language", ["de", "xx", "ar"])
def test_unknown_or_source_languages_are_not_found(site, translator_client, language):
    page = untranslated_news(site)
    assert translator_client.post(start_url(Page, page.pk, language)).status_code == 404


def test_only_german_content_can_be_started(site, translator_client):
    response = translator_client.post(start_url(Page, site.news_index_en.pk, "en"))
    assert response.status_code == 404
    assert translator_client.post("/admin/translation/start/nope.nope/1/en/").status_code == 404


def test_an_author_cannot_start_translations(site, accounts):
    page = untranslated_news(site)
    assert_refused(client_for(accounts["autorin"]).post(start_url(Page, page.pk, "en")))
    assert in_english(page) is None


def test_a_language_without_a_home_page_cannot_be_started(site, settings, redaktion_client):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        *settings.LANGUAGES, ("fr", "français")
    ]
    from core.factories import get_locale

    get_locale("fr")
    page = untranslated_news(site)
    response = redaktion_client.post(start_url(Page, page.pk, "fr"), follow=True)

    assert "noch keine Startseite" in response.content.decode()
    assert not NewsPage.objects.filter(
        translation_key=page.translation_key, locale__language_code="fr"
    ).exists()


def test_a_translator_has_a_start_link_in_the_status_report(site, translator_client):
    page = untranslated_news(site)
    html = translator_client.get(reverse("translation_status_report")).content.decode()
    assert start_url(Page, page.pk, "en") in html
    assert "Übersetzung beginnen" in html


# --- "Zu übersetzen" on the dashboard --------------------------------------------------------


def test_the_translator_dashboard_lists_work_in_their_language(site, translator_client):
    page = untranslated_news(site)
    notice_en = english(site.notice)

    html = translator_client.get("/admin/").content.decode()

    assert PANEL in html
    assert "Zu übersetzen" in html
    panel = html[html.index(PANEL):]
    panel = panel[: panel.index("</section>")]
    # The new item is missing and starts the translation; the notice is in progress and
    # opens the editor.
    assert page.title in panel
    assert start_url(Page, page.pk, "en") in panel
    assert site.notice.title in panel
    assert reverse("wagtailadmin_pages:edit", args=[notice_en.pk]) in panel
    assert "nicht begonnen" in panel
    assert "in Arbeit" in panel
    assert "0 %" in panel
    # Up-to-date content (the English news index) is not work.
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[site.news_index_en.pk])}"' not in panel


def test_the_percentage_follows_the_translated_segments(site, translator_client):
    source = translation_of(site.notice).source
    segments = list(source.stringsegment_set.select_related("string", "context"))
    from wagtail_localize.models import StringTranslation

    first = segments[0]
    StringTranslation.objects.create(
        translation_of=first.string, locale=site.en, context=first.context, data="Done"
    )
    html = translator_client.get("/admin/").content.decode()
    panel = html[html.index(PANEL):]
    assert f"{100 // len(segments)} %" in panel


def test_the_redaktion_has_no_translator_panel(site, redaktion_client):
    assert PANEL not in redaktion_client.get("/admin/").content.decode()


def queries_for_dashboard(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries)


def test_the_panel_costs_the_same_queries_for_more_work(site, translator_client, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    untranslated_news(site, "Meldung A")
    ContactFactory(name="Kontakt A").save_revision().publish()
    queries_for_dashboard(translator_client)
    small = queries_for_dashboard(translator_client)
    for number in range(12):
        untranslated_news(site, f"Meldung B{number}")
        contact = ContactFactory(name=f"Kontakt B{number}")
        contact.save_revision().publish()
        translate(contact)
    large = queries_for_dashboard(translator_client)
    assert large == small
    print(f"translator dashboard queries: {small}")


def test_the_panel_shows_a_limited_number_of_rows_and_links_the_report(
    site, translator_client, monkeypatch
):
    from translation.work import worklist

    monkeypatch.setattr(worklist, "LIMIT", 2)
    monkeypatch.setattr(worklist.work_items, "__defaults__", (2,))
    for number in range(3):
        untranslated_news(site, f"Meldung C{number}")
    html = translator_client.get("/admin/").content.decode()
    panel = html[html.index(PANEL):]
    panel = panel[: panel.index("</section>")]
    assert panel.count('<tr data-status=') == 2
    assert "weitere Einträge im Übersetzungsstatus" in panel


# --- The Redaktion's "Übersetzen" form ----------------------------------------------------------


def test_the_translate_form_ticks_the_languages_without_a_translation(
    site, redaktion_client, french
):
    page = untranslated_news(site)
    translate(page, "fr")
    other = untranslated_news(site, "Zweite Meldung")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    form = redaktion_client.get(url).context["form"]
    assert [locale.language_code for locale in form.initial["locales"]] == ["en"]

    form = redaktion_client.get(
        reverse("wagtail_localize:submit_page_translation", args=[other.pk])
    ).context["form"]
    assert sorted(locale.language_code for locale in form.initial["locales"]) == ["en", "fr"]
    html = redaktion_client.get(
        reverse("wagtail_localize:submit_page_translation", args=[other.pk])
    ).content.decode()
    assert html.count("checked") >= 2


def test_the_preselection_patch_is_installed_on_upstreams_form():
    """Canary: fails when wagtail-localize's form no longer has the shape the patch expects."""
    form_class = submit_translations.SubmitTranslationForm
    assert form_class.__init__ is preselect._init_with_missing_languages_ticked
    assert "locales" in form_class.base_fields
    assert submit_translations.SubmitTranslationView.get_form.__code__.co_names.count(
        "SubmitTranslationForm"
    ) >= 1

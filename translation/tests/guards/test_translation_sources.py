"""Translations start from what is public: a German page or contact that is live, or that its
author has submitted for approval. An author's draft that nobody has submitted is not copied
into the translation editor, by any path, and no "Übersetzen" is offered for it."""

import pytest
from wagtail_localize.models import TranslationSource

from core.factories import ContactFactory
from core.models import Contact
from news.factories import NewsPageFactory
from news.models import NewsPage
from translation.work.start import start_url

pytestmark = pytest.mark.django_db

SECRET = "Geheimer Entwurfstext der Autorin"
MISSING_IN_ENGLISH = "/admin/reports/translation-status/?language=en&status=missing"


@pytest.fixture
def author_draft(site, accounts):
    """An author's news item, saved as a draft and never submitted or published."""
    page = NewsPageFactory(parent=site.news_index, title="Embargo-Entwurf", subtitle=SECRET,
                           live=False, first_published_at=None, last_published_at=None,
                           owner=accounts["autorin"])
    page.save_revision(user=accounts["autorin"])
    return NewsPage.objects.get(pk=page.pk)


def in_english(obj):
    return type(obj)._default_manager.filter(
        translation_key=obj.translation_key, locale__language_code="en"
    ).first()


def test_a_translator_cannot_start_a_translation_of_an_unsubmitted_draft(
    author_draft, translator_client
):
    url = start_url(NewsPage, author_draft.pk, "en")

    response = translator_client.post(url)

    assert response.status_code == 403
    html = response.content.decode()
    assert "nicht zur Freigabe eingereicht" in html and SECRET not in html
    assert in_english(author_draft) is None
    assert translator_client.get(url).status_code == 403


def test_a_submitted_draft_can_be_translated(author_draft, accounts, translator_client):
    author_draft.get_workflow().start(author_draft, accounts["autorin"])

    response = translator_client.post(start_url(NewsPage, author_draft.pk, "en"))

    assert response.status_code == 302
    assert in_english(author_draft) is not None


def test_the_redaktion_cannot_translate_an_unsubmitted_draft(author_draft, site,
                                                             redaktion_client):
    url = f"/admin/localize/submit/page/{author_draft.pk}/"

    response = redaktion_client.post(url, {"locales": [str(site.home_en.locale_id)]})

    assert response.status_code == 403
    assert in_english(author_draft) is None


def test_no_translate_button_is_offered_for_an_unsubmitted_draft(
    author_draft, site, redaktion_client, translator_client
):
    listing = f"/admin/pages/{site.news_index.pk}/"
    for client in (redaktion_client, translator_client):
        html = client.get(listing).content.decode()
        assert "Embargo-Entwurf" in html or client is translator_client
        assert f"/admin/localize/submit/page/{author_draft.pk}/" not in html
        assert start_url(NewsPage, author_draft.pk, "en") not in html
    editor = redaktion_client.get(f"/admin/pages/{author_draft.pk}/edit/").content.decode()
    assert f"/admin/localize/submit/page/{author_draft.pk}/" not in editor


def test_an_unsubmitted_contact_cannot_be_translated(site, redaktion_client, translator_client):
    contact = ContactFactory(name="Noch nicht eingereicht", live=False)
    contact.save_revision()

    start = translator_client.post(start_url(Contact, contact.pk, "en"))
    submit = redaktion_client.post(f"/admin/localize/submit/snippet/core/contact/{contact.pk}/",
                                   {"locales": [str(site.home_en.locale_id)]})
    listing = redaktion_client.get("/admin/snippets/core/contact/").content.decode()

    assert start.status_code == 403 and submit.status_code == 403
    assert in_english(contact) is None
    assert f"/admin/localize/submit/snippet/core/contact/{contact.pk}/" not in listing


def test_syncing_does_not_read_a_page_that_went_back_to_draft(site, redaktion_client):
    notice = NewsPage.objects.get(pk=site.notice.pk)
    source = TranslationSource.objects.get_for_instance(notice)
    notice.unpublish()
    NewsPage.objects.filter(pk=notice.pk).update(subtitle=SECRET)

    response = redaktion_client.post(f"/admin/localize/update/{source.pk}/", {})

    assert response.status_code == 403
    assert SECRET not in TranslationSource.objects.get(pk=source.pk).content_json


def test_the_worklist_and_the_report_offer_no_start_for_an_unsubmitted_draft(
    author_draft, accounts, translator_client
):
    url = start_url(NewsPage, author_draft.pk, "en")

    dashboard = translator_client.get("/admin/").content.decode()
    report = translator_client.get(MISSING_IN_ENGLISH).content
    assert url not in dashboard and url not in report.decode()
    # Translators do not even see its title.
    assert "Embargo-Entwurf" not in dashboard and "Embargo-Entwurf" not in report.decode()

    author_draft.get_workflow().start(author_draft, accounts["autorin"])
    report = translator_client.get(MISSING_IN_ENGLISH).content
    assert url in report.decode()

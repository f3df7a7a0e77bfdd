"""Every action is all or nothing (core/transactions.py): an action that fails halfway, here
with a fault injected at the revision save or right after publishing, leaves nothing behind."""

import contextlib

import pytest
from wagtail.models import Page, Revision
from wagtail.signals import page_published
from wagtail_localize.models import Translation, TranslationSource

from editorial.tests.helpers import news_form_data
from news.models import NewsPage
from translation.work.start import start_url

from .exchange.test_exchange_xliff import download, fill
from .exchange_support import exchange_url, post_file, reload, snapshot
from .helpers import client_for, edit_url, english, translate_strings, translation_of
from .work.test_start_translation import in_english, untranslated_news

pytestmark = pytest.mark.django_db


class Fault(Exception):
    """What the injected fault raises."""


@contextlib.contextmanager
def fault_at_the_revision_save(monkeypatch):
    def fail(self, *args, **kwargs):
        raise Fault("the disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(Revision, "save", fail)
        yield


@contextlib.contextmanager
def fault_after_publishing():
    def fail(sender, **kwargs):
        raise Fault("the search index is away")

    page_published.connect(fail, dispatch_uid="test-fault-after-publishing")
    try:
        yield
    finally:
        page_published.disconnect(dispatch_uid="test-fault-after-publishing")


def test_a_new_page_that_fails_at_its_revision_leaves_no_page(site, accounts, monkeypatch):
    author = client_for(accounts["autorin"])
    pages = NewsPage.objects.count()
    url = f"/admin/pages/add/news/newspage/{site.news_index.pk}/"

    with fault_at_the_revision_save(monkeypatch), pytest.raises(Fault):
        author.post(url, news_form_data(title="Halb angelegt"))

    assert NewsPage.objects.count() == pages
    assert not Page.objects.filter(title="Halb angelegt").exists()
    # Without the fault, the same form makes the draft.
    assert author.post(url, news_form_data(title="Halb angelegt")).status_code == 302
    assert NewsPage.objects.get(title="Halb angelegt").get_latest_revision() is not None


def test_a_translation_start_that_fails_leaves_no_english_page(site, translator_client,
                                                               monkeypatch):
    page = untranslated_news(site)
    sources = TranslationSource.objects.count()
    translations = Translation.objects.count()

    with fault_at_the_revision_save(monkeypatch), pytest.raises(Fault):
        translator_client.post(start_url(Page, page.pk, "en"))

    assert in_english(page) is None
    assert (TranslationSource.objects.count(), Translation.objects.count()) == (
        sources, translations)


def test_an_xliff_import_that_fails_at_the_draft_stores_no_strings(site, translator_client,
                                                                   monkeypatch):
    translation = translation_of(site.notice)
    filled = fill(download(translator_client, translation).content)
    before = snapshot()

    with fault_at_the_revision_save(monkeypatch), pytest.raises(Fault):
        post_file(translator_client, exchange_url(translation, "xliff", "upload"),
                  filled, "notice.xlf", edit_url(english(site.notice)))

    assert snapshot() == before


def test_an_approval_that_fails_after_publishing_leaves_the_page_in_review(
    site, translator_client, redaktion_client, client
):
    from .helpers import workflow_action_url

    translate_strings(site.notice)
    notice_en = english(site.notice)
    translator_client.post(edit_url(notice_en), {"action": "submit"})
    assert reload(notice_en).workflow_in_progress

    with fault_after_publishing(), pytest.raises(Fault):
        redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})

    notice_en = reload(notice_en)
    assert not notice_en.live and notice_en.live_revision is None
    assert notice_en.workflow_in_progress
    assert client.get(f"/en/news/{notice_en.slug}/").status_code == 404
    # The Redaktion tries again, and now it goes live.
    response = redaktion_client.post(workflow_action_url(notice_en, "approve"), {"comment": ""})
    assert response.status_code == 302
    assert reload(notice_en).live

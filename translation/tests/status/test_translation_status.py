"""Out-of-date translations, as the "Übersetzungsstatus" report shows them to the Redaktion.

A translation is outdated once its German source is published again (an author or team, which
has no drafts: edited), and stays outdated until it has been synced from the new source and
saved; not before. wagtail-localize alone would still call it "up to date".
"""

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail_localize.models import StringTranslation, TranslationLog, TranslationSource

from core.factories import AuthorFactory, translate_page
from core.models import Author
from news.factories import NewsPageFactory

from ..exchange_support import de, make_live_notice_en
from ..helpers import (
    NOTICE_TITLE,
    edit_url,
    english,
    publish,
    translate,
    translate_strings,
    translation_of,
)
from ..status_support import in_progress, outdated_since, report, row

pytestmark = pytest.mark.django_db


def republish(page, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def first_publication_after(page, moment):
    return (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", timestamp__gt=moment)
        .order_by("timestamp")
        .first()
        .timestamp
    )


def sync(redaktion_client, obj):
    source = TranslationSource.objects.get_for_instance(obj)
    response = redaktion_client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302
    return source


# --- In progress and up to date ------------------------------------------------------------------


def test_a_new_translation_is_in_progress_with_its_share_translated(site, redaktion_client):
    translation = translation_of(site.notice)
    segments = list(translation.source.stringsegment_set.select_related("string", "context"))
    assert len(segments) == 5
    for segment in segments[:2]:
        StringTranslation.objects.create(
            translation_of=segment.string, context=segment.context, locale=site.en,
            data=f"EN {segment.string.data}", translation_type="manual",
        )

    notice = row(report(redaktion_client), NOTICE_TITLE)

    assert notice.status == "in_progress"
    assert notice.text.startswith(in_progress(40))
    assert notice.translated == "40 %"


def test_a_complete_saved_translation_is_up_to_date(site, redaktion_client):
    make_live_notice_en(site)

    notice = row(report(redaktion_client), NOTICE_TITLE)

    assert notice.status == "up_to_date"
    assert notice.text == de("up to date")
    assert notice.translated == "100 %"


def test_strings_changed_after_the_last_save_are_work_in_progress(site, redaktion_client):
    make_live_notice_en(site)
    StringTranslation.objects.filter(
        locale=site.en, context__object_id=site.notice.translation_key, context__path="title"
    ).update(data="Changed title", updated_at=timezone.now())

    notice = row(report(redaktion_client), NOTICE_TITLE)

    assert notice.status == "in_progress"
    assert notice.translated == "100 %"


def test_a_translation_awaiting_approval_counts_as_up_to_date_but_not_live(
    site, translator_client, redaktion_client
):
    translate_strings(site.notice)
    translator_client.post(edit_url(english(site.notice)), {"action": "submit"})

    notice = row(report(redaktion_client), NOTICE_TITLE)

    assert notice.status == "up_to_date"
    assert de("draft, not live") in notice.text


# --- Outdated ------------------------------------------------------------------------------------


def test_republishing_the_german_page_makes_the_english_one_outdated(site, redaktion_client):
    make_live_notice_en(site)
    extracted = TranslationSource.objects.get_for_instance(site.notice).last_updated_at
    republish(site.notice, title="Förderprogramm für kommunale Partnerschaften")
    republish(site.notice, subtitle="Bewerbungen bis zum 15. Oktober")

    notice = row(report(redaktion_client), "Förderprogramm für kommunale Partnerschaften")

    assert notice.status == "outdated"
    # Outdated since the first publication after the translation was made, not the last one.
    assert notice.text.startswith(outdated_since(first_publication_after(site.notice,
                                                                         extracted)))
    assert de("Sync translations") in notice.links


def test_a_german_draft_that_is_not_published_changes_nothing(site, redaktion_client):
    make_live_notice_en(site)
    notice = type(site.notice).objects.get(pk=site.notice.pk)
    notice.title = "Entwurf eines neuen Titels"
    notice.save_revision()

    assert row(report(redaktion_client), NOTICE_TITLE).status == "up_to_date"


def test_an_outdated_translation_stays_outdated_until_synced_and_saved(
    site, translator_client, redaktion_client
):
    make_live_notice_en(site)
    extracted = TranslationSource.objects.get_for_instance(site.notice).last_updated_at
    notice = republish(site.notice, subtitle="Bewerbungen bis zum 15. Oktober")
    since = outdated_since(first_publication_after(notice, extracted))

    # The Redaktion syncs: the translation now has the new German text, but nobody has
    # translated and saved it yet.
    sync(redaktion_client, notice)
    synced = row(report(redaktion_client), NOTICE_TITLE)
    assert synced.status == "outdated"
    assert synced.text.startswith(since)

    # The translator translates the new subtitle and submits: up to date again.
    translate_strings(notice)
    translator_client.post(edit_url(english(notice)), {"action": "submit"})

    assert row(report(redaktion_client), NOTICE_TITLE).status == "up_to_date"


def test_saving_without_syncing_keeps_it_outdated(site, translator_client, redaktion_client):
    """wagtail-localize would call this "up to date": every string of its last sync is
    translated. But that sync is older than the German text readers see."""
    make_live_notice_en(site)
    notice = republish(site.notice, subtitle="Bewerbungen bis zum 15. Oktober")
    translation = translation_of(notice)
    assert translation.get_progress()[0] == translation.get_progress()[1]

    translator_client.post(edit_url(english(notice)), {"action": "submit"})

    assert row(report(redaktion_client), NOTICE_TITLE).status == "outdated"


def test_a_republished_contact_makes_its_translation_outdated(site, redaktion_client):
    contact = type(site.contact).objects.get(pk=site.contact.pk)
    assert row(report(redaktion_client), "Karla Kontakt").status == "up_to_date"
    contact.role = "Programmleitung"
    contact.save_revision().publish()

    contact_row = row(report(redaktion_client), "Karla Kontakt")

    assert contact_row.status == "outdated"
    assert contact_row.text.startswith(outdated_since(
        ModelLogEntry.objects.filter(action="wagtail.publish", object_id=str(contact.pk))
        .latest("timestamp").timestamp
    ))


def test_an_author_edited_in_the_admin_makes_its_translation_outdated(site, redaktion_client):
    """Authors and teams have no drafts: editing is what changes them for readers."""
    author = AuthorFactory(name="Redaktion Connective Cities")
    author_en = translate(author)
    translate_strings(author, translate_text=lambda text: "Editorial team Connective Cities")
    redaktion_client.post(edit_url(author_en), {"action": "publish"})
    assert Author.objects.get(pk=author_en.pk).name == "Editorial team Connective Cities"
    assert row(report(redaktion_client), "Redaktion Connective Cities").status == "up_to_date"

    response = redaktion_client.post(
        edit_url(author), {"name": "Redaktion von Connective Cities", "kind": "team"}
    )
    assert response.status_code == 302
    outdated = row(report(redaktion_client), "Redaktion von Connective Cities")
    assert outdated.status == "outdated"

    sync(redaktion_client, author)
    translate_strings(Author.objects.get(pk=author.pk),
                      translate_text=lambda text: "Editorial team of Connective Cities")
    redaktion_client.post(edit_url(author_en), {"action": "publish"})

    assert row(report(redaktion_client), "Redaktion von Connective Cities").status == (
        "up_to_date"
    )


# --- Missing and hand-made translations ----------------------------------------------------------


def test_a_page_without_english_translation_is_missing(site, redaktion_client):
    NewsPageFactory(parent=site.news_index, title="Nur auf Deutsch")

    missing = row(report(redaktion_client), "Nur auf Deutsch")

    assert missing.status == "missing"
    assert missing.text == de("missing")
    assert de("Translate") in missing.links
    assert de("Edit translation") not in missing.links


def test_an_alias_is_no_translation(site, redaktion_client):
    page = NewsPageFactory(parent=site.news_index, title="Als Alias übernommen")
    page.copy_for_translation(site.en, alias=True)

    assert row(report(redaktion_client), "Als Alias übernommen").status == "missing"


def test_a_translation_made_by_hand_is_outdated_after_the_german_page_changes(
    site, redaktion_client
):
    page = NewsPageFactory(parent=site.news_index, title="Von Hand übersetzt")
    page.save_revision().publish()
    translate_page(page, "en", title="Translated by hand")
    assert row(report(redaktion_client), "Von Hand übersetzt").status == "up_to_date"

    republish(page, subtitle="Neu")

    assert row(report(redaktion_client), "Von Hand übersetzt").status == "outdated"


def test_a_stopped_translation_counts_from_its_last_edit(site, translator_client,
                                                        redaktion_client):
    notice_en = make_live_notice_en(site)
    translation = translation_of(site.notice)
    translator_client.post(f"/admin/localize/translate/{translation.pk}/disable/",
                           {"next": "/admin/"})
    republish(site.notice, subtitle="Bewerbungen bis zum 15. Oktober")
    assert row(report(redaktion_client), NOTICE_TITLE).status == "outdated"

    # Edited by hand in Wagtail's own editor afterwards: up to date.
    notice_en.subtitle = "Applications until 15 October"
    notice_en.save_revision()

    refreshed = row(report(redaktion_client), NOTICE_TITLE)
    assert refreshed.status == "up_to_date"
    assert refreshed.translated == "–"


def test_every_translation_log_is_a_save_from_the_source(site):
    """The signal this report relies on: every save of a translation writes a log entry."""
    before = TranslationLog.objects.count()
    make_live_notice_en(site)
    assert TranslationLog.objects.count() == before + 1
    publish(english(site.notice))
    assert TranslationLog.objects.count() == before + 1

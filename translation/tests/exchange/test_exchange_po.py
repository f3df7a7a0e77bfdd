"""PO exchange: a translator downloads the English notice as a PO file, an agency fills it in,
the translator uploads it. The strings are stored, a draft is saved, nothing is published until
the Redaktion approves; a broken, foreign or hostile PO file is refused and changes nothing."""


import polib
import pytest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import override

from ..exchange_support import (
    assert_imported_by,
    assert_kept_out,
    change_german_subtitle,
    de,
    de_n,
    english_strings,
    errors_of,
    exchange_url,
    fetch,
    live_only_after_approval,
    make_live_notice_en,
    messages_of,
    post_file,
    refused_upload,
    reload,
    skipped_because_german_changed,
    snapshot,
)
from ..helpers import (
    NOTICE_INTRO,
    NOTICE_TITLE,
    edit_url,
    english,
    translation_of,
)

pytestmark = pytest.mark.django_db

ENGLISH = {
    NOTICE_TITLE: "Funding programme for municipal practice partnerships",
    NOTICE_INTRO: "Connective Cities supports exchange between municipalities.",
    "Bewerbungen bis zum 30. September": "Applications until 30 September",
    'Mehr dazu auf der <a id="a1">Website</a>.': 'More on the <a id="a1">website</a>.',
}


def po_url(translation, action):
    return exchange_url(translation, "pofile", action)


def download(client, translation):
    response = fetch(client, po_url(translation, "download"))
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    return polib.pofile(response.content.decode())


def upload(client, translation, content, next_url="/admin/"):
    if isinstance(content, polib.POFile):
        content = str(content)
    return post_file(client, po_url(translation, "upload"), content, "translation.po", next_url)


def filled(po, texts=None):
    texts = ENGLISH if texts is None else texts
    for entry in po:
        if entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
    return po


# --- Round trip --------------------------------------------------------------------------------


def test_a_po_round_trip_stores_the_translation_as_a_draft(site, accounts, translator_client,
                                                            redaktion_client, client):
    translation = translation_of(site.notice)
    notice_en = english(site.notice)

    po = download(translator_client, translation)
    assert {entry.msgid for entry in po} >= set(ENGLISH)
    assert all(not entry.msgstr for entry in po)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)

    response = upload(translator_client, translation, filled(po), next_url=edit_url(notice_en))

    assert response.status_code == 302
    assert response["Location"] == edit_url(notice_en)
    assert ("success", de_n("%(count)d translated segment was imported.",
                            "%(count)d translated segments were imported.", 4)) in messages_of(
        response)
    assert english_strings(site) == {
        german: english for german, english in ENGLISH.items()
    }
    assert_imported_by(site, accounts["translator-en"], "PO File")

    html = live_only_after_approval(notice_en, ENGLISH[NOTICE_TITLE], translator_client,
                                    redaktion_client, client)
    assert 'href="https://www.connective-cities.net/"' in html
    assert "website</a>" in html


def test_a_po_import_never_changes_the_live_english_page(site, translator_client, client):
    notice_en = make_live_notice_en(site)
    translation = translation_of(site.notice)
    before = client.get(notice_en.url).content.decode()

    response = upload(translator_client, translation, filled(download(translator_client,
                                                                      translation)))

    assert response.status_code == 302
    notice_en = reload(notice_en)
    assert notice_en.live
    assert notice_en.title == f"EN: {NOTICE_TITLE}"
    assert notice_en.has_unpublished_changes
    assert notice_en.get_latest_revision_as_object().title == ENGLISH[NOTICE_TITLE]
    after = client.get(notice_en.url).content.decode()
    assert ENGLISH[NOTICE_TITLE] not in after
    assert f"EN: {NOTICE_TITLE}" in after and f"EN: {NOTICE_TITLE}" in before


def test_importing_the_same_file_twice_changes_nothing_the_second_time(site, translator_client):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation))
    upload(translator_client, translation, po)
    before = snapshot()

    response = upload(translator_client, translation, po)

    assert snapshot() == before
    assert ("info", de_n("%(count)d segment was already translated like this.",
                         "%(count)d segments were already translated like this.", 4)
            ) in messages_of(response)


def test_fuzzy_entries_are_not_imported(site, translator_client):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation))
    for entry in po:
        if entry.msgid == NOTICE_TITLE:
            entry.flags.append("fuzzy")

    response = upload(translator_client, translation, po)

    assert NOTICE_TITLE not in english_strings(site)
    assert len(english_strings(site)) == 3
    assert ("info", de_n("%(count)d entry marked “fuzzy” was skipped.",
                         "%(count)d entries marked “fuzzy” were skipped.", 1)
            ) in messages_of(response)


def test_entries_whose_german_text_changed_since_the_export_are_skipped(site, translator_client):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation))
    change_german_subtitle(site, translation)

    response = upload(translator_client, translation, po)

    strings = english_strings(site)
    assert "Bewerbungen bis zum 30. September" not in strings
    assert strings[NOTICE_TITLE] == ENGLISH[NOTICE_TITLE]
    warnings = [text for level, text in messages_of(response) if level == "warning"]
    assert warnings and "Bewerbungen bis zum 30. September" in warnings[0]
    assert warnings[0].startswith(
        skipped_because_german_changed("“Bewerbungen bis zum 30. September”"))


# --- Refused files -----------------------------------------------------------------------------


def _in_german(function, *args):
    with override("de"):
        return function(*args)


def refused(client, translation, content, expected):
    return refused_upload(upload, client, translation, content, expected)


def test_a_file_that_is_not_a_po_file_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    refused(translator_client, translation, b"\x89PNG\r\n\x1a\n\x00\x00binary",
            de("This is not a valid PO file."))


def test_a_po_file_without_translation_id_is_refused_not_a_server_error(site, translator_client):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation))
    del po.metadata["X-WagtailLocalize-TranslationID"]
    refused(translator_client, translation, po,
            de("This PO file was not exported from this site (it has no translation id)."))


def test_a_po_file_of_another_translation_is_refused(site, translator_client):
    notice_po = filled(download(translator_client, translation_of(site.notice)))
    refused(translator_client, translation_of(site.contact), notice_po,
            de("This PO file was exported for another translation."))


def test_a_po_file_in_another_language_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation))
    po.metadata["Language"] = "fr"
    refused(translator_client, translation, po,
            de("This PO file is in %(found)s, but this translation is into %(expected)s.",
               found="fr", expected="en"))


@pytest.mark.parametrize(
    "hostile",
    [
        '<script>alert("x")</script>Funding',
        '<b onclick="alert(1)">Funding</b>',
        '<img src=x onerror="alert(1)">Funding',
        "&lt;script&gt;alert(1)&lt;/script&gt; Funding",
    ],
)
def test_markup_injection_in_a_translation_refuses_the_whole_file(site, translator_client,
                                                                   hostile):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation), {**ENGLISH, NOTICE_TITLE: hostile})
    refused(translator_client, translation, po, NOTICE_TITLE)


def test_a_link_the_german_text_lacks_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    texts = {**ENGLISH, 'Mehr dazu auf der <a id="a1">Website</a>.': 'More <a id="a9">here</a>.'}
    refused(translator_client, translation, filled(download(translator_client, translation),
                                                   texts), "a9")


def test_an_entry_of_another_page_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    po = filled(download(translator_client, translation))
    po.append(polib.POEntry(msgid="Fremd", msgctxt="body.not-a-block-of-this-page",
                            msgstr="Foreign"))
    refused(translator_client, translation, po,
            de("“%(unit)s” is not part of this translation.", unit="Fremd"))


def test_an_oversized_file_is_refused(site, translator_client, settings):
    settings.TRANSLATION_EXCHANGE_MAX_UPLOAD_BYTES = 200
    translation = translation_of(site.notice)
    refused(translator_client, translation, filled(download(translator_client, translation)),
            de("The file is too large (at most %(limit)s).", limit=_in_german(filesizeformat, 200)))


def test_an_upload_without_a_file_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    before = snapshot()
    response = translator_client.post(po_url(translation, "upload"), {"next": "/admin/"})
    assert de("Choose a file to import.") in errors_of(response)
    assert snapshot() == before


# --- Permissions -------------------------------------------------------------------------------


def test_a_translator_cannot_import_into_another_languages_contact(site, french_contact,
                                                                  translator_client,
                                                                  redaktion_client):
    translation = translation_of(site.contact, "fr")
    po = download(redaktion_client, translation)
    for entry in po:
        entry.msgstr = "Chef de projet"

    assert_kept_out(translator_client, po_url(translation, "download"),
                    lambda: upload(translator_client, translation, po), french_contact)


def test_an_author_without_rights_on_translations_cannot_upload(site, accounts, client):
    from django.contrib.auth import get_user_model

    from ..helpers import client_for

    nobody = get_user_model().objects.create_user("nobody", password="x-password-1")
    translation = translation_of(site.notice)
    po = filled(translation.export_po())
    before = snapshot()

    response = upload(client_for(nobody), translation, po)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert snapshot() == before


def test_the_upload_takes_posts_only(site, translator_client):
    translation = translation_of(site.notice)
    assert translator_client.get(po_url(translation, "upload")).status_code == 405

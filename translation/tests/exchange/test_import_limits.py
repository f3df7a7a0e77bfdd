"""A returned file cannot put more into a segment than its field takes: an XLIFF or PO import
with a title longer than the title field (its `maxwidth`), or a paragraph of absurd length, is
refused with a message that names the segment and the limit, and nothing is stored."""

import io

import pytest
from translate.storage.xliff import xlifffile

from ..exchange_support import de, refused_upload
from ..helpers import NOTICE_INTRO, NOTICE_TITLE, translation_of
from . import test_exchange_po as po
from . import test_exchange_xliff as xliff

pytestmark = pytest.mark.django_db

THREE_MEGABYTES = "A" * (3 * 1024 * 1024)


def xliff_with(client, translation, texts):
    store = xlifffile.parsefile(io.BytesIO(xliff.download(client, translation).content))
    for unit in store.units:
        if unit.source in texts:
            unit.settarget(texts[unit.source])
            unit.markfuzzy(False)
    return bytes(store)


def too_long(label, length, limit):
    return de("“%(unit)s” cannot be used: %(error)s") % {
        "unit": label,
        "error": de("it has %(length)d characters, but the field takes at most %(limit)d.")
        % {"length": length, "limit": limit},
    }


def test_an_xliff_title_longer_than_its_maxwidth_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    document = xliff_with(translator_client, translation, {NOTICE_TITLE: THREE_MEGABYTES})
    assert b'maxwidth="255"' in document

    refused_upload(xliff.upload, translator_client, translation, document,
                   too_long(NOTICE_TITLE, len(THREE_MEGABYTES), 255))


def test_a_title_one_character_too_long_is_refused_and_one_that_fits_is_taken(
    site, translator_client
):
    translation = translation_of(site.notice)
    document = xliff_with(translator_client, translation, {NOTICE_TITLE: "T" * 256})
    refused_upload(xliff.upload, translator_client, translation, document,
                   too_long(NOTICE_TITLE, 256, 255))

    fits = xliff_with(translator_client, translation, {NOTICE_TITLE: "T" * 255})
    xliff.upload(translator_client, translation, fits)
    assert translation.source.stringsegment_set.get(
        string__data=NOTICE_TITLE
    ).string.translations.get(locale=site.en).data == "T" * 255


def test_a_po_title_longer_than_its_field_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    pofile = po.download(translator_client, translation)
    for entry in pofile:
        if entry.msgid == NOTICE_TITLE:
            entry.msgstr = THREE_MEGABYTES

    refused_upload(po.upload, translator_client, translation, pofile,
                   too_long(NOTICE_TITLE, len(THREE_MEGABYTES), 255))


def test_a_paragraph_of_absurd_length_is_refused(site, translator_client, settings):
    settings.TRANSLATION_EXCHANGE_MAX_SEGMENT_CHARACTERS = 1000
    translation = translation_of(site.notice)
    document = xliff_with(translator_client, translation, {NOTICE_INTRO: "Word " * 300})

    errors = refused_upload(xliff.upload, translator_client, translation, document)
    assert de("it has %(length)d characters; a segment may have at most %(limit)d.") % {
        "length": 1499, "limit": 1000} in errors

"""XLIFF 1.2 exchange: what a CAT tool gets, the round trip back into a draft, and every kind of
broken, foreign or hostile file refused with a message, changing nothing."""

import re

import defusedxml.ElementTree as ET
import pytest
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from core.models import Contact
from news.factories import NewsPageFactory

from ..exchange_support import (
    assert_imported_by,
    assert_kept_out,
    change_german_subtitle,
    de,
    de_n,
    english_strings,
    exchange_url,
    fetch,
    live_only_after_approval,
    make_live_notice_en,
    messages_of,
    post_file,
    refused_upload,
    reload,
    skipped_because_german_changed,
)
from ..helpers import (
    NOTICE_INTRO,
    NOTICE_TITLE,
    client_for,
    edit_url,
    english,
    translate,
    translation_of,
)

pytestmark = pytest.mark.django_db

NS = "urn:oasis:names:tc:xliff:document:1.2"
X = f"{{{NS}}}"
SUBTITLE = "Bewerbungen bis zum 30. September"
LINKED_SOURCE = 'Mehr dazu auf der <g id="a1" ctype="link">Website</g>.'

ENGLISH = {
    NOTICE_TITLE: "Funding programme for municipal practice partnerships",
    NOTICE_INTRO: "Connective Cities supports <g id=\"1\" ctype=\"x-em\">exchange</g> between "
    "municipalities.",
    SUBTITLE: "Applications until 30 September",
    "Mehr dazu auf der Website.": 'More on the <g id="a1" ctype="link">website</g>.',
}


def xliff_url(translation, action):
    return exchange_url(translation, "xliff", action)


def download(client, translation):
    return fetch(client, xliff_url(translation, "download"))


def units(document):
    root = ET.fromstring(document)
    return root, {unit.get("id"): unit for unit in root.iter(f"{X}trans-unit")}


def plain(element):
    return "".join(element.itertext())


def fill(document, texts=ENGLISH):
    """Put translations into the <target>s of a downloaded file, as a CAT tool would."""
    text = document.decode() if isinstance(document, bytes) else document

    def replace(match):
        unit = match.group(0)
        source = re.search(r"<source>(.*?)</source>", unit, re.S).group(1)
        german = re.sub(r"<[^>]+>", "", source)
        if german not in texts:
            return unit
        return re.sub(
            r"<target[^>]*?(/>|>.*?</target>)",
            f"<target state=\"translated\">{texts[german]}</target>",
            unit,
            flags=re.S,
        )

    return re.sub(r"<trans-unit .*?</trans-unit>", replace, text, flags=re.S).encode()


def upload(client, translation, content, next_url="/admin/", name="notice.xlf"):
    return post_file(client, xliff_url(translation, "upload"), content, name, next_url)


# --- Export ------------------------------------------------------------------------------------


def test_the_export_is_xliff_1_2_with_one_unit_per_german_string(site, translator_client):
    translation = translation_of(site.notice)

    response = download(translator_client, translation)

    assert response["Content-Type"].startswith("application/x-xliff+xml")
    assert response["Content-Disposition"] == (
        'attachment; filename="forderprogramm-fur-kommunale-praxispartnerschaften-de-en.xlf"'
    )
    root, found = units(response.content)
    assert root.tag == f"{X}xliff" and root.get("version") == "1.2"
    (file_element,) = root.findall(f"{X}file")
    assert file_element.get("source-language") == "de"
    assert file_element.get("target-language") == "en"
    assert file_element.get("original") == str(translation.uuid)
    segments = translation.source.stringsegment_set.select_related("string", "context")
    assert set(found) == {
        f"{segment.context.path}#{segment.string.data_hash}" for segment in segments
    }
    sources = {plain(unit.find(f"{X}source")): unit for unit in found.values()}
    assert set(sources) >= {NOTICE_TITLE, SUBTITLE, NOTICE_INTRO, "Mehr dazu auf der Website."}
    title = sources[NOTICE_TITLE]
    assert title.get("maxwidth") == "255" and title.get("size-unit") == "char"
    assert title.find(f"{X}target").get("state") == "needs-translation"
    assert plain(title.find(f"{X}target")) == ""
    assert title.find(f"{X}note").text  # the field, named for the translator
    link = sources["Mehr dazu auf der Website."].find(f"{X}source").find(f"{X}g")
    assert (link.get("id"), link.get("ctype"), link.text) == ("a1", "link", "Website")
    assert "connective-cities.net" not in response.content.decode()  # the address stays here


def test_the_export_carries_existing_translations_and_stable_ids(site, translator_client):
    translation = translation_of(site.notice)
    first = units(download(translator_client, translation).content)[1]
    make_live_notice_en(site)

    _root, second = units(download(translator_client, translation).content)

    assert set(first) == set(second)
    title = next(unit for unit in second.values()
                 if plain(unit.find(f"{X}source")) == NOTICE_TITLE)
    assert plain(title.find(f"{X}target")) == f"EN: {NOTICE_TITLE}"
    # Translated and published as it is: final and approved (test_xliff_states.py has the rest).
    assert title.find(f"{X}target").get("state") == "final"
    assert title.get("approved") == "yes"


def test_the_editor_offers_the_exchange_to_the_translator(site, translator_client):
    translation = translation_of(site.notice)
    html = translator_client.get(edit_url(english(site.notice))).content.decode()
    assert xliff_url(translation, "download") in html
    assert xliff_url(translation, "upload") in html
    assert f"/admin/localize/translate/{translation.pk}/pofile/upload/" in html


# --- Round trip --------------------------------------------------------------------------------


def test_an_xliff_round_trip_stores_a_draft_that_goes_live_on_approval(
    site, accounts, translator_client, redaktion_client, client
):
    translation = translation_of(site.notice)
    notice_en = english(site.notice)
    document = fill(download(translator_client, translation).content)

    response = upload(translator_client, translation, document, next_url=edit_url(notice_en))

    assert response.status_code == 302 and response["Location"] == edit_url(notice_en)
    assert ("success", de_n("%(count)d translated segment was imported.",
                            "%(count)d translated segments were imported.", 4)
            ) in messages_of(response)
    assert english_strings(site) == {
        NOTICE_TITLE: "Funding programme for municipal practice partnerships",
        NOTICE_INTRO: "Connective Cities supports <em>exchange</em> between municipalities.",
        SUBTITLE: "Applications until 30 September",
        'Mehr dazu auf der <a id="a1">Website</a>.': 'More on the <a id="a1">website</a>.',
    }
    assert_imported_by(site, accounts["translator-en"], "XLIFF")

    html = live_only_after_approval(notice_en, ENGLISH[NOTICE_TITLE], translator_client,
                                    redaktion_client, client)
    assert "<em>exchange</em>" in html
    assert '<a href="https://www.connective-cities.net/">website</a>' in html


def test_an_xliff_import_never_changes_the_live_english_page(site, translator_client, client):
    notice_en = make_live_notice_en(site)
    translation = translation_of(site.notice)

    upload(translator_client, translation, fill(download(translator_client, translation).content))

    notice_en = reload(notice_en)
    assert notice_en.live and notice_en.has_unpublished_changes
    html = client.get(notice_en.url).content.decode()
    assert f"EN: {NOTICE_TITLE}" in html
    assert ENGLISH[NOTICE_TITLE] not in html


def test_the_english_contact_round_trips_and_waits_for_approval(site, translator_client):
    translation = translation_of(site.contact)
    document = fill(download(translator_client, translation).content, {
        "Projektleitung": "Head of project"})

    response = upload(translator_client, translation, document)

    assert response.status_code == 302
    assert english_strings(site, site.contact)["Projektleitung"] == "Head of project"
    contact_en = Contact.objects.get(pk=english(site.contact).pk)
    assert contact_en.role == "Project lead"  # the live row keeps the approved text
    assert contact_en.get_latest_revision_as_object().role == "Head of project"


def test_units_whose_german_text_changed_since_the_export_are_skipped(site, translator_client):
    translation = translation_of(site.notice)
    document = fill(download(translator_client, translation).content)
    change_german_subtitle(site, translation)

    response = upload(translator_client, translation, document)

    strings = english_strings(site)
    assert SUBTITLE not in strings
    assert strings[NOTICE_TITLE] == ENGLISH[NOTICE_TITLE]
    assert ("warning", skipped_because_german_changed(f"“{SUBTITLE}”")) in messages_of(response)


def test_units_without_a_target_are_left_alone(site, translator_client):
    translation = translation_of(site.notice)
    document = fill(download(translator_client, translation).content,
                    {NOTICE_TITLE: ENGLISH[NOTICE_TITLE]})

    upload(translator_client, translation, document)

    assert english_strings(site) == {NOTICE_TITLE: ENGLISH[NOTICE_TITLE]}


def test_segmentation_marks_of_cat_tools_are_unwrapped(site, translator_client):
    translation = translation_of(site.notice)
    document = fill(download(translator_client, translation).content, {
        NOTICE_TITLE: '<mrk mtype="seg" mid="1">Funding programme</mrk> for partnerships'})

    upload(translator_client, translation, document)

    assert english_strings(site)[NOTICE_TITLE] == "Funding programme for partnerships"


# --- Refused files -----------------------------------------------------------------------------


def refused(client, translation, content, *expected):
    return refused_upload(upload, client, translation, content, *expected)


@pytest.fixture
def notice_file(site, translator_client):
    translation = translation_of(site.notice)
    return translation, fill(download(translator_client, translation).content).decode()


def test_a_file_that_is_not_xml_is_refused(site, translator_client, notice_file):
    translation, _document = notice_file
    refused(translator_client, translation, b"PK\x03\x04 this is a zip, not XML",
            de("This is not a valid XML file."))


def test_truncated_xml_is_refused(site, translator_client, notice_file):
    translation, document = notice_file
    refused(translator_client, translation, document[: len(document) // 2],
            de("This is not a valid XML file."))


XXE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="{uuid}" source-language="de" target-language="en" datatype="html"><body>
<trans-unit id="{unit}"><source>x</source><target>&secret;</target></trans-unit>
</body></file></xliff>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="{uuid}" source-language="de" target-language="en" datatype="html"><body>
<trans-unit id="{unit}"><source>x</source><target>&lol9;</target></trans-unit>
</body></file></xliff>"""


def title_unit_id(translation):
    segment = translation.source.stringsegment_set.select_related("string", "context").get(
        context__path="title")
    return f"title#{segment.string.data_hash}"


@pytest.mark.parametrize("template", [XXE, BILLION_LAUGHS], ids=["xxe", "billion-laughs"])
def test_document_types_and_entities_are_refused(site, translator_client, template):
    translation = translation_of(site.notice)
    document = template.format(uuid=translation.uuid, unit=title_unit_id(translation))
    errors = refused(translator_client, translation, document, de(
        "The file declares a document type or entities, which XLIFF files do not need and "
        "which are refused for safety."))
    assert "root:" not in errors and "lol" not in errors


def test_an_external_dtd_is_refused(site, translator_client, notice_file):
    translation, document = notice_file
    document = document.replace(
        "<xliff ", '<!DOCTYPE xliff SYSTEM "http://attacker.example/x.dtd">\n<xliff ', 1)
    refused(translator_client, translation, document, de(
        "The file declares a document type or entities, which XLIFF files do not need and "
        "which are refused for safety."))


def test_a_file_for_another_language_is_refused(site, translator_client, notice_file):
    translation, document = notice_file
    refused(translator_client, translation,
            document.replace('target-language="en"', 'target-language="fr"'),
            de("The file's target language is “%(found)s”, but this translation is into "
               "“%(expected)s”.", found="fr", expected="en"))


def test_a_file_from_another_source_language_is_refused(site, translator_client, notice_file):
    translation, document = notice_file
    refused(translator_client, translation,
            document.replace('source-language="de"', 'source-language="en"'),
            de("The file's source language is “%(found)s”, not “%(expected)s”.",
               found="en", expected="de"))


def test_a_regional_variant_of_the_target_language_is_accepted(site, translator_client,
                                                               notice_file):
    translation, document = notice_file
    upload(translator_client, translation,
           document.replace('target-language="en"', 'target-language="en-GB"'))
    assert english_strings(site)[NOTICE_TITLE] == ENGLISH[NOTICE_TITLE]


def test_a_file_exported_for_another_translation_is_refused(site, translator_client):
    contact_file = download(translator_client, translation_of(site.contact)).content
    refused(translator_client, translation_of(site.notice), contact_file, de(
        "This file was exported for “%(title)s” (%(language)s).",
        title="Karla Kontakt", language="English"))


def test_units_of_another_page_are_refused(site, translator_client, notice_file):
    translation, document = notice_file
    foreign = ('<trans-unit id="body.00000000-0000-0000-0000-000000000000#'
               '11111111-1111-1111-1111-111111111111"><source>Fremd</source>'
               '<target>Foreign</target></trans-unit></body>')
    refused(translator_client, translation, document.replace("</body>", foreign),
            de("“%(unit)s” is not part of this translation.", unit="Fremd"))


def test_ids_that_are_not_unit_ids_are_refused(site, translator_client, notice_file):
    translation, document = notice_file
    refused(translator_client, translation,
            re.sub(r'id="title#[^"]+"', 'id="../../etc/passwd"', document),
            de("“%(unit)s” is not part of this translation.", unit="../../etc/passwd"))


def test_duplicate_units_are_refused(site, translator_client, notice_file):
    translation, document = notice_file
    unit = re.search(r"<trans-unit id=\"title#.*?</trans-unit>", document, re.S).group(0)
    refused(translator_client, translation, document.replace(unit, unit + unit), "title#")


def test_xliff_2_is_refused_with_a_clear_message(site, translator_client):
    translation = translation_of(site.notice)
    document = ('<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                'version="2.0" srcLang="de" trgLang="en"><file id="f1"></file></xliff>')
    refused(translator_client, translation, document, de(
        "This is XLIFF %(version)s; only XLIFF 1.2 can be imported.", version="2.0"))


def test_other_xml_is_refused(site, translator_client):
    translation = translation_of(site.notice)
    refused(translator_client, translation, '<?xml version="1.0"?><html><body/></html>',
            de("This is not an XLIFF file."))


def test_two_files_in_one_document_are_refused(site, translator_client, notice_file):
    translation, document = notice_file
    file_element = re.search(r"<file .*?</file>", document, re.S).group(0)
    refused(translator_client, translation, document.replace(file_element, file_element * 2),
            de("The file must contain exactly one <file> element."))


@pytest.mark.parametrize(
    "hostile, reason",
    [
        ('Funding <script>alert("x")</script>', "<script>"),
        ('Funding <h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
         "<script>"),
        ('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/>Funding',
         "<img>"),
        ("Funding &lt;script&gt;alert(1)&lt;/script&gt;", "<script>"),
        ('Funding <g id="a9" ctype="link">here</g>', ""),
        ('Funding <g id="7" ctype="x-marquee">here</g>', ""),
        ('Funding <ph id="1">&lt;iframe src="//evil"&gt;</ph>', "<ph>"),
    ],
    ids=["script", "xhtml-script", "xhtml-img", "escaped-script", "new-link", "unknown-tag",
         "placeholder"],
)
def test_markup_injection_in_a_target_refuses_the_whole_file(site, translator_client,
                                                             hostile, reason):
    translation = translation_of(site.notice)
    document = fill(download(translator_client, translation).content,
                    {**ENGLISH, NOTICE_TITLE: hostile})
    errors = refused(translator_client, translation, document, NOTICE_TITLE, reason)
    assert de("Nothing was imported.") in errors


def test_an_oversized_file_is_refused(site, translator_client, notice_file, settings):
    settings.TRANSLATION_EXCHANGE_MAX_UPLOAD_BYTES = 1024
    translation, document = notice_file
    refused(translator_client, translation, document)


def test_an_empty_file_is_refused(site, translator_client, notice_file):
    translation, _document = notice_file
    refused(translator_client, translation, b"  \n", de("The file is empty."))


# --- Permissions -------------------------------------------------------------------------------


def test_a_translator_cannot_exchange_another_languages_translation(
    site, french_contact, translator_client, redaktion_client
):
    translation = translation_of(site.contact, "fr")
    document = fill(download(redaktion_client, translation).content,
                    {"Projektleitung": "Chef de projet"})

    assert_kept_out(translator_client, xliff_url(translation, "download"),
                    lambda: upload(translator_client, translation, document), french_contact)


def test_the_redaktion_may_exchange_every_language(site, french_contact, redaktion_client):
    translation = translation_of(site.contact, "fr")
    document = fill(download(redaktion_client, translation).content,
                    {"Projektleitung": "Chef de projet"})

    upload(redaktion_client, translation, document)

    assert StringTranslation.objects.filter(data="Chef de projet").exists()


def test_someone_without_admin_access_gets_nothing(site):
    user = get_user_model().objects.create_user("reader", password="reader-password-1")
    translation = translation_of(site.notice)
    response = client_for(user).get(xliff_url(translation, "download"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_upload_takes_posts_only_and_the_download_gets_only(site, translator_client):
    translation = translation_of(site.notice)
    assert translator_client.get(xliff_url(translation, "upload")).status_code == 405
    assert translator_client.post(xliff_url(translation, "download")).status_code == 405


def test_bold_italic_and_line_breaks_travel_as_inline_codes(site, translator_client):
    page = NewsPageFactory(
        parent=site.news_index,
        title="Formatiert",
        body=[("rich_text", RichText(
            "<p>Erste Zeile<br/>zweite <b>fett</b> und <i>kursiv</i></p>"
        ))],
    )
    page.save_revision().publish()
    translate(page)
    translation = translation_of(page)
    document = download(translator_client, translation).content.decode()
    source = re.search(r"<source>Erste Zeile.*?</source>", document).group(0)
    assert source == (
        '<source>Erste Zeile<x id="1" ctype="lb" />zweite <g id="2" ctype="bold">fett</g> und '
        '<g id="3" ctype="italic">kursiv</g></source>'
    )

    upload(translator_client, translation, fill(document, {
        "Erste Zeilezweite fett und kursiv":
            'First line<x id="1" ctype="lb"/>second <g id="3">italic</g> and <g id="2">bold</g>',
    }))

    assert english_strings(site, page)["Erste Zeile<br/>zweite <b>fett</b> und <i>kursiv</i>"] == (
        "First line<br/>second <i>italic</i> and <b>bold</b>"
    )

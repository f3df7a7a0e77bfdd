"""XSS payloads in every field an editor, translator or reader controls come out inert: on the
public site (pages, listings, search, feeds, JSON-LD, sitemap) and in the admin.

This module checks the responses as documents (parsed HTML, XML, JSON); the Chromium suite
(test_attack_xss_browser.py) proves on a bounded set of screens that nothing runs.
"""

import json
import re
from urllib.parse import urlencode, urlsplit
from xml.etree.ElementTree import Element

import feedparser
import polib
import pytest
from defusedxml import ElementTree
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .payloads import (
    PAYLOADS,
    evaluated_templates,
    injected_in_html,
    json_ld_blocks,
    payload,
    strings_in,
)
from .xss_content import build_payload_site, feedback_answers


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_payload_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(_built, db):
    cache.clear()
    return _built


def admin_client(site, name="admin"):
    client = Client()
    client.force_login(site.users[name])
    return client


def assert_inert(response, where):
    assert response.status_code == 200, (where, response.status_code)
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        # Modal choosers answer with JSON that carries the HTML to insert.
        for markup in strings_in(json.loads(text)):
            assert injected_in_html(markup) == [], where
        return text
    assert injected_in_html(text) == [], where
    assert evaluated_templates(text) == [], where
    return text


def test_the_payload_list_has_at_least_fifty_distinct_known_payloads():
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 50
    assert all("XSS" in line or "alert" in line for line in PAYLOADS)


def test_every_news_item_with_payloads_in_every_field_and_block_renders_inert(site):
    client = Client()
    for page in site.news:
        text = assert_inert(client.get(page.url), page.url)
        # The title is shown as text, exactly as the editor typed it.
        assert page.title in [*strings_in(json_ld_blocks(text))], page.url


def test_listings_hubs_video_form_and_home_render_inert(site):
    client = Client()
    urls = [site.tree.home.url, site.tree.topic_index.url, site.tree.video_index.url,
            site.video.url, site.form_page.url]
    urls += [topic.url for topic in site.topics]
    pages = -(-len(site.news) // 10)
    urls += [f"{site.tree.news_index.url}?page={number}" for number in range(1, pages + 1)]
    for url in urls:
        text = assert_inert(client.get(url), url)
        for block in json_ld_blocks(text):
            assert block, url


def test_search_and_filter_parameters_with_payloads_render_inert(site):
    client = Client()
    news_index = site.tree.news_index.url
    for index in range(len(PAYLOADS)):
        value = payload(index, "q")
        if index % 2:
            url = f"/suche/?{urlencode({'q': value, 'type': value, 'topic': value})}"
        else:
            names = ("topic", "type", "year", "month", "page")
            url = f"{news_index}?{urlencode(dict.fromkeys(names, value))}"
        assert_inert(client.get(url), url)


def test_search_results_highlight_payload_titles_without_injecting_them(site):
    client = Client()
    for word in ("alert", "script", "onerror", "javascript", "svg"):
        text = assert_inert(client.get(f"/suche/?q={word}"), word)
        assert "<mark>" in text, word


def test_feeds_carry_payloads_as_text_and_descriptions_as_escaped_html(site):
    client = Client()
    for url in (f"{site.tree.news_index.url}feed/rss/", f"{site.tree.news_index.url}feed/atom/",
                f"{site.topics[0].url}feed/rss/"):
        response = client.get(url)
        assert response.status_code == 200, url
        document = ElementTree.fromstring(response.content)  # well-formed, whatever they hold
        assert not feedparser.parse(response.content).bozo, url
        # Titles are plain text in RSS and Atom: the XML holds exactly what the editor typed.
        atom = "{http://www.w3.org/2005/Atom}"
        shown = [element.text for element in document.findall("channel/item/title")
                 + document.findall(f"{atom}entry/{atom}title")]
        titles = {page.title for page in site.news + [site.video]}
        assert shown, url
        assert [title for title in shown if title not in titles] == [], url
        for element in document.iter():
            if isinstance(element, Element) and element.tag.rsplit("}")[-1] in {
                "description", "summary", "content"
            }:
                # Feed readers render descriptions as HTML: they must hold no markup.
                assert injected_in_html(element.text or "") == [], (url, element.text)


def test_the_sitemap_stays_well_formed(site):
    def locations(url):
        response = Client().get(url)
        assert response.status_code == 200
        return [element.text for element in ElementTree.fromstring(response.content).iter()
                if element.tag.endswith("}loc")]

    sections = locations("/sitemap.xml")  # the sitemap index names its sections
    pages = [loc for section in sections for loc in locations(urlsplit(section).path + (
        "?" + urlsplit(section).query if urlsplit(section).query else ""))]
    assert len(pages) >= len(site.news)


def test_feedback_submissions_with_payloads_are_stored_and_shown_inert(site, settings):
    settings.FEEDBACK_FORM_RATE_LIMIT = (1000, 600)  # many submissions from one address
    client = Client(headers={"Sec-Fetch-Site": "same-origin"})
    url = reverse("feedback_submit", args=[site.form_page.pk])
    for index in range(0, len(PAYLOADS), 3):
        response = client.post(url, feedback_answers(site.form_page, index))
        assert_inert(response, f"feedback {index}")
    assert FormSubmission.objects.filter(page=site.form_page).count() == -(-len(PAYLOADS) // 3)
    # A rejected submission (a message that is too long) shows the reader's text back, inert.
    answers = feedback_answers(site.form_page, 5)
    answers["ihre_nachricht"] = payload(5, "fm") * 400
    assert_inert(client.post(url, answers), "feedback rejected")
    admin = admin_client(site, "redaktion")
    for name in ("wagtailforms:list_submissions",):
        assert_inert(admin.get(reverse(name, args=[site.form_page.pk])), name)
    assert_inert(admin.get(reverse("wagtailforms:index")), "forms index")


ADMIN_SCREENS = [
    ("wagtailadmin_home", lambda site: []),
    ("wagtailadmin_explore", lambda site: [site.tree.news_index.pk]),
    ("wagtailadmin_explore", lambda site: [site.tree.topic_index.pk]),
    ("wagtailadmin_pages:edit", lambda site: [site.news[0].pk]),
    ("wagtailadmin_pages:edit", lambda site: [site.news[1].pk]),
    ("wagtailadmin_pages:edit", lambda site: [site.topics[0].pk]),
    ("wagtailadmin_pages:edit", lambda site: [site.video.pk]),
    ("wagtailadmin_pages:edit", lambda site: [site.form_page.pk]),
    ("wagtailadmin_pages:history", lambda site: [site.news[2].pk]),
    ("wagtailadmin_pages:copy", lambda site: [site.news[3].pk]),
    ("wagtailadmin_pages:move", lambda site: [site.news[3].pk]),
    ("wagtailadmin_pages:delete", lambda site: [site.news[3].pk]),
    ("wagtailadmin_pages:unpublish", lambda site: [site.news[3].pk]),
    ("wagtailadmin_pages:view_draft", lambda site: [site.news[4].pk]),
    ("wagtailsnippets_core_contact:list", lambda site: []),
    ("wagtailsnippets_core_contact:edit", lambda site: [site.contacts[0].pk]),
    ("wagtailsnippets_core_contact:history", lambda site: [site.contacts[0].pk]),
    ("wagtailsnippets_core_author:list", lambda site: []),
    ("wagtailsnippets_core_author:edit", lambda site: [site.author.pk]),
    ("wagtailsnippetchoosers_core_contact:choose", lambda site: []),
    ("wagtailimages:index", lambda site: []),
    ("wagtailimages:edit", lambda site: [site.news[0].lead_image_id]),
    ("wagtailimages_chooser:choose", lambda site: []),
    ("wagtaildocs:index", lambda site: []),
    ("wagtaildocs_chooser:choose", lambda site: []),
    ("wagtailadmin_reports:locked_pages", lambda site: []),
    ("wagtailadmin_reports:workflow", lambda site: []),
    ("wagtailadmin_reports:site_history", lambda site: []),
    ("wagtailadmin_reports:aging_pages", lambda site: []),
    ("translation_status_report", lambda site: []),
    ("wagtailadmin_pages:edit", lambda site: [site.translated.pk]),  # the translation editor
]


def test_admin_screens_show_payloads_inert(site):
    client = admin_client(site)
    site.news[4].save_revision()  # a draft, for "view draft" and the drafts panel
    for name, args in ADMIN_SCREENS:
        url = reverse(name, args=args(site))
        assert_inert(client.get(url), url)
    for index in range(0, len(PAYLOADS), 5):
        value = payload(index, "aq")
        for name in ("wagtailadmin_pages:search", "wagtailsnippets_core_contact:list",
                     "wagtailimages:index"):
            url = f"{reverse(name)}?{urlencode({'q': value})}"
            assert_inert(client.get(url), url)


def test_the_translation_editor_and_preview_show_translated_payloads_inert(site):
    client = admin_client(site, "translator-en")
    edit = reverse("wagtailadmin_pages:edit", args=[site.translated.pk])
    assert_inert(client.get(edit), "translation editor")
    translation_obj = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(site.news[0]),
        target_locale__language_code="en",
    )
    preview = reverse("translation_preview", args=[translation_obj.pk])
    assert_inert(client.get(preview), "translation preview")
    # Approved and published, the English page shows the translated payloads as text.
    translation_obj.save_target(publish=False)
    english = type(site.translated).objects.get(pk=site.translated.pk)
    english.get_latest_revision().publish()
    english.refresh_from_db()
    with translation.override("en"):
        text = assert_inert(Client().get(english.url), english.url)
    assert english.title in list(strings_in(json_ld_blocks(text)))


def test_machine_translation_output_is_stored_as_text_and_renders_inert(site):
    from wagtail_localize.operations import TranslationCreator

    client = admin_client(site, "translator-en")
    source_page = site.news[7]
    TranslationCreator(site.users["translator-en"], [site.tree.en]).create_translations(
        source_page, include_related_objects=False
    )
    translation_obj = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(source_page),
        target_locale__language_code="en",
    )
    response = client.post(reverse("translation_machine_translate", args=[translation_obj.pk]),
                           {"next": "/admin/"})
    assert response.status_code == 302, response.status_code
    stored = StringTranslation.objects.filter(locale=site.tree.en, tool_name__gt="")
    assert stored.filter(data__contains="xss").exists()
    preview = reverse("translation_preview", args=[translation_obj.pk])
    assert_inert(client.get(preview), "machine translation preview")
    english_id = type(source_page).objects.get(translation_key=source_page.translation_key,
                                               locale=site.tree.en).pk
    assert_inert(client.get(reverse("wagtailadmin_pages:edit", args=[english_id])),
                 "translation editor after machine translation")


def test_po_and_xliff_imports_with_payloads_are_refused_or_stored_inert(site):
    client = admin_client(site, "translator-en")
    translation_obj = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(site.news[0]),
        target_locale__language_code="en",
    )
    po = polib.pofile(client.get(reverse("translation_po_download",
                                         args=[translation_obj.pk])).content.decode())
    assert len(po) > 5
    for number, entry in enumerate(po):
        entry.msgstr = payload(number + 30, "po")
    response = client.post(
        reverse("translation_po_upload", args=[translation_obj.pk]),
        {"file": _upload("agentur.po", str(po).encode()), "next": "/admin/"},
    )
    assert response.status_code in (200, 302), response.status_code
    xliff = client.get(reverse("translation_xliff_download", args=[translation_obj.pk]))
    assert xliff.status_code == 200
    hostile = re.sub(
        rb"(<target[^>]*>)(.*?)(</target>)",
        lambda match: match.group(1) + payload(40, "xl").replace("&", "&amp;").replace(
            "<", "&lt;").encode() + match.group(3),
        xliff.content, flags=re.S,
    )
    response = client.post(
        reverse("translation_xliff_upload", args=[translation_obj.pk]),
        {"file": _upload("agentur.xlf", hostile), "next": "/admin/"},
    )
    assert response.status_code in (200, 302), response.status_code
    preview = reverse("translation_preview", args=[translation_obj.pk])
    assert_inert(client.get(preview), "preview after imports")
    edit = reverse("wagtailadmin_pages:edit", args=[site.translated.pk])
    assert_inert(client.get(edit), "translation editor after imports")


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")

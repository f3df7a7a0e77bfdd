"""English pages live at English addresses: the slug comes from the English title when the
translation is first handed in, the translator can change it in the editor, a published
address stays put, and a changed address redirects permanently to the new one."""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail_localize.models import SegmentOverride, StringTranslation

from core.tests.helpers import soup
from news.models import NewsPage
from translation.slugs import make_slug

from .helpers import (
    NOTICE_TITLE,
    edit_url,
    english,
    publish,
    translate_strings,
    translation_of,
)

pytestmark = pytest.mark.django_db

ENGLISH_TITLE = "Funding programme for municipal practice partnerships"
ENGLISH_SLUG = "funding-programme-for-municipal-practice-partnerships"


def english_texts(text):
    return {NOTICE_TITLE: ENGLISH_TITLE}.get(text, f"In English: {text}")


def submit(client, page):
    return client.post(edit_url(english(page)), {"action": "submit"}, follow=True)


def slug_override(page, language_code="en"):
    return SegmentOverride.objects.filter(
        locale__language_code=language_code,
        context__object_id=page.translation_key,
        context__path="slug",
    ).first()


def override_slug(client, page, value):
    """What the translation editor sends when a translator overrides the URL segment."""
    translation = translation_of(page)
    segment = translation.source.overridablesegment_set.get(context__path="slug")
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": value}),
                          content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content


def published_english_notice(site, client):
    translate_strings(site.notice, translate_text=english_texts)
    submit(client, site.notice)
    return publish(english(site.notice))


def test_the_english_news_index_lives_at_en_news(site, client):
    assert site.news_index_en.slug == "news"
    assert site.news_index_en.url == "/en/news/"
    assert client.get("/en/news/").status_code == 200
    assert site.news_index.url == "/aktuelles/"


def test_a_submitted_translation_gets_a_slug_made_from_its_english_title(site, translator_client):
    translate_strings(site.notice, translate_text=english_texts)

    response = submit(translator_client, site.notice)

    assert "zur Freigabe eingereicht" in response.content.decode()
    notice_en = english(site.notice)
    assert notice_en.slug == ENGLISH_SLUG
    assert notice_en.url == f"/en/news/{ENGLISH_SLUG}/"
    assert site.notice.slug == "foerderprogramm"
    # The editor shows the English slug as the URL segment's value in English.
    assert slug_override(site.notice).data == ENGLISH_SLUG


def test_the_approved_page_is_live_at_its_english_address(site, translator_client, client):
    notice_en = published_english_notice(site, translator_client)

    response = client.get(f"/en/news/{ENGLISH_SLUG}/")

    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == ENGLISH_TITLE
    assert notice_en.url == f"/en/news/{ENGLISH_SLUG}/"
    assert client.get("/en/news/foerderprogramm/").status_code == 404


def test_an_unchecked_machine_title_gives_no_slug(site, translator_client):
    translate_strings(site.notice, translate_text=english_texts)
    StringTranslation.objects.filter(data=ENGLISH_TITLE).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )

    translation_of(site.notice).save_target(publish=False)

    assert english(site.notice).slug == "foerderprogramm"


def test_the_translator_sets_the_slug_in_the_editor(site, translator_client):
    translate_strings(site.notice, translate_text=english_texts)
    override_slug(translator_client, site.notice, "Förderung für Städte")

    submit(translator_client, site.notice)

    # ASCII with German spelling, like every slug, and shown that way in the editor.
    assert english(site.notice).slug == "foerderung-fuer-staedte"
    assert slug_override(site.notice).data == "foerderung-fuer-staedte"


def test_a_slug_without_letters_or_digits_is_refused_with_a_message(site, translator_client):
    translate_strings(site.notice, translate_text=english_texts)
    override_slug(translator_client, site.notice, "!!!")

    response = submit(translator_client, site.notice)

    assert "„!!!“ enthält keine Buchstaben oder Ziffern" in response.content.decode()
    notice_en = english(site.notice)
    assert notice_en.slug == "foerderprogramm" and not notice_en.workflow_in_progress


def test_a_published_address_stays_when_the_titles_or_the_german_slug_change(
        site, translator_client):
    published_english_notice(site, translator_client)
    german = NewsPage.objects.get(pk=site.notice.pk)
    german.slug = "foerderprogramm-2021"
    german.save_revision().publish()
    translation = translation_of(german)
    translation.source.update_from_db()
    StringTranslation.objects.filter(data=ENGLISH_TITLE).update(data="A new English title")

    translation.save_target(publish=False)
    notice_en = publish(english(german))

    assert notice_en.title == "A new English title"
    assert notice_en.url == f"/en/news/{ENGLISH_SLUG}/"


def test_a_changed_english_address_redirects_permanently(
        site, translator_client, client, django_capture_on_commit_callbacks):
    old_url = published_english_notice(site, translator_client).url
    override_slug(translator_client, site.notice, "municipal-partnerships")
    submit(translator_client, site.notice)
    assert english(site.notice).url == old_url  # a draft: readers still see the old address

    with django_capture_on_commit_callbacks(execute=True):
        notice_en = publish(english(site.notice))

    assert notice_en.url == "/en/news/municipal-partnerships/"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/en/news/municipal-partnerships/"
    assert client.get(response["Location"]).status_code == 200
    assert Redirect.objects.get(old_path=old_url.rstrip("/")).is_permanent


def test_a_changed_german_address_redirects_permanently(
        site, client, django_capture_on_commit_callbacks):
    german = NewsPage.objects.get(pk=site.notice.pk)
    german.slug = "foerderprogramm-2021"

    with django_capture_on_commit_callbacks(execute=True):
        german.save_revision().publish()

    response = client.get("/aktuelles/foerderprogramm/")
    assert response.status_code == 301
    assert response["Location"] == "/aktuelles/foerderprogramm-2021/"


def test_links_between_languages_feeds_sitemap_and_search_use_the_english_address(
        site, translator_client, client):
    notice_en = published_english_notice(site, translator_client)
    full_url = f"http://localhost/en/news/{ENGLISH_SLUG}/"

    german_page = soup(client.get(site.notice.url))
    assert german_page.select_one(".language-switcher a[hreflang=en]")["href"] == notice_en.url
    alternates = {link["hreflang"]: link["href"]
                  for link in german_page.select('link[rel="alternate"][hreflang]')}
    assert alternates["en"] == full_url

    english_page = soup(client.get(notice_en.url))
    assert english_page.select_one('link[rel="canonical"]')["href"] == full_url
    assert english_page.select_one('meta[property="og:url"]')["content"] == full_url

    sitemap = client.get("/sitemap.xml")
    sections = [line for line in sitemap.content.decode().split("<loc>")[1:]]
    entries = "".join(
        client.get(section.split("</loc>")[0].replace("http://localhost", "")).content.decode()
        for section in sections
    )
    assert f"<loc>{full_url}</loc>" in entries
    assert "/en/aktuelles/" not in entries

    feed = client.get("/en/news/feed/rss/").content.decode()
    assert full_url in feed

    results = soup(client.get("/en/search/", {"q": "municipal"}))
    assert notice_en.url in [a["href"] for a in results.select("main a[href]")]


def test_the_editor_offers_the_url_segment_with_the_english_value(site, translator_client):
    translate_strings(site.notice, translate_text=english_texts)
    submit(translator_client, site.notice)

    response = translator_client.get(edit_url(english(site.notice)))

    props = json.loads(soup(response).select_one("[data-props]")["data-props"])
    slug_segments = [s for s in props["segments"] if s["contentPath"] == "slug"]
    assert len(slug_segments) == 1
    assert slug_segments[0]["type"] == "synchronised_value"
    overrides = {o["segment_id"]: o["data"] for o in props["initialOverrides"]}
    assert overrides[slug_segments[0]["id"]] == ENGLISH_SLUG


def test_slugs_are_ascii_with_german_spelling_and_cut_at_a_word():
    assert make_slug("Räume & Städte: Grüße") == "raeume-staedte-gruesse"
    long = make_slug("Partnerships " * 40)
    assert len(long) <= 240 and long.endswith("partnerships")


def test_only_a_translation_of_the_current_german_title_makes_the_slug(site, translator_client):
    translate_strings(site.notice, translate_text=english_texts)
    german = NewsPage.objects.get(pk=site.notice.pk)
    german.title = "Neues Förderprogramm"
    german.save_revision().publish()
    translation = translation_of(german)
    translation.source.update_from_db()

    translation.save_target(publish=False)
    assert english(german).slug == "foerderprogramm"

    translate_strings(german, translate_text=lambda text: {
        "Neues Förderprogramm": "New funding programme"}.get(text, text))
    translation.save_target(publish=False)
    assert english(german).slug == "new-funding-programme"

"""Every StreamField block renders with its own template, and survives translation."""

import json

import pytest
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.factories import ContactFactory, DocumentFactory, ImageFactory
from core.tests.helpers import assert_accessible_page, soup
from news.factories import NewsPageFactory
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_every_block(site_tree):
    contact = ContactFactory(name="Dr. Anna Schmidt", email="anna.schmidt@example.org")
    image = ImageFactory(description="")
    document = DocumentFactory(title="Programmübersicht")
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Innovation")
    body = [
        {"type": "rich_text", "value": "<p>Ein Absatz.</p><ul><li>Erster Punkt</li></ul>"},
        {"type": "heading", "value": {"text": "Thematische Schwerpunkte", "level": "h2"}},
        {"type": "heading", "value": {"text": "Ein Unterabschnitt", "level": "h3"}},
        {"type": "quote", "value": {"quote": "Städte lernen von Städten.",
                                    "attribution": "Eine Bürgermeisterin"}},
        {"type": "image", "value": {"image": image.pk, "alt_text": "Teilnehmende im Workshop",
                                    "decorative": False, "caption": "Workshop in Bonn",
                                    "credit": "Connective Cities"}},
        {"type": "video", "value": {"video": None, "url": "https://vimeo.com/76979871",
                                    "title": "Informationsvideo"}},
        {"type": "contact", "value": {"heading": "Ansprechpartnerin",
                                      "contacts": [contact.pk]}},
        {"type": "call_to_action", "value": {
            "title": "Werden Sie Teil des Programms!",
            "text": "<p>Schreiben Sie uns.</p>",
            "page": None, "url": "https://www.connective-cities.net/", "contact": None,
            "label": "Zur Anmeldung",
        }},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {"type": "related_links", "value": {"heading": "Weiterlesen", "links": [
            {"page": topic.pk, "url": "", "title": ""},
            {"page": None, "url": "https://www.connective-cities.net/", "title": "Netzwerk"},
        ]}},
    ]
    page = NewsPageFactory(parent=site_tree.news_index, title="Alle Bausteine",
                           body=json.dumps(body))
    return page, topic


def test_every_block_renders_with_its_template(page_with_every_block, client):
    page, topic = page_with_every_block

    document = assert_accessible_page(client.get(page.url), "de")
    body = document.select_one(".article__body")

    assert body.select_one(".rich-text li").get_text() == "Erster Punkt"
    assert body.select_one("h2.block-heading").get_text() == "Thematische Schwerpunkte"
    assert body.select_one("h3.block-heading").get_text() == "Ein Unterabschnitt"
    quote = body.select_one("figure.quote")
    assert quote.blockquote.get_text(strip=True) == "Städte lernen von Städten."
    assert quote.figcaption.get_text() == "Eine Bürgermeisterin"
    image = body.select_one("figure.image-block")
    assert image.img["alt"] == "Teilnehmende im Workshop"
    assert "Workshop in Bonn" in image.figcaption.get_text()
    assert "© Connective Cities" in image.figcaption.get_text()
    video = body.select_one("figure[data-video-consent]")
    assert video.select_one("[data-embed-url]")["data-embed-url"] == (
        "https://player.vimeo.com/video/76979871?dnt=1"
    )
    assert video.figcaption.get_text() == "Informationsvideo"
    contact = body.select_one("section.contact-block")
    assert contact.h2.get_text() == "Ansprechpartnerin"
    assert contact.select_one(".contact-card__name").get_text() == "Dr. Anna Schmidt"
    cta = body.select_one("aside.call-to-action")
    assert cta.h2.get_text() == "Werden Sie Teil des Programms!"
    assert cta.select_one("a.button")["href"] == "https://www.connective-cities.net/"
    assert cta.select_one("a.button").get_text() == "Zur Anmeldung"
    download = body.select_one(".document-download")
    assert download.a.get_text() == "Programmübersicht"
    assert download.select_one(".document-download__meta").get_text() == "(PDF, 2,0\xa0KB)"
    links = body.select("nav.related-links a")
    assert [(a["href"], a.get_text()) for a in links] == [
        (topic.url, "Innovation"), ("https://www.connective-cities.net/", "Netzwerk")
    ]
    assert document.find("iframe") is None


def test_decorative_image_has_empty_alt_text(site_tree, client):
    body = [{"type": "image", "value": {"image": ImageFactory().pk, "alt_text": "Ignoriert",
                                        "decorative": True, "caption": "", "credit": ""}}]
    page = NewsPageFactory(parent=site_tree.news_index, body=json.dumps(body))

    image = soup(client.get(page.url)).select_one("figure.image-block img")

    assert image["alt"] == ""
    assert soup(client.get(page.url)).select_one("figure.image-block figcaption") is None


def test_call_to_action_with_a_contact_shows_the_contact_card(site_tree, client):
    contact = ContactFactory(name="Max Muster", email="max.muster@example.org")
    body = [{"type": "call_to_action", "value": {
        "title": "Fragen?", "text": "", "page": None, "url": "", "contact": contact.pk,
        "label": "",
    }}]
    page = NewsPageFactory(parent=site_tree.news_index, body=json.dumps(body))

    cta = soup(client.get(page.url)).select_one("aside.call-to-action")

    assert cta.select_one(".contact-card__name").get_text() == "Max Muster"
    assert cta.select_one(".email").get_text() == "max.muster(at)example.org"


def test_page_with_every_block_can_be_translated_with_wagtail_localize(
    page_with_every_block, site_tree, client, django_capture_on_commit_callbacks
):
    page, _topic = page_with_every_block
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=site_tree.en)
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=site_tree.en, context=title.context,
        data="Every block",
    )

    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    english = page.get_translation(site_tree.en)
    assert english.live
    document = assert_accessible_page(client.get(english.url), "en")
    assert document.h1.get_text(strip=True) == "Every block"
    body = document.select_one(".article__body")
    for selector in ("h2.block-heading", "figure.quote", "figure.image-block",
                     "figure[data-video-consent]", "section.contact-block",
                     "aside.call-to-action", ".document-download", "nav.related-links"):
        assert body.select_one(selector) is not None, selector
    meta = body.select_one(".document-download__meta").get_text()
    assert meta == "(PDF, 2.0\xa0KB)"

"""Contacts on a news item: shown in the reader's language, their e-mail address never in
plain text in the HTML (robots harvest it), only as "name(at)domain"."""

import json

import pytest

from core.factories import ContactFactory, ImageFactory, translate_page, translate_snippet
from core.tests.helpers import soup
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_with_contacts(site_tree):
    anna = ContactFactory(name="Dr. Anna Schmidt", role="Projektleitung",
                          organisation="Connective Cities", email="anna.schmidt@example.org",
                          phone="+49 228 4460-1234", photo=ImageFactory())
    jonas = ContactFactory(name="Jonas Weber", role="Referent",
                           email="jonas.weber@example.org")
    hidden = ContactFactory(name="Noch nicht freigegeben", email="hidden@example.org",
                            live=False)
    block = [{"type": "contact", "value": {"heading": "Ansprechpartner", "contacts": [jonas.pk]}}]
    german = NewsPageFactory(parent=site_tree.news_index, contacts=[anna, jonas, hidden],
                             body=json.dumps(block))
    translate_snippet(anna, role="Project lead")
    english = translate_page(german, title="News with contacts")
    return german, english


def test_contacts_are_listed_with_name_role_and_phone(news_with_contacts, client):
    german, _ = news_with_contacts

    section = soup(client.get(german.url)).select_one("article > section.contact-block")

    cards = section.select(".contact-card")
    assert [c.select_one(".contact-card__name").get_text() for c in cards] == [
        "Dr. Anna Schmidt", "Jonas Weber"
    ]
    assert cards[0].select_one(".contact-card__role").get_text() == (
        "Projektleitung, Connective Cities"
    )
    assert "+49 228 4460-1234" in cards[0].select_one(".contact-card__phone").get_text()
    assert cards[0].select_one("img") is not None


@pytest.mark.parametrize("language", ["de", "en"])
def test_email_addresses_appear_only_obfuscated(news_with_contacts, client, language):
    page = news_with_contacts[0 if language == "de" else 1]

    response = client.get(page.url)
    html = response.content.decode()

    for address in ("anna.schmidt@example.org", "jonas.weber@example.org"):
        name, domain = address.split("@")
        # Shown with line-break opportunities between its parts (<wbr>), never mid-word.
        assert f"{name}(at){domain}" in html.replace("<wbr>", "")
        assert address not in html
    assert "mailto:" not in html.lower()
    assert "&#64;" not in html and "&#x40;" not in html.lower()
    emails = [e.get_text() for e in soup(response).select(".contact-card .email")]
    # Jonas appears twice: in the contact block of the body and among the page's contacts.
    assert sorted(emails) == ["anna.schmidt(at)example.org", "jonas.weber(at)example.org",
                              "jonas.weber(at)example.org"]


def test_the_contact_block_shows_its_contacts(news_with_contacts, client):
    german, _ = news_with_contacts

    block = soup(client.get(german.url)).select_one(".article__body section.contact-block")

    assert block.h2.get_text() == "Ansprechpartner"
    assert [n.get_text() for n in block.select(".contact-card__name")] == ["Jonas Weber"]


def test_unpublished_contacts_are_not_shown(news_with_contacts, client):
    german, english = news_with_contacts

    for page in (german, english):
        html = client.get(page.url).content.decode()
        assert "Noch nicht freigegeben" not in html
        assert "hidden(at)example.org" not in html


def test_english_page_shows_the_contacts_translation_or_the_original(news_with_contacts, client):
    _, english = news_with_contacts

    section = soup(client.get(english.url)).select_one("article > section.contact-block")

    roles = [r.get_text() for r in section.select(".contact-card__role")]
    assert roles == ["Project lead, Connective Cities", "Referent, Connective Cities"]

"""The news form: choosers in the page's language, German URL segments, the lead image's alt
text, and the order an editor writes in."""

import re

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from core.factories import AuthorFactory, translate_page, translate_snippet
from core.forms import german_slugify
from news.models import NewsPage

from .helpers import news_form_data

pytestmark = pytest.mark.django_db


def add_url(parent):
    return f"/admin/pages/add/news/newspage/{parent.pk}/"


@pytest.fixture
def english_twins(tree):
    """English translations of the topic and the contact, and a German and an English byline."""
    author = AuthorFactory(name="Redaktion Connective Cities")
    return {
        "topic": translate_page(tree.topic, "en", title="Climate adaptation"),
        "contact": translate_snippet(tree.contact, "en", role="Project lead"),
        "author": author,
        "author_en": translate_snippet(author, "en", name="Connective Cities editorial team"),
    }


def test_the_choosers_of_a_german_news_item_offer_only_german_items(
    tree, english_twins, author_client
):
    html = author_client.get(add_url(tree.news_index)).content.decode()

    topics = re.findall(r'name="topics" value="(\d+)"', html)
    contacts = re.findall(r'name="contacts" value="(\d+)"', html)
    bylines = re.findall(r'name="byline" value="(\d+)"', html)
    assert topics == [str(tree.topic.pk)]
    assert contacts == [str(tree.contact.pk)]
    assert bylines == [str(english_twins["author"].pk)]
    # Checkboxes with a filter box, not a Ctrl-click list; no untranslated "Locale" column.
    assert 'type="checkbox" name="topics"' in html
    assert "data-editorial-choices-filter" in html
    assert ">Locale<" not in html


@pytest.mark.parametrize("field", ["topics", "contacts", "byline", "related_links"])
def test_a_posted_english_item_is_refused_on_a_german_page(
    tree, english_twins, author_client, field
):
    wrong = {
        "topics": {"topics": [str(english_twins["topic"].pk)]},
        "contacts": {"contacts": [str(english_twins["contact"].pk)]},
        "byline": {"byline": str(english_twins["author_en"].pk)},
        "related_links": {
            "related_links-TOTAL_FORMS": "1", "related_links-INITIAL_FORMS": "0",
            "related_links-0-id": "", "related_links-0-ORDER": "1",
            "related_links-0-DELETE": "",
            "related_links-0-related_page": str(english_twins["topic"].pk),
        },
    }[field]
    data = {**news_form_data(title="Falsche Sprache"), **wrong}

    response = author_client.post(add_url(tree.news_index), data)

    assert response.status_code == 200
    assert "in einer anderen Sprache" in response.content.decode()
    assert not NewsPage.objects.filter(title="Falsche Sprache").exists()


def test_german_items_are_accepted(tree, english_twins, author_client):
    data = news_form_data(title="Richtige Sprache", topics=[tree.topic])
    data.update(contacts=[str(tree.contact.pk)], byline=str(english_twins["author"].pk))

    response = author_client.post(add_url(tree.news_index), data)

    assert response.status_code == 302
    page = NewsPage.objects.get(title="Richtige Sprache").get_latest_revision_as_object()
    assert list(page.topics.all()) == [tree.topic]
    assert page.byline == english_twins["author"]


@pytest.mark.parametrize(("text", "slug"), [
    ("Stadt öffnet kühle Räume", "stadt-oeffnet-kuehle-raeume"),
    ("Straßenfest in Düsseldorf", "strassenfest-in-duesseldorf"),
    ("ÄRZTE & Ölheizung", "aerzte-oelheizung"),
])
def test_url_segments_spell_umlauts_the_german_way(text, slug):
    assert german_slugify(text) == slug


def test_a_new_page_gets_a_german_ascii_url_segment_from_its_title(tree, author_client):
    data = news_form_data(title="Stadt öffnet kühle Räume", slug="")

    author_client.post(add_url(tree.news_index), data)

    assert NewsPage.objects.get(title="Stadt öffnet kühle Räume").slug == (
        "stadt-oeffnet-kuehle-raeume"
    )


def test_a_typed_url_segment_with_umlauts_is_transliterated(tree, author_client):
    author_client.post(add_url(tree.news_index),
                       news_form_data(title="Bäder", slug="bäder-geöffnet"))

    assert NewsPage.objects.get(title="Bäder").slug == "baeder-geoeffnet"


def test_the_url_segment_is_labelled_and_shows_this_sites_address(tree, author_client):
    html = author_client.get(add_url(tree.news_index)).content.decode()

    assert "URL-Segment" in html
    assert f"{tree.news_index.full_url}url-segment/" in html
    assert "domain.com" not in html
    # The admin's slug script writes "ae" for "ä" too, as the server does.
    assert "data-w-slug-formatters-value" in html and "ae" in html


def test_the_teaser_is_on_the_content_tab_with_its_purpose(tree, author_client):
    html = author_client.get(add_url(tree.news_index)).content.decode()
    content_tab = html[html.index('id="tab-inhalt"'):html.index('id="tab-veroffentlichung"')]

    order = [content_tab.index(f'id="panel-child-inhalt-{name}-section"') for name in (
        "title", "subtitle", "date", "teaser", "aufmacherbild", "body", "topics", "contacts",
        "byline", "verwandte_inhalte",
    )]
    image_fields = [content_tab.index(f'name="{name}"') for name in (
        "lead_image", "lead_image_alt", "lead_image_decorative", "lead_image_caption",
        "lead_image_credit",
    )]
    assert image_fields == sorted(image_fields)
    assert order == sorted(order)
    assert "RSS" in content_tab
    assert 'name="teaser"' not in html[html.index('id="tab-veroffentlichung"'):]


@pytest.fixture
def image():
    return Image.objects.create(title="Kühler Raum", file=get_test_image_file(),
                                description="Beschreibung der Mediathek")


def test_a_lead_image_needs_alt_text_unless_it_is_decorative(tree, author_client, image):
    data = news_form_data(title="Mit Bild", lead_image=str(image.pk), **{"action-submit": "1"})

    response = author_client.post(add_url(tree.news_index), data)
    assert response.status_code == 200
    assert "als dekorativ" in response.content.decode()

    decorative = {**data, "lead_image_decorative": "on"}
    assert author_client.post(add_url(tree.news_index), decorative).status_code == 302


def test_a_draft_may_wait_for_the_lead_images_alt_text(tree, author_client, image):
    data = news_form_data(title="Mit Bild", lead_image=str(image.pk))

    assert author_client.post(add_url(tree.news_index), data).status_code == 302


def test_the_public_page_renders_the_editors_alt_text(tree, image, client):
    page = NewsPage(title="Kühle Räume", slug="kuehle-raeume", lead_image=image,
                    lead_image_alt="Ein heller Raum mit Ventilatoren und Sitzbänken")
    tree.news_index.add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert 'alt="Ein heller Raum mit Ventilatoren und Sitzbänken"' in html

    page.lead_image_decorative = True
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'alt=""' in html and "Ventilatoren" not in html

"""Imprint, privacy notice and accessibility statement: editable pages, linked from every footer."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from core.factories import translate_page
from home.models import HomePage
from news.factories import NewsPageFactory
from pages.factories import FeedbackFormPageFactory, StandardPageFactory
from pages.models import FeedbackFormPage, StandardPage

pytestmark = pytest.mark.django_db

Kind = StandardPage.Kind


@pytest.fixture
def legal(site_tree):
    """Imprint, privacy notice and accessibility statement with its feedback form, in German;
    imprint and statement also in English (the privacy notice is not translated yet)."""
    imprint = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum",
                                  kind=Kind.IMPRINT)
    privacy = StandardPageFactory(parent=site_tree.home, title="Datenschutz", slug="datenschutz",
                                  kind=Kind.PRIVACY)
    statement = StandardPageFactory(
        parent=site_tree.home, title="Erklärung zur Barrierefreiheit",
        slug="erklaerung-zur-barrierefreiheit", kind=Kind.ACCESSIBILITY,
        last_reviewed=datetime.date(2021, 7, 27),
    )
    form = FeedbackFormPageFactory(parent=statement, title="Feedback zur Barrierefreiheit")
    return {
        "imprint": imprint, "privacy": privacy, "statement": statement, "form": form,
        "imprint_en": translate_page(imprint, "en", title="Imprint", slug="imprint"),
        "statement_en": translate_page(statement, "en", title="Accessibility statement",
                                       slug="accessibility-statement"),
    }


def footer_links(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert document.select_one("footer") is not None
    nav = document.select_one("footer nav.footer-links")
    if nav is None:  # nothing to link: no empty navigation landmark either
        return []
    return [(link.get_text(strip=True), link["href"]) for link in nav.find_all("a")]


def test_every_german_page_links_imprint_privacy_and_statement_in_its_footer(
        legal, site_tree, client):
    news = NewsPageFactory(parent=site_tree.news_index, title="Eine Meldung")
    expected = [
        ("Impressum", "/impressum/"),
        ("Datenschutz", "/datenschutz/"),
        ("Erklärung zur Barrierefreiheit", "/erklaerung-zur-barrierefreiheit/"),
    ]
    for url in ["/", site_tree.news_index.url, news.url, site_tree.topic_index.url,
                site_tree.video_index.url, "/suche/?q=stadt", legal["imprint"].url,
                legal["form"].url, "/gibt-es-nicht/"]:
        assert footer_links(client, url) == expected, url


def test_english_pages_link_the_english_versions_and_nothing_untranslated(legal, client):
    expected = [
        ("Imprint", "/en/imprint/"),
        ("Accessibility statement", "/en/accessibility-statement/"),
    ]
    for url in ["/en/", "/en/imprint/", "/en/search/?q=city", "/en/no-such-page/"]:
        assert footer_links(client, url) == expected, url


def test_draft_and_private_pages_are_not_linked(legal, client):
    legal["privacy"].unpublish()
    PageViewRestriction.objects.create(page=legal["statement"], restriction_type="login")

    assert footer_links(client, "/") == [("Impressum", "/impressum/")]

    # A restriction on an ancestor hides the page too.
    members = StandardPageFactory(parent=legal["imprint"].get_parent(), title="Intern")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    legal["imprint"].move(members, pos="last-child")
    assert footer_links(client, "/") == []


def test_the_footer_links_cost_one_query_whatever_the_number_of_pages(
        legal, site_tree, django_assert_num_queries):
    # The private sections are read once and cached (core.restrictions); then one query for
    # the pages outside them (and the footer caches the result).
    StandardPageFactory.create_batch(5, parent=site_tree.home)
    with django_assert_num_queries(2):
        assert len(StandardPage.footer_pages("de")) == 3
    with django_assert_num_queries(1):
        assert len(StandardPage.footer_pages("en")) == 2


def test_editors_can_move_and_rename_the_pages(legal, client):
    imprint = legal["imprint"]
    imprint.title = "Anbieterkennzeichnung"
    imprint.save_revision().publish()
    imprint.move(legal["statement"], pos="last-child")

    assert footer_links(client, "/")[0] == (
        "Anbieterkennzeichnung", "/erklaerung-zur-barrierefreiheit/impressum/")


def test_each_footer_page_exists_once_per_language(legal, site_tree):
    second = StandardPage(title="Noch ein Impressum", slug="impressum-2", kind=Kind.IMPRINT,
                          locale=site_tree.de)

    with pytest.raises(ValidationError) as error:
        second.clean()
    assert "Impressum" in str(error.value.message_dict["kind"])

    # The English translation of the imprint is no clash, and neither are ordinary pages.
    legal["imprint_en"].clean()
    StandardPage(title="Über uns", slug="ueber-uns", locale=site_tree.de).clean()


def test_the_statement_shows_its_review_date_and_leads_to_the_feedback_form(legal, client):
    response = client.get(legal["statement"].url)

    assert response.status_code == 200
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert document.h1.get_text() == "Erklärung zur Barrierefreiheit"
    assert document.find("time", attrs={"datetime": "2021-07-27"}).get_text() == "27.07.2021"
    feedback = document.select_one("main .call-to-action a")
    assert feedback.get_text() == "Feedback zur Barrierefreiheit"
    assert feedback["href"] == legal["form"].url
    # A plain page view sets no cookie and may be cached.
    assert not response.cookies
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_pages_can_be_added_to_the_home_page_and_the_form_below_a_standard_page():
    assert {StandardPage, FeedbackFormPage} <= set(HomePage.allowed_subpage_models())
    assert FeedbackFormPage in StandardPage.allowed_subpage_models()
    assert FeedbackFormPage.allowed_subpage_models() == []

"""Issues on the site: the archive at /newsletter/ and /en/newsletter/, an issue's own page,
what a publication retires from the cache, the sitemap and the admin's e-mail preview."""

import re

import pytest

from core.factories import translate_page
from core.tests.helpers import soup
from news.factories import NewsPageFactory
from newsletter.factories import NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


def archive(client, url="/newsletter/"):
    return [link.get_text(strip=True)
            for link in soup(client.get(url)).select(".newsletter-archive__list a")]


def test_the_archive_lists_published_issues_newest_first(client, newsletter_tree):
    from django.utils import timezone

    NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 63",
                               first_published_at=timezone.now() - timezone.timedelta(days=40))
    NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 64")
    NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Entwurf", live=False)
    assert archive(client) == ["Nr. 64", "Nr. 63"]
    assert archive(client, "/en/newsletter/") == []


def test_an_issue_published_later_appears_in_the_cached_archive_at_once(client,
                                                                       newsletter_tree):
    first = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 1")
    assert archive(client) == ["Nr. 1"]
    second = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 2",
                                        live=False)
    second.save_revision().publish()
    assert archive(client) == ["Nr. 2", "Nr. 1"]
    first.unpublish()
    assert archive(client) == ["Nr. 2"]


def test_an_issue_page_shows_its_items_filled_in_from_their_pages(client, newsletter_tree):
    item = NewsPageFactory(parent=newsletter_tree.news_index, title="Neue Runde",
                           teaser="Bewerbungen bis Mai.")
    withdrawn = NewsPageFactory(parent=newsletter_tree.news_index, title="Zurückgezogen")
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 7", body=[
        ("introduction", "<p>Willkommen.</p>"),
        ("item", {"page": item, "title": "", "teaser": ""}),
        ("item", {"page": withdrawn, "title": "Eigener Titel", "teaser": ""}),
    ])
    withdrawn.unpublish()
    page = soup(client.get(issue.url))
    assert page.select_one("h1").get_text(strip=True) == "Nr. 7"
    items = page.select(".newsletter-issue__item")
    assert len(items) == 1
    assert items[0].select_one("h2 a")["href"].endswith(item.url)
    assert "Bewerbungen bis Mai." in items[0].get_text()
    assert "Willkommen." in page.select_one(".newsletter-issue").get_text()


def test_an_english_issue_lives_under_en(client, newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 8",
                                       body=[("text", "<p>Hallo.</p>")])
    english = translate_page(issue, "en", title="Issue 8")
    assert english.url.startswith("/en/newsletter/")
    assert archive(client, "/en/newsletter/") == ["Issue 8"]
    assert soup(client.get(english.url)).html["lang"] == "en"


def test_issues_are_in_the_sitemap(client, newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, slug="nr-9")
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", index)
    sitemap = "".join(client.get(section).content.decode() for section in sections)
    assert f"{issue.url}</loc>" in sitemap
    assert "/newsletter/</loc>" in sitemap


def test_editors_preview_an_issue_as_an_e_mail(newsletter_tree):
    """The editor's preview offers the web page, the HTML mail and the plain-text mail."""
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 10",
                                       body=[("text", "<p>Vorschautext</p>")])
    assert [mode for mode, _label in issue.preview_modes] == ["", "email-html", "email-text"]
    html = issue.make_preview_request(preview_mode="email-html")
    text = issue.make_preview_request(preview_mode="email-text")
    assert html.status_code == text.status_code == 200
    assert '<html lang="de">' in html.content.decode()
    assert "Vorschautext" in text.content.decode()
    assert text["Content-Type"].startswith("text/plain")


def test_an_issue_page_answers_in_few_queries(client, newsletter_tree,
                                              django_assert_max_num_queries):
    item = NewsPageFactory(parent=newsletter_tree.news_index)
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, body=[
        ("item", {"page": item, "title": "", "teaser": ""})])
    client.get(issue.url)
    with django_assert_max_num_queries(15):
        assert client.get(issue.url).status_code == 200

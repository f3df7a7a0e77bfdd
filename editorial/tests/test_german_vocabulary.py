"""The admin speaks one German: the screens that authors, the Redaktion and translators use
show none of the English or broken German fragments editors reported, and call the approval
step "Freigabe" throughout."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from translation.demo import create_translator_accounts

from .helpers import PASSWORD, news_form_data

pytestmark = pytest.mark.django_db

# Fragments that must not appear in the visible text of a German admin screen.
FORBIDDEN = [
    "Seite-Objekt", "-Objekt wartet", "Keine andere Übersetzungen", "Kommentarbenachichtigung",
    "Locale", "seconds ago", "minutes ago", "hours ago", "days ago", "Go-Live", "Go-live",
    "More actions", "Moderation", "genehmigen", "Kurztitel", "domain.com",
    " to English translation", "Workflow abbrechen", "Redaktionelle Freigabe einreichen",
]
# The choosers of the contact and byline blocks and fields, with their language column/filter.
SNIPPET_CHOOSERS = ["/admin/snippets/choose/core/contact/", "/admin/snippets/choose/core/author/",
                    "/admin/snippets/choose/core/contact/results/?locale=de"]
# "27 November 2026": a German date has a dot after the day.
DATE_WITHOUT_DOT = re.compile(
    r"\b\d{1,2} (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b"
)


def visible_text(html):
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    html = re.sub(r"<style\b.*?</style>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text)


def problems(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    text = visible_text(response.content.decode())
    found = [fragment for fragment in FORBIDDEN if fragment in text]
    found += [match.group() for match in DATE_WITHOUT_DOT.finditer(text)]
    return found


def client_for(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_three_roles_see_german_admin_screens(tree, accounts):
    create_translator_accounts(PASSWORD)
    author, redaktion, translator = (client_for(name) for name in
                                     ("autorin", "redaktion", "translator-en"))
    add_url = f"/admin/pages/add/news/newspage/{tree.news_index.pk}/"
    data = news_form_data(title="Wortschatz", topics=[tree.topic])
    author.post(add_url, {**data, "action-submit": "1"})
    from news.models import NewsPage

    page = NewsPage.objects.get(title="Wortschatz")
    page_urls = [f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/",
                 f"/admin/pages/{page.pk}/workflow_history/"]
    screens = {
        "autorin": (author, ["/admin/", add_url, f"/admin/pages/{tree.news_index.pk}/",
                             "/admin/snippets/core/contact/", "/admin/account/", *page_urls,
                             *SNIPPET_CHOOSERS]),
        "redaktion": (redaktion, ["/admin/", *page_urls, "/admin/snippets/core/author/",
                                  "/admin/snippets/core/contact/", *SNIPPET_CHOOSERS]),
        "translator-en": (translator, ["/admin/", f"/admin/pages/{tree.news_index_en.pk}/",
                                       f"/admin/pages/{tree.news_index_en.pk}/edit/",
                                       "/admin/account/"]),
    }
    report = {
        f"{role} {url}": found
        for role, (client, urls) in screens.items()
        for url in urls
        if (found := problems(client, url))
    }
    assert report == {}

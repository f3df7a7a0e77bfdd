"""The Redaktion's lists of contacts and authors say which language each entry is in."""

import pytest
from bs4 import BeautifulSoup

from core.factories import AuthorFactory, ContactFactory, get_locale

pytestmark = pytest.mark.django_db


def headers_and_rows(response):
    document = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text(" ", strip=True) for th in document.select("table thead th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in document.select("table tbody tr")]
    return headers, rows


@pytest.mark.parametrize("url, make", [
    ("/admin/snippets/core/contact/", lambda: ContactFactory(name="Erika Muster")),
    ("/admin/snippets/core/author/", lambda: AuthorFactory(name="Erika Muster")),
])
def test_an_entry_translated_into_english_is_listed_twice_with_its_language(
        site_tree, admin_client, url, make):
    german = make()
    german.copy_for_translation(get_locale("en")).save()

    headers, rows = headers_and_rows(admin_client.get(url, headers={"Accept-Language": "de"}))

    assert "Sprache" in headers
    # Each language by its own name, as in the page lists and the language switcher.
    languages = sorted(row[2] for row in rows)
    assert languages == ["Deutsch", "English"]

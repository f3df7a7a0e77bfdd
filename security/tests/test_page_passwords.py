"""Guessing a page's password: after a few wrong passwords from one address the password form
of that page is locked from that address (429, in the reader's language), even for the right
password, while readers elsewhere still get in. Documents in a password-protected collection
are throttled alike."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

SECRET = "geheim-2021"  # noqa: S105
GUESSER, READER = "203.0.113.10", "198.51.100.7"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


@pytest.fixture
def protected(site_tree):
    page = NewsPageFactory(parent=site_tree.news_index, title="Vertraulich", slug="vertraulich")
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    english = page.copy_for_translation(site_tree.en)
    english.save_revision().publish()
    return page, english, restriction


def enter(page, restriction, password, address=GUESSER):
    with translation.override(page.locale.language_code):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"password": password, "return_url": page.url})
    return client, response


def test_the_right_password_after_a_few_wrong_ones_still_opens_the_page(protected, settings):
    page, _english, restriction = protected
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert enter(page, restriction, "falsch")[1].status_code == 200
    client, response = enter(page, restriction, SECRET)
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200


def test_too_many_wrong_passwords_lock_the_page_from_that_address_in_german(
    protected, settings
):
    page, _english, restriction = protected
    responses = [enter(page, restriction, "falsch")[1]
                 for _attempt in range(settings.AXES_FAILURE_LIMIT)]

    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = responses[-1]
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Passwort vorübergehend gesperrt" in text
    assert "15 Minuten" in text
    assert "no-store" in locked["Cache-Control"] or "no-cache" in locked["Cache-Control"]
    # In the site's look: the layout's header and footer.
    assert '<header' in text and '<footer' in text

    _client, right = enter(page, restriction, SECRET)
    assert right.status_code == 429


def test_a_locked_page_password_is_in_english_for_english_readers(protected, settings):
    page, english, _restriction = protected
    restriction = PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _client, response = enter(english, restriction, "wrong")
    assert response.status_code == 429
    assert "Password temporarily locked" in response.content.decode()


def test_readers_elsewhere_still_get_in(protected, settings):
    page, _english, restriction = protected
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        enter(page, restriction, "falsch")

    client, response = enter(page, restriction, SECRET, address=READER)
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200


def test_thirty_guesses_do_not_find_the_password(protected, settings):
    page, _english, restriction = protected
    statuses = [enter(page, restriction, f"falsch-{n}")[1].status_code for n in range(29)]
    statuses.append(enter(page, restriction, SECRET)[1].status_code)

    assert statuses.count(200) == settings.AXES_FAILURE_LIMIT - 1
    assert statuses[-1] == 429


def test_document_collection_passwords_are_throttled_alike(site_tree, settings):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD,
        password=SECRET,
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    client = Client(REMOTE_ADDR=GUESSER)
    statuses = [client.post(url, {"password": "falsch", "return_url": "/"}).status_code
                for _attempt in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses[-1] == 429
    assert client.post(url, {"password": SECRET, "return_url": "/"}).status_code == 429
    assert Client(REMOTE_ADDR=READER).post(
        url, {"password": SECRET, "return_url": "/"}
    ).status_code == 302

"""Two editors save the same page one after the other, each from the form they opened: both
versions are kept, and the second is told, by name, with a link to compare them."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from editorial.roles import REDAKTION
from editorial.tests.helpers import build_tree, make_user, news_draft, news_form_data

pytestmark = pytest.mark.django_db


def editor(username, first_name):
    user = make_user(username, REDAKTION, first_name=first_name, last_name="Test")
    client = Client()
    client.force_login(user)
    return client


def opened_form(client, page):
    """The hidden fields the edit form carries about the version it was opened on."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, page, title, opened):
    data = news_form_data(page, title=title, **opened)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def test_the_second_save_keeps_both_versions_and_shows_the_conflict():
    tree_page = news_draft(build_tree().news_index, title="Hitzeschutz")
    anna, ben = editor("anna", "Anna"), editor("ben", "Ben")
    anna_opened, ben_opened = opened_form(anna, tree_page), opened_form(ben, tree_page)

    first = save(anna, tree_page, "Hitzeschutz in Köln", anna_opened)
    assert first.status_code == 200
    assert "nachdem Sie sie geöffnet haben" not in first.content.decode()

    second = save(ben, tree_page, "Hitzeschutz in Bonn", ben_opened)

    text = second.content.decode()
    assert "Anna Test hat diese Seite gespeichert, nachdem Sie sie geöffnet haben." in text
    assert "/revisions/compare/" in text
    titles = [revision.content["title"] for revision in tree_page.revisions.order_by("pk")]
    assert titles[-2:] == ["Hitzeschutz in Köln", "Hitzeschutz in Bonn"]


def test_saving_twice_from_fresh_forms_shows_no_conflict():
    page = news_draft(build_tree().news_index, title="Radwege")
    anna = editor("anna", "Anna")

    save(anna, page, "Radwege 1", opened_form(anna, page))
    again = save(anna, page, "Radwege 2", opened_form(anna, page))

    assert "nachdem Sie sie geöffnet haben" not in again.content.decode()


def autosave(client, page, title, opened, overwrite=None):
    data = news_form_data(page, title=title, **opened)
    if overwrite:
        data["overwrite_revision_id"] = overwrite
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()["revision_id"]


def test_her_own_autosaves_then_saving_shows_no_conflict():
    """Autosave adds revisions while the form keeps the id it was opened on: saving (or
    "Zeitplan speichern", or submitting, which post the same form) is no alarm."""
    page = news_draft(build_tree().news_index, title="Hitzeschutz")
    ada = editor("ada", "Ada")
    opened = opened_form(ada, page)
    revision = autosave(ada, page, "Hitzeschutz in Köln", opened)
    revision = autosave(ada, page, "Hitzeschutz in Köln am Rhein", opened, overwrite=revision)
    autosave(ada, page, "Hitzeschutz in Köln und Bonn", opened, overwrite=revision)

    saved = save(ada, page, "Hitzeschutz in Köln und Bonn", opened)

    assert saved.status_code == 200
    assert "nachdem Sie sie geöffnet haben" not in saved.content.decode()


def test_a_colleagues_save_between_her_autosaves_is_still_reported():
    page = news_draft(build_tree().news_index, title="Hitzeschutz")
    ada, ben = editor("ada", "Ada"), editor("ben", "Ben")
    ada_opened = opened_form(ada, page)
    autosave(ada, page, "Hitzeschutz in Köln", ada_opened)
    save(ben, page, "Hitzeschutz in Bonn", opened_form(ben, page))

    saved = save(ada, page, "Hitzeschutz in Köln!", ada_opened)

    assert "Ben Test hat diese Seite gespeichert, nachdem Sie sie geöffnet haben." in (
        saved.content.decode())

"""Four eyes all the way: with the rule on, every way Wagtail offers to publish a page or a
contact leaves it unpublished, for the Redaktion and the administrator alike; only another
member's "Freigeben" makes it live. With the rule off, the Redaktion publishes directly."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Revision, WorkflowState

from core.models import Contact
from news.models import NewsPage

from .helpers import news_draft, news_form_data, news_live

pytestmark = pytest.mark.django_db

LATER = "2030-03-04 10:30"


@pytest.fixture
def admin_client(tree):
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    client = Client()
    client.force_login(admin)
    return client


@pytest.fixture(params=["redaktion", "admin"])
def publisher(request, redaktion_client):
    """Someone who holds the publish permission: a Redaktion member, or a superuser."""
    if request.param == "admin":
        return request.getfixturevalue("admin_client")
    return redaktion_client


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def add_url(parent):
    return f"/admin/pages/add/news/newspage/{parent.pk}/"


def page_data(page, title, **fields):
    data = news_form_data(page, title=title, **fields)
    data["slug"] = page.slug
    return data


def submitted_by_author(tree, author_client, title="Von der Autorin eingereicht"):
    data = news_form_data(title=title)
    author_client.post(add_url(tree.news_index), {**data, "action-submit": "1"})
    return NewsPage.objects.get(title=title)


def published_ever(page):
    return NewsPage.objects.get(pk=page.pk).first_published_at is not None


def scheduled(page):
    return Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()


def test_publishing_a_page_in_review_by_direct_post_changes_nothing_live(
    tree, author_client, publisher
):
    page = submitted_by_author(tree, author_client)

    publisher.post(edit_url(page), {**page_data(page, "Am Review vorbei"), "action-publish": "1"})

    page.refresh_from_db()
    assert not page.live and not published_ever(page)
    # The review goes on: the workflow was neither cancelled nor finished.
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_redaktion_publishes_neither_its_own_new_page_nor_its_own_edit(tree, publisher):
    publisher.post(add_url(tree.news_index),
                   {**news_form_data(title="Eigene Meldung"), "action-publish": "1"})
    live = news_live(tree.news_index, "Schon online")

    publisher.post(edit_url(live), {**page_data(live, "Still geändert"), "action-publish": "1"})

    new = NewsPage.objects.get(title="Eigene Meldung")
    assert not new.live and not published_ever(new)
    live.refresh_from_db()
    assert live.title == "Schon online" and live.draft_title == "Still geändert"


def test_scheduling_by_publishing_with_a_date_needs_approval(tree, publisher):
    draft = news_draft(tree.news_index, "Für später")

    publisher.post(edit_url(draft), {**page_data(draft, "Für später", go_live_at=LATER),
                                     "action-publish": "1"})

    assert not scheduled(draft)
    assert not NewsPage.objects.get(pk=draft.pk).live


def test_bulk_publishing_publishes_nothing(tree, publisher):
    drafts = [news_draft(tree.news_index, f"Stapel {n}") for n in (1, 2)]
    ids = "&".join(f"id={page.pk}" for page in drafts)

    response = publisher.post(f"/admin/bulk/wagtailcore/page/publish/?{ids}", {})

    assert response.status_code < 500
    assert not NewsPage.objects.filter(pk__in=[page.pk for page in drafts], live=True).exists()


def test_publishing_an_old_revision_publishes_nothing(tree, publisher):
    page = news_live(tree.news_index, "Erste Fassung")
    old = page.live_revision
    page.title = "Zweite Fassung"
    page.save_revision().publish()
    page = NewsPage.objects.get(pk=page.pk)

    publisher.post(f"/admin/pages/{page.pk}/revisions/{old.pk}/revert/",
                   {**page_data(page, "Erste Fassung"), "action-publish": "1"})

    page.refresh_from_db()
    assert page.title == "Zweite Fassung"


def test_copying_with_publish_publishes_no_copy(tree, publisher):
    page = news_live(tree.news_index, "Vorlage")

    publisher.post(f"/admin/pages/{page.pk}/copy/", {
        "new_title": "Kopie", "new_slug": "kopie", "new_parent_page": tree.news_index.pk,
        "publish_copies": "on",
    })

    assert not NewsPage.objects.filter(slug="kopie", live=True).exists()


def contact_data(contact, **fields):
    return {"name": contact.name, "role": contact.role, "organisation": contact.organisation,
            "email": contact.email, "phone": contact.phone, "photo": "", **fields}


def test_a_contact_is_published_neither_new_nor_edited_nor_reverted(tree, publisher):
    contact = Contact.objects.get(pk=tree.contact.pk)
    first = contact.live_revision
    contact.name = "Karla Zwei"
    contact.save_revision().publish()

    publisher.post("/admin/snippets/core/contact/add/",
                   {**contact_data(contact, name="Neu und live"), "action-publish": "1"})
    publisher.post(f"/admin/snippets/core/contact/edit/{contact.pk}/",
                   {**contact_data(contact, name="Still geändert"), "action-publish": "1"})
    publisher.post(f"/admin/snippets/core/contact/history/{contact.pk}/revisions/{first.pk}/"
                   "revert/", {**contact_data(contact, name="Karla Kontakt"),
                               "action-publish": "1"})

    assert not Contact.objects.filter(name="Neu und live", live=True).exists()
    contact.refresh_from_db()
    assert contact.name == "Karla Zwei"


def test_the_action_menus_offer_no_publish_button(tree, publisher):
    page = news_draft(tree.news_index, "Menü")
    screens = [add_url(tree.news_index), edit_url(page),
               "/admin/snippets/core/contact/add/",
               f"/admin/snippets/core/contact/edit/{tree.contact.pk}/"]

    for url in screens:
        html = publisher.get(url).content.decode()
        assert 'name="action-publish"' not in html, url
        assert 'name="action-submit"' in html, url


def test_another_members_freigeben_still_publishes(tree, author_client, redaktion_client):
    page = submitted_by_author(tree, author_client)
    task_state = page.current_workflow_task_state

    redaktion_client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )

    page.refresh_from_db()
    assert page.live


def test_the_redaktion_still_unpublishes_and_makes_pages_private(tree, redaktion_client):
    page = news_live(tree.news_index, "Geht offline")

    redaktion_client.post(f"/admin/pages/{page.pk}/unpublish/", {})
    response = redaktion_client.get(f"/admin/pages/{page.pk}/privacy/")

    page.refresh_from_db()
    assert not page.live
    assert response.status_code == 200


def test_with_the_rule_switched_off_the_redaktion_publishes_directly(
    tree, redaktion_client, four_eyes_off
):
    html = redaktion_client.get(add_url(tree.news_index)).content.decode()
    assert 'name="action-publish"' in html

    redaktion_client.post(add_url(tree.news_index),
                          {**news_form_data(title="Allein"), "action-publish": "1"})
    redaktion_client.post(f"/admin/snippets/core/contact/edit/{tree.contact.pk}/",
                          {**contact_data(tree.contact, name="Karla Direkt"),
                           "action-publish": "1"})

    assert NewsPage.objects.get(title="Allein").live
    tree.contact.refresh_from_db()
    assert tree.contact.name == "Karla Direkt"

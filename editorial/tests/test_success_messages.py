"""After each action the message says, in German, what happened to the page: "eingereicht",
"Änderungen angefordert", "freigegeben und veröffentlicht", "eingeplant für <Datum>"."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.utils.html import strip_tags

from news.models import NewsPage

from .helpers import news_form_data, news_live

pytestmark = pytest.mark.django_db

TITLE = "Hitzeschutz in Bonn"
# A fixed moment in the future, in the site's time zone, so the German date can be spelled out.
LATER = datetime.datetime(2030, 3, 4, 10, 30, tzinfo=ZoneInfo("Europe/Berlin"))
LATER_FIELD = "2030-03-04 10:30"
LATER_GERMAN = "4. März 2030 10:30"

# A body without blocks, so that posting the form again changes nothing: a reviewer who
# changes the text while approving starts the approval anew (REQUIRE_REAPPROVAL_ON_EDIT).
UNCHANGED = {"body-count": "0"}


def messages_after(response):
    """The messages the next page shows, as text (without their buttons)."""
    return [strip_tags(str(message)).split("\n")[0].strip()
            for message in get_messages(response.wsgi_request)]


def create(client, tree, action, title=TITLE, **fields):
    data = news_form_data(title=title, **UNCHANGED, **fields)
    response = client.post(f"/admin/pages/add/news/newspage/{tree.news_index.pk}/",
                           {**data, action: "1"})
    assert response.status_code == 302
    return NewsPage.objects.get(title=title), messages_after(response)


def edit(client, page, action, **fields):
    data = news_form_data(page.get_latest_revision_as_object(), **UNCHANGED, **fields)
    response = client.post(f"/admin/pages/{page.pk}/edit/", {**data, action: "1"})
    assert response.status_code == 302
    return messages_after(response)


def review(client, page, action, **fields):
    return edit(client, page, "action-workflow-action", **{
        "workflow-action-name": action, "workflow-action-extra-data": "{}", **fields})


def test_submitting_says_eingereicht(tree, author_client, redaktion_client):
    page, created = create(author_client, tree, "action-submit")
    assert created == [f"Die Seite „{TITLE}“ wurde erstellt und zur Freigabe eingereicht."]

    review(redaktion_client, page, "reject")
    resubmitted = edit(author_client, NewsPage.objects.get(pk=page.pk), "action-submit")
    assert f"Die Seite „{TITLE}“ wurde zur Freigabe eingereicht." in resubmitted


def test_requesting_changes_says_aenderungen_angefordert(tree, author_client, redaktion_client):
    page, _ = create(author_client, tree, "action-submit")

    assert review(redaktion_client, page, "reject") == [
        f"Änderungen an „{TITLE}“ angefordert. Die Autorin oder der Autor wurde benachrichtigt."
    ]


def test_approving_says_freigegeben_und_veroeffentlicht(tree, author_client, redaktion_client):
    page, _ = create(author_client, tree, "action-submit")

    messages = review(redaktion_client, page, "approve")
    page.refresh_from_db()
    assert messages == [
        f"„{TITLE}“ freigegeben und veröffentlicht."
    ]
    assert page.live


def test_approving_a_scheduled_page_says_eingeplant_fuer_the_date(
    tree, author_client, redaktion_client
):
    page, _ = create(author_client, tree, "action-submit", go_live_at=LATER_FIELD)

    assert review(redaktion_client, page, "approve", go_live_at=LATER_FIELD) == [
        f"„{TITLE}“ freigegeben und eingeplant für {LATER_GERMAN}."
    ]
    page.refresh_from_db()
    assert not page.live and page.go_live_at == LATER


def test_publishing_later_says_eingeplant_fuer_the_date(tree, redaktion_client, four_eyes_off):
    page, created = create(redaktion_client, tree, "action-publish", go_live_at=LATER_FIELD)

    assert created == [f"„{TITLE}“ ist eingeplant für {LATER_GERMAN}."]
    page.refresh_from_db()
    assert not page.live


def test_a_live_page_scheduled_again_stays_live_and_says_so(
    tree, redaktion_client, four_eyes_off
):
    page = news_live(tree.news_index, title="Schon online")

    assert edit(redaktion_client, page, "action-publish", go_live_at=LATER_FIELD) == [
        f"„Schon online“ bleibt online; die neue Fassung ist eingeplant für {LATER_GERMAN}."
    ]
    page.refresh_from_db()
    assert page.live


def test_publishing_now_keeps_wagtails_message(tree, redaktion_client, four_eyes_off):
    _, created = create(redaktion_client, tree, "action-publish")
    assert created and "eingeplant" not in created[0]

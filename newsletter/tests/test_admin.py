"""The Redaktion's view of the newsletter in the admin: subscribers with their state and consent
record, a formula-safe export, removal that keeps only a count; the send screen with preview,
test and progress; "Neue Ausgabe" pre-filled with what was published since the last issue."""

import csv
import io

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone

from editorial.roles import AUTHORS, REDAKTION
from editorial.tests.helpers import make_user
from events.factories import EventIndexPageFactory, EventPageFactory
from news.factories import NewsPageFactory
from newsletter.factories import NewsletterIssuePageFactory, SubscriberFactory
from newsletter.models import (
    Delivery,
    NewsletterIssuePage,
    RemovedSubscriber,
    SendLog,
    Subscriber,
)

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def redaktion(newsletter_tree):
    return client_for(make_user("red", REDAKTION))


@pytest.fixture
def autorin(newsletter_tree):
    return client_for(make_user("autorin1", AUTHORS))


def test_the_redaktion_sees_subscribers_per_language_with_their_state(redaktion):
    SubscriberFactory(email="bestaetigt@example.org")
    SubscriberFactory(email="wartet@example.org", state=Subscriber.State.WAITING)
    SubscriberFactory(email="english@example.org", language="en")
    response = redaktion.get("/admin/newsletter/subscribers/?language=de")
    text = response.content.decode()
    assert response.status_code == 200
    assert "bestaetigt@example.org" in text and "wartet@example.org" in text
    assert "english@example.org" not in text
    assert "wartet auf Bestätigung" in text and "bestätigt" in text


def test_the_consent_record_is_shown(redaktion):
    subscriber = SubscriberFactory(request_address="192.0.2.1", confirm_address="192.0.2.2",
                                   confirmed_at=timezone.now(),
                                   confirmation_mail_version="v-mail")
    text = redaktion.get(f"/admin/newsletter/subscribers/inspect/{subscriber.pk}/"
                         ).content.decode().lower()
    for shown in ("192.0.2.1", "192.0.2.2", "v-mail", subscriber.consent_text_version,
                  "bestätigungsmail gesendet am", "bestätigt von adresse"):
        assert shown.lower() in text


def test_the_export_cannot_run_formulas(redaktion):
    SubscriberFactory(name="=HYPERLINK(\"http://evil\")", organisation="+49 Stadt")
    response = redaktion.get("/admin/newsletter/subscribers/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert "'=HYPERLINK(\"http://evil\")" in rows[1]
    assert "'+49 Stadt" in rows[1]


def test_removing_a_subscriber_deletes_their_data_and_keeps_a_count(redaktion, newsletter_tree):
    subscriber = SubscriberFactory(email="weg@example.org")
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter)
    delivery = Delivery.objects.create(issue=issue, language="de")
    SendLog.objects.create(delivery=delivery, subscriber=subscriber, state="sent")
    response = redaktion.post(f"/admin/newsletter/subscribers/delete/{subscriber.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="weg@example.org").exists()
    removed = RemovedSubscriber.objects.get()
    assert (removed.language, removed.state) == ("de", "confirmed")
    assert SendLog.objects.get().subscriber is None
    assert delivery.progress()["sent"] == 1


def test_nobody_adds_subscribers_by_hand(redaktion):
    assert redaktion.get("/admin/newsletter/subscribers/new/").status_code in (302, 403)


def test_authors_see_no_subscribers_and_cannot_send(autorin, newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter)
    assert autorin.get("/admin/newsletter/subscribers/").status_code in (302, 403)
    # Wagtail sends whoever may not to the dashboard, with a message.
    assert autorin.get(f"/admin/newsletter/issue/{issue.pk}/send/").status_code == 302
    assert autorin.post(f"/admin/newsletter/issue/{issue.pk}/send/",
                        {"action": "send"}).status_code == 302
    assert not Delivery.objects.exists()


def test_the_send_screen_previews_tests_sends_and_shows_progress(redaktion, newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter, title="Nr. 65",
                                       body=[("text", "<p>Hallo Netzwerk</p>")])
    SubscriberFactory.create_batch(2)
    url = f"/admin/newsletter/issue/{issue.pk}/send/"
    page = redaktion.get(url).content.decode()
    assert "2 bestätigte Abonnent*innen" in page
    html = redaktion.get(f"/admin/newsletter/issue/{issue.pk}/preview/html/").content.decode()
    assert '<html lang="de">' in html and "Hallo Netzwerk" in html
    text = redaktion.get(f"/admin/newsletter/issue/{issue.pk}/preview/text/")
    assert text["Content-Type"].startswith("text/plain") and "Hallo Netzwerk" in text.text
    redaktion.post(url, {"action": "test"})
    assert [m.to for m in mail.outbox] == [["red@example.org"]]
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = redaktion.post(url, {"action": "send", "send_at": ""})
    assert response.status_code == 302
    page = redaktion.get(url).content.decode()
    assert 'data-progress="sent">2<' in page and 'data-progress="left">0<' in page
    assert len(mail.outbox) == 3
    # Pressing again sends nothing.
    redaktion.post(url, {"action": "send", "send_at": ""})
    assert len(mail.outbox) == 3


def test_a_send_time_in_the_past_is_refused_with_a_message(redaktion, newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter)
    response = redaktion.post(f"/admin/newsletter/issue/{issue.pk}/send/",
                              {"action": "send", "send_at": "01.01.2020 10:00"})
    assert response.status_code == 200
    assert "später" in response.content.decode()
    assert not Delivery.objects.exists()


def test_new_issue_is_prefilled_with_what_was_published_since_the_last(redaktion,
                                                                      newsletter_tree):
    NewsletterIssuePageFactory(parent=newsletter_tree.newsletter,
                               first_published_at=timezone.now() - timezone.timedelta(days=10))
    NewsPageFactory(parent=newsletter_tree.news_index, title="Alt",
                    first_published_at=timezone.now() - timezone.timedelta(days=20))
    fresh = NewsPageFactory(parent=newsletter_tree.news_index, title="Neu",
                            first_published_at=timezone.now() - timezone.timedelta(days=2))
    events = EventIndexPageFactory(parent=newsletter_tree.home,
                                   first_published_at=timezone.now() - timezone.timedelta(days=1))
    announced = EventPageFactory(parent=events, title="Werkstatt",
                                 first_published_at=timezone.now() - timezone.timedelta(hours=1))
    response = redaktion.post(f"/admin/newsletter/new-issue/{newsletter_tree.newsletter.pk}/")
    assert response.status_code == 302
    draft = NewsletterIssuePage.objects.get(live=False)
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    chosen = [block.value["page"].pk for block in draft.body if block.block_type == "item"]
    # Newest first; the events index itself is no item.
    assert chosen == [announced.pk, fresh.pk]
    assert draft.get_latest_revision() is not None


def test_the_editor_offers_new_issue_and_sending_where_they_belong(redaktion, autorin,
                                                                   newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter)
    index_editor = redaktion.get(f"/admin/pages/{newsletter_tree.newsletter.pk}/edit/")
    assert f"/admin/newsletter/new-issue/{newsletter_tree.newsletter.pk}/" in (
        index_editor.content.decode())
    issue_editor = redaktion.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/newsletter/issue/{issue.pk}/send/" in issue_editor
    assert "Newsletter versenden" in issue_editor
    # Authors write issues, but sending stays with the Redaktion.
    author_editor = autorin.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/newsletter/issue/{issue.pk}/send/" not in author_editor

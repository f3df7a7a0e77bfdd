"""Sending an issue through a real SMTP server started by the test, and reading what arrived:
headers (RFC 8058 one-click unsubscribe), both parts, links; batches, retries, hard bounces,
and a send that crashes halfway and resumes without mailing anyone twice."""

import re
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from news.factories import NewsPageFactory
from newsletter import sending
from newsletter.factories import NewsletterIssuePageFactory, SubscriberFactory
from newsletter.models import Delivery, SendLog, Subscriber

from .smtp import SMTPServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    with SMTPServer() as server:
        server.settings(settings)
        yield server


@pytest.fixture
def issue(newsletter_tree):
    item = NewsPageFactory(parent=newsletter_tree.news_index, title="Saatgut für Städte",
                           teaser="Ein neues Programm für Kommunen.")
    return NewsletterIssuePageFactory(
        parent=newsletter_tree.newsletter, title="Newsletter Nr. 64",
        preheader="Neues Programm, neue Städte.",
        body=[
            ("introduction", "<p>Liebe Leserinnen und Leser,</p>"),
            ("item", {"page": item, "title": "", "teaser": ""}),
            ("text", '<p>Mehr dazu <a href="https://example.org/mehr">hier</a>.</p>'),
            ("call_to_action", {"heading": "Mitmachen", "text": "Bewerben Sie sich.",
                                "page": None, "url": "https://example.org/bewerben",
                                "label": "Jetzt bewerben"}),
        ],
    )


def send(issue, **kwargs):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return sending.start(issue, **kwargs)


def parts(message):
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    return html, text


def test_each_confirmed_subscriber_of_the_language_gets_the_issue_once(smtp, issue):
    readers = SubscriberFactory.create_batch(3)
    SubscriberFactory(language="en")
    SubscriberFactory(state=Subscriber.State.WAITING)
    SubscriberFactory(state=Subscriber.State.UNSUBSCRIBED)
    delivery = send(issue)
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DONE
    assert dict(smtp.recipients) == {reader.email: 1 for reader in readers}
    assert delivery.progress() == {"sent": 3, "failed": 0, "left": 0}


def test_the_received_mail_has_both_parts_the_unsubscribe_headers_and_working_links(
        smtp, issue, client):
    reader = SubscriberFactory()
    send(issue)
    (message,) = smtp.messages
    assert message["Subject"] == "Newsletter Nr. 64"
    assert message["To"] == reader.email
    unsubscribe = re.fullmatch(r"<(https?://[^>]+)>", message["List-Unsubscribe"].strip()).group(1)
    assert unsubscribe.endswith(f"/newsletter/unsubscribe/{reader.unsubscribe_key}/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, text = parts(message)
    assert '<html lang="de">' in html
    assert "<h1" in html and "Newsletter Nr. 64" in html
    item_path = issue.body[1].value["page"].url
    assert re.search(rf'<h2[^>]*><a href="http[^"]+{item_path}"', html)
    assert "Ein neues Programm für Kommunen." in html
    assert 'href="https://example.org/bewerben"' in html and "Jetzt bewerben" in html
    assert f'href="{unsubscribe}"' in html
    assert "<style" not in html and 'style="' in html
    assert "Saatgut für Städte" in text and "Liebe Leserinnen und Leser," in text
    assert "hier (https://example.org/mehr)" in text
    assert unsubscribe in text
    # The links lead somewhere: the item, and the unsubscribe page with its button.
    assert re.search(rf"http\S+{item_path}\r?\n", text)
    assert client.get(item_path).status_code == 200
    path = re.sub(r"^https?://[^/]+", "", unsubscribe)
    assert b"newsletter-unsubscribe" in client.get(path).content
    # One click, as a mail client sends it (RFC 8058).
    assert client.post(path, "List-Unsubscribe=One-Click",
                       content_type="application/x-www-form-urlencoded").status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.UNSUBSCRIBED


def test_an_english_issue_is_an_english_mail(smtp, newsletter_tree):
    issue = NewsletterIssuePageFactory(parent=newsletter_tree.newsletter_en, title="Issue 64",
                                       body=[("text", "<p>Dear readers,</p>")])
    reader = SubscriberFactory(language="en")
    send(issue)
    (message,) = smtp.messages
    html, text = parts(message)
    assert '<html lang="en">' in html
    assert "Unsubscribe from the newsletter" in html
    assert f"/en/newsletter/unsubscribe/{reader.unsubscribe_key}/" in text


def test_a_second_send_of_the_same_issue_is_refused(smtp, issue):
    SubscriberFactory()
    send(issue)
    with pytest.raises(sending.AlreadySent):
        send(issue)
    assert len(smtp.messages) == 1


def test_a_crashed_send_resumes_without_mailing_anyone_twice(smtp, issue, settings):
    settings.NEWSLETTER_BATCH_SIZE = 4
    readers = SubscriberFactory.create_batch(10)
    delivery = sending.start(issue, send_at=timezone.now())
    # The worker dies after 4 mails, holding its lease, with the fifth claimed.
    assert sending.run_delivery(delivery.pk, stop_after=4) == 4
    claimed = SendLog.objects.filter(delivery=delivery, state=SendLog.State.PENDING).first()
    SendLog.objects.filter(pk=claimed.pk).update(state=SendLog.State.SENDING)
    # While the lease holds, nobody else sends.
    assert sending.run_delivery(delivery.pk) == 0
    Delivery.objects.filter(pk=delivery.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1))
    # The clock finds it and a new worker finishes the rest.
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert sending.run_due() == 1
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DONE
    assert max(smtp.recipients.values()) == 1
    assert sum(smtp.recipients.values()) == 9
    assert delivery.progress() == {"sent": 9, "failed": 1, "left": 0}
    never = SendLog.objects.get(state=SendLog.State.UNCERTAIN).subscriber
    assert never.email not in smtp.recipients
    assert {reader.email for reader in readers} - set(smtp.recipients) == {never.email}


def test_a_hard_bounce_marks_the_subscriber_and_the_rest_is_sent(smtp, issue):
    gone, fine = SubscriberFactory(email="weg@example.org"), SubscriberFactory()
    smtp.recorder.refuse.add(gone.email)
    delivery = send(issue)
    gone.refresh_from_db()
    assert gone.state == Subscriber.State.BOUNCED and "550" in gone.bounce_reason
    assert dict(smtp.recipients) == {fine.email: 1}
    assert delivery.progress() == {"sent": 1, "failed": 1, "left": 0}


def test_a_temporary_failure_is_retried_after_a_pause(smtp, issue):
    busy = SubscriberFactory(email="voll@example.org")
    smtp.recorder.busy[busy.email] = 1
    delivery = send(issue)
    log = SendLog.objects.get(delivery=delivery)
    assert log.state == SendLog.State.PENDING and log.attempts == 1
    assert log.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert delivery.progress() == {"sent": 0, "failed": 0, "left": 1}
    # Not before its time …
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert sending.run_due() == 0
    SendLog.objects.filter(pk=log.pk).update(next_attempt_at=timezone.now())
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert sending.run_due() == 1
    assert dict(smtp.recipients) == {busy.email: 1}
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DONE


def test_a_scheduled_send_waits_for_its_time(smtp, issue):
    SubscriberFactory()
    delivery = send(issue, send_at=timezone.now() + timedelta(hours=1))
    assert not smtp.messages
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert sending.run_due() == 0
    Delivery.objects.filter(pk=delivery.pk).update(send_at=timezone.now())
    with TestCase.captureOnCommitCallbacks(execute=True):
        sending.run_due()
    assert len(smtp.messages) == 1


def test_someone_who_unsubscribes_during_the_send_gets_nothing(smtp, issue):
    reader = SubscriberFactory()
    delivery = sending.start(issue)
    sending._list_recipients(delivery)
    Subscriber.objects.filter(pk=reader.pk).update(state=Subscriber.State.UNSUBSCRIBED)
    sending.run_delivery(delivery.pk)
    assert not smtp.messages


def test_a_test_mail_goes_to_one_address_marked_as_test(smtp, issue):
    SubscriberFactory()
    sending.send_test(issue, "redaktion@example.org")
    (message,) = smtp.messages
    assert message["To"] == "redaktion@example.org"
    assert message["Subject"] == "[Test] Newsletter Nr. 64"
    assert not Delivery.objects.exists()

"""Subscribing with double opt-in, as a reader meets it: the form, the confirmation mail, the
page behind its link, and unsubscribing; with the consent record the Redaktion relies on."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from core.tests.helpers import soup as page_of
from newsletter.factories import SubscriberFactory
from newsletter.models import CONFIRMATION_MAIL_VERSION, CONSENT_TEXT_VERSION, Subscriber
from newsletter.tasks import delete_unconfirmed_requests

pytestmark = pytest.mark.django_db


def soup(response):
    """The HTML of any answer (errors included; `page_of` insists on 200)."""
    return BeautifulSoup(response.content.decode(), "html.parser")

FORM = {"email": "Leserin@Example.ORG", "language": "de", "name": "Ada", "organisation": "Stadt",
        "consent": "on", "website_url": ""}


def subscribe(client, language_prefix="", **changes):
    # The confirmation mail goes out once the request is committed, as in production.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"{language_prefix}/newsletter/subscribe/", {**FORM, **changes},
                           REMOTE_ADDR="192.0.2.7")


def confirmation_link(message):
    return re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_form_is_on_the_newsletter_page_the_home_page_and_in_the_footer(
        client, newsletter_tree):
    for url in ("/newsletter/", "/en/newsletter/", "/", "/en/", "/aktuelles/"):
        forms = page_of(client.get(url)).select("form.newsletter-form")
        assert len(forms) == 1, url
        assert forms[0]["action"].endswith("/newsletter/subscribe/")
    english = soup(client.get("/en/newsletter/")).select_one("form.newsletter-form")
    assert english["action"] == "/en/newsletter/subscribe/"
    assert english.select_one("option[selected]")["value"] == "en"


def test_pages_with_the_form_stay_public_and_set_no_cookie(client, newsletter_tree):
    response = client.get("/newsletter/")
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_subscribing_sends_a_confirmation_and_records_the_request(client, newsletter_tree):
    response = subscribe(client)
    assert response.status_code == 200
    assert "Bitte sehen Sie in Ihrem Postfach nach" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Leserin@example.org"
    assert subscriber.state == Subscriber.State.WAITING
    assert subscriber.request_address == "192.0.2.7"
    assert subscriber.consent_text_version == CONSENT_TEXT_VERSION
    assert subscriber.confirmation_mail_version == CONFIRMATION_MAIL_VERSION
    assert subscriber.confirmation_sent_at is not None
    assert subscriber.confirmed_at is None
    (message,) = mail.outbox
    assert message.to == ["Leserin@example.org"]
    assert "/newsletter/confirm/" in message.body


def test_opening_the_confirmation_link_alone_confirms_nothing(client, newsletter_tree):
    subscribe(client)
    link = path_of(confirmation_link(mail.outbox[0]))
    response = client.get(link)
    assert response.status_code == 200
    assert soup(response).select_one("form.newsletter-confirm button")
    client.get(link)
    assert Subscriber.objects.get().state == Subscriber.State.WAITING


def test_the_button_confirms_once_and_records_when_and_from_where(client, newsletter_tree):
    subscribe(client)
    link = path_of(confirmation_link(mail.outbox[0]))
    response = client.post(link, REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.confirm_address == "198.51.100.4"
    assert subscriber.confirmed_at is not None
    # The token works once: the link now says it is no longer valid.
    again = client.post(link)
    assert again.status_code == 404
    assert "nicht mehr gültig" in again.content.decode()


def test_english_readers_subscribe_and_confirm_in_english(client, newsletter_tree):
    response = subscribe(client, "/en", language="en")
    assert "Please check your inbox" in response.content.decode()
    (message,) = mail.outbox
    assert "/en/newsletter/confirm/" in message.body
    assert "Please confirm" in message.subject
    assert Subscriber.objects.get().language == "en"


def test_subscribing_again_or_with_a_listed_address_answers_the_same(client, newsletter_tree):
    first = subscribe(client)
    SubscriberFactory(email="bekannt@example.org", state=Subscriber.State.CONFIRMED)
    known = subscribe(client, email="bekannt@example.org")
    again = subscribe(client)

    def main_text(response):
        return soup(response).select_one("main").get_text(" ", strip=True)

    assert first.status_code == known.status_code == again.status_code == 200
    assert main_text(first) == main_text(known) == main_text(again)
    # The confirmed subscriber is left as they were; the waiting request got a new link.
    assert Subscriber.objects.get(email="bekannt@example.org").state == "confirmed"
    assert [m.to for m in mail.outbox] == [["Leserin@example.org"]] * 2
    old_link, new_link = (path_of(confirmation_link(m)) for m in mail.outbox)
    assert client.post(old_link).status_code == 404
    assert client.post(new_link).status_code == 200


def test_two_requests_for_one_address_at_the_same_moment_answer_the_same(
        client, newsletter_tree, monkeypatch):
    """The second of two simultaneous first requests meets the first one's row only when it
    saves (neither saw the other before): it is dropped quietly, not an error page."""
    from newsletter import subscriptions

    SubscriberFactory(email="Leserin@example.org", state=Subscriber.State.WAITING)
    looked_up = subscriptions.Subscriber.objects.select_for_update

    class NothingFoundYet:
        def filter(self, **kwargs):
            return Subscriber.objects.none()

    monkeypatch.setattr(subscriptions.Subscriber.objects, "select_for_update",
                        lambda: NothingFoundYet())
    response = subscribe(client)
    monkeypatch.setattr(subscriptions.Subscriber.objects, "select_for_update", looked_up)
    assert response.status_code == 200
    assert "Postfach" in response.content.decode()
    assert Subscriber.objects.count() == 1
    assert not mail.outbox


def test_mistakes_keep_what_was_typed(client, newsletter_tree):
    response = subscribe(client, email="kein-at-zeichen", consent="")
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one(".error-summary")
    assert page.select_one("input[name=email]")["value"] == "kein-at-zeichen"
    assert page.select_one("input[name=name]")["value"] == "Ada"
    assert page.select_one("input[name=organisation]")["value"] == "Stadt"
    assert "Datenschutz" in page.select_one(".error-summary").get_text()
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_an_unknown_language_is_refused_with_a_message(client, newsletter_tree):
    response = subscribe(client, language="xx")
    assert response.status_code == 400
    assert "Sprachen" in soup(response).select_one(".error-summary").get_text()


def test_the_honeypot_drops_robots_quietly(client, newsletter_tree):
    response = subscribe(client, website_url="http://spam.example")
    assert response.status_code == 200
    assert "Postfach" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_too_many_requests_from_one_connection_get_the_form_back(client, newsletter_tree,
                                                                settings):
    settings.NEWSLETTER_FORM_RATE_LIMIT = (2, 600)
    for number in range(2):
        assert subscribe(client, email=f"a{number}@example.org").status_code == 200
    response = subscribe(client, email="drei@example.org")
    assert response.status_code == 429
    assert soup(response).select_one("input[name=email]")["value"] == "drei@example.org"
    assert Subscriber.objects.count() == 2


def test_one_address_gets_at_most_a_few_confirmation_mails_a_day(client, newsletter_tree,
                                                                settings):
    settings.NEWSLETTER_MAILS_PER_ADDRESS = (2, 86400)
    for _ in range(4):
        assert subscribe(client).status_code == 200
    assert len(mail.outbox) == 2


def test_cross_site_posts_are_refused(client, newsletter_tree):
    response = client.post("/newsletter/subscribe/", FORM, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_unconfirmed_requests_are_deleted_after_seven_days(newsletter_tree):
    old = SubscriberFactory(state=Subscriber.State.WAITING,
                            requested_at=timezone.now() - timedelta(days=7, minutes=1))
    recent = SubscriberFactory(state=Subscriber.State.WAITING,
                               requested_at=timezone.now() - timedelta(days=6))
    confirmed = SubscriberFactory(requested_at=timezone.now() - timedelta(days=30))
    delete_unconfirmed_requests.enqueue()
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert not Subscriber.objects.filter(pk=old.pk).exists()


def test_an_expired_link_confirms_nothing(client, newsletter_tree):
    subscribe(client)
    Subscriber.objects.update(requested_at=timezone.now() - timedelta(days=8))
    link = path_of(confirmation_link(mail.outbox[0]))
    assert client.post(link).status_code == 404
    assert Subscriber.objects.get().state == Subscriber.State.WAITING


def test_unsubscribing_by_link_shows_a_button_and_only_the_button_unsubscribes(
        client, newsletter_tree):
    subscriber = SubscriberFactory()
    url = f"/newsletter/unsubscribe/{subscriber.unsubscribe_key}/"
    response = client.get(url)
    assert soup(response).select_one("form.newsletter-unsubscribe button")
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    response = client.post(url)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_one_click_unsubscribe_by_post_from_a_mail_client(client, newsletter_tree):
    subscriber = SubscriberFactory(language="en")
    response = client.post(f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_key}/",
                           "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED


def test_an_unknown_unsubscribe_key_changes_nothing(client, newsletter_tree):
    subscriber = SubscriberFactory()
    assert client.post("/newsletter/unsubscribe/falsch/").status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED


def test_the_newsletter_page_answers_in_few_queries(client, newsletter_tree,
                                                    django_assert_max_num_queries):
    client.get("/newsletter/")
    with django_assert_max_num_queries(12):
        assert client.get("/newsletter/").status_code == 200

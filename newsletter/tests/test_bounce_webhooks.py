"""A provider's bounce and complaint webhooks (django-anymail): only signed calls count."""

import base64
import hashlib
import hmac
import importlib
import json
import time

import pytest
from django.urls import clear_url_caches

from newsletter.factories import SubscriberFactory
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

SECRET = "anymail:geheim-und-lang"
SIGNING_KEY = "key-mailgun-signing"


@pytest.fixture(autouse=True)
def provider(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET, "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY}
    settings.ROOT_URLCONF = "newsletter.tests.webhook_urls"


def basic_auth(secret=SECRET):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def postmark_bounce(address):
    return json.dumps({"RecordType": "Bounce", "Type": "HardBounce", "TypeCode": 1,
                       "Email": address, "MessageID": "abc", "Description": "Unknown user",
                       "BouncedAt": "2026-12-08T00:00:00Z"})


def mailgun_event(address, event="failed", key=SIGNING_KEY, severity="permanent"):
    timestamp, token = str(int(time.time())), "t" * 50
    signature = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    return json.dumps({
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {"event": event, "severity": severity, "recipient": address,
                       "timestamp": float(timestamp), "id": "e1",
                       "message": {"headers": {"message-id": "m1"}},
                       "delivery-status": {"code": 550, "message": "No such mailbox"}},
    })


def test_a_signed_hard_bounce_marks_the_subscriber(client):
    reader = SubscriberFactory(email="weg@example.org")
    response = client.post("/anymail/postmark/tracking/", postmark_bounce(reader.email),
                           content_type="application/json", **basic_auth())
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.BOUNCED
    assert "Postmark" in reader.bounce_reason


def test_an_unsigned_webhook_is_refused_and_changes_nothing(client):
    reader = SubscriberFactory(email="bleibt@example.org")
    unsigned = client.post("/anymail/postmark/tracking/", postmark_bounce(reader.email),
                           content_type="application/json")
    wrong = client.post("/anymail/postmark/tracking/", postmark_bounce(reader.email),
                        content_type="application/json", **basic_auth("anymail:falsch"))
    assert unsigned.status_code == wrong.status_code == 400
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.CONFIRMED


def test_a_provider_signature_is_checked_as_well(client):
    reader = SubscriberFactory(email="mailgun@example.org")
    forged = client.post("/anymail/mailgun/tracking/",
                         mailgun_event(reader.email, key="falscher-schluessel"),
                         content_type="application/json", **basic_auth())
    assert forged.status_code == 400
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.CONFIRMED
    signed = client.post("/anymail/mailgun/tracking/", mailgun_event(reader.email),
                         content_type="application/json", **basic_auth())
    assert signed.status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.BOUNCED


def test_a_complaint_stops_further_issues(client):
    reader = SubscriberFactory(email="spam-klick@example.org")
    payload = json.dumps({"RecordType": "SpamComplaint", "Email": reader.email,
                          "MessageID": "abc", "BouncedAt": "2026-12-08T00:00:00Z",
                          "Type": "SpamComplaint", "TypeCode": 512})
    assert client.post("/anymail/postmark/tracking/", payload,
                       content_type="application/json", **basic_auth()).status_code == 200
    reader.refresh_from_db()
    assert reader.state == Subscriber.State.BOUNCED


def test_without_a_secret_the_webhooks_are_not_served(settings):
    settings.ANYMAIL = {}
    import siteconfig.urls

    try:
        served = importlib.reload(siteconfig.urls).urlpatterns
        assert not [pattern for pattern in served if "anymail" in str(pattern.pattern)]
        settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
        served = importlib.reload(siteconfig.urls).urlpatterns
        assert [pattern for pattern in served if "anymail" in str(pattern.pattern)]
    finally:
        settings.ANYMAIL = {}
        importlib.reload(siteconfig.urls)
        clear_url_caches()

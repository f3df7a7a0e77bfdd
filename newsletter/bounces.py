"""Bounces and complaints that a mail provider reports through django-anymail's webhooks.

Anymail checks each webhook's authenticity before this runs: the shared secret of
`ANYMAIL["WEBHOOK_SECRET"]` (HTTP basic authentication, refused without it) and, where the
provider signs its calls (Mailgun, Postmark's, SES's SNS signatures …), the signature. A hard
bounce or a complaint marks the subscriber bounced, so no further issue goes to the address.
"""

from anymail.signals import tracking
from django.dispatch import receiver
from django.utils import timezone

from .models import Subscriber

STOPPING_EVENTS = {"bounced", "complained", "rejected"}


@receiver(tracking, dispatch_uid="newsletter-bounces")
def mark_bounced(sender, event, esp_name, **kwargs):
    if event.event_type not in STOPPING_EVENTS or not event.recipient:
        return
    reason = f"{esp_name}: {event.event_type} {event.reject_reason or ''}".strip()
    Subscriber.objects.filter(email__iexact=event.recipient).exclude(
        state=Subscriber.State.UNSUBSCRIBED
    ).update(state=Subscriber.State.BOUNCED, bounced_at=timezone.now(),
             bounce_reason=reason[:255])

"""Subscribing, confirming and unsubscribing.

Nothing here tells a reader whether an address was on the list: every request gets the same
answer. A confirmed subscriber's new request changes nothing and sends nothing; a waiting or
former subscriber's starts a new request with a new confirmation link (the old link stops
working). At most `NEWSLETTER_MAILS_PER_ADDRESS` confirmation mails go to one address per day,
so the form cannot be used to flood someone's inbox.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from security.ratelimit import count_use

from .mail import send_confirmation
from .models import CONFIRMATION_MAIL_VERSION, UNCONFIRMED_DAYS, Subscriber, hash_token

logger = logging.getLogger(__name__)


def mails_per_address():
    """(mails, seconds): how many confirmation mails one address may get."""
    return getattr(settings, "NEWSLETTER_MAILS_PER_ADDRESS", (3, 24 * 60 * 60))


def request_subscription(*, email, language, name, organisation, address):
    """Record a request; the confirmation mail goes out once it is committed."""
    subscriber = (
        Subscriber.objects.select_for_update()
        .filter(email__iexact=email, language=language).first()
    )
    if subscriber is not None and subscriber.state == Subscriber.State.CONFIRMED:
        return
    subscriber = subscriber or Subscriber(email=email, language=language)
    token = secrets.token_urlsafe(32)
    subscriber.start_request(address=address, token=token)
    subscriber.name, subscriber.organisation = name, organisation
    try:
        with transaction.atomic():
            subscriber.save()
    except IntegrityError:
        # The same address asked at the same moment in another request, which goes on.
        logger.info("A simultaneous request for the same address was dropped.")
        return
    limit, period = mails_per_address()
    if count_use("newsletter-confirmation", email.lower(), period) > limit:
        logger.info("No confirmation mail to subscriber %s: too many today.", subscriber.pk)
        return
    transaction.on_commit(lambda: _mail_confirmation(subscriber.pk, token))


def _mail_confirmation(subscriber_pk, token):
    subscriber = Subscriber.objects.filter(pk=subscriber_pk).first()
    if subscriber is None:
        return
    try:
        send_confirmation(subscriber, token)
    except Exception:
        # The reader's answer stays the same; the request expires unconfirmed.
        logger.exception("The confirmation mail to subscriber %s failed.", subscriber_pk)
        return
    Subscriber.objects.filter(pk=subscriber_pk, token_hash=hash_token(token)).update(
        confirmation_sent_at=timezone.now(), confirmation_mail_version=CONFIRMATION_MAIL_VERSION
    )


def waiting_for(token):
    """The request that `token` confirms, or None (unknown, used, or expired)."""
    if not token or len(token) > 100:
        return None
    return Subscriber.objects.filter(
        token_hash=hash_token(token), state=Subscriber.State.WAITING,
        requested_at__gte=timezone.now() - timedelta(days=UNCONFIRMED_DAYS),
    ).first()


def confirm(token, address):
    """Confirm the request of `token`; True if there was one. The token works once."""
    subscriber = waiting_for(token)
    if subscriber is None:
        return False
    updated = Subscriber.objects.filter(
        pk=subscriber.pk, token_hash=subscriber.token_hash, state=Subscriber.State.WAITING
    ).update(state=Subscriber.State.CONFIRMED, token_hash="", confirmed_at=timezone.now(),
             confirm_address=address)
    return updated == 1


def unsubscribe(key):
    """Unsubscribe whoever has this link's key; True if the key is known. Repeating it is
    harmless (one-click requests are often sent twice)."""
    subscriber = Subscriber.objects.filter(unsubscribe_key=key).first() if key else None
    if subscriber is None:
        return False
    if subscriber.state in (Subscriber.State.CONFIRMED, Subscriber.State.WAITING):
        subscriber.unsubscribe()
        subscriber.save(update_fields=["state", "token_hash", "unsubscribed_at"])
    return True


def delete_unconfirmed(now=None):
    """Delete requests never confirmed within `UNCONFIRMED_DAYS`; how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=UNCONFIRMED_DAYS)
    deleted, _ = Subscriber.objects.filter(
        state=Subscriber.State.WAITING, requested_at__lt=cutoff
    ).delete()
    return deleted

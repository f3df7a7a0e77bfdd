"""Sending an issue to the confirmed subscribers of its language, in the task worker.

A `Delivery` is sent by one worker at a time: it holds a lease (`lease_until`) and renews it
after every batch. The recipients are listed once, as one `SendLog` row each, unique per
delivery and subscriber. Each row is claimed (`pending` → `sending`, a conditional UPDATE that
only one process can win) right before its mail goes out and marked `sent` right after, each
in its own commit. So:

* a send that is restarted, or picked up by another worker after a crash (the lease ran out),
  continues with the rows still `pending` and mails nobody twice;
* the one mail a crashed worker may have been sending is left `uncertain` and is not sent
  again: a missing newsletter is better than a duplicate;
* a temporary failure (the server is busy, the connection dropped) is tried again later, after
  1, 2, 4 … minutes (`NEWSLETTER_RETRY_MINUTES`), up to `NEWSLETTER_MAX_ATTEMPTS` times;
* a permanent refusal of the address (a 5xx answer to the recipient) is a hard bounce: the
  subscriber is marked bounced and gets no further issue.

The mail is rendered once per send; only each recipient's unsubscribe address differs.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .mail import issue_message, render_issue_for_everyone, unsubscribe_addresses
from .models import Delivery, SendLog, Subscriber

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)


def batch_size():
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 200)


def max_attempts():
    return getattr(settings, "NEWSLETTER_MAX_ATTEMPTS", 5)


def retry_delay(attempts):
    minutes = getattr(settings, "NEWSLETTER_RETRY_MINUTES", 1)
    return timedelta(minutes=minutes * 2 ** (attempts - 1))


class AlreadySent(Exception):
    """The issue has a delivery already."""


def start(issue, user=None, send_at=None):
    """Plan the send of `issue` (now, or at `send_at`); the worker does the rest."""
    from .tasks import send_delivery

    send_at = send_at or timezone.now()
    if Delivery.objects.filter(issue=issue).exists():
        raise AlreadySent
    delivery = Delivery.objects.create(
        issue=issue, language=issue.locale.language_code, send_at=send_at, created_by=user
    )
    if send_at <= timezone.now():
        transaction.on_commit(lambda: send_delivery.enqueue(delivery.pk))
    return delivery


def _take_lease(delivery_id, now):
    with transaction.atomic():
        delivery = (Delivery.objects.select_for_update().select_related("issue")
                    .filter(pk=delivery_id).first())
        if delivery is None or delivery.state == Delivery.State.DONE or delivery.send_at > now:
            return None
        if delivery.lease_until and delivery.lease_until > now:
            return None  # another worker is sending it
        taking_over = delivery.state == Delivery.State.SENDING
        delivery.state = Delivery.State.SENDING
        delivery.lease_until = now + LEASE
        delivery.save(update_fields=["state", "lease_until"])
    if taking_over:
        # Whatever a worker before was sending when it stopped may or may not have gone out.
        SendLog.objects.filter(delivery=delivery, state=SendLog.State.SENDING).update(
            state=SendLog.State.UNCERTAIN, error="interrupted")
    return delivery


def _list_recipients(delivery):
    if delivery.recipients_listed:
        return
    confirmed = (Subscriber.objects.filter(language=delivery.language,
                                           state=Subscriber.State.CONFIRMED)
                 .order_by("pk").values_list("pk", flat=True))
    chunk = []
    for pk in confirmed.iterator(chunk_size=2000):
        chunk.append(SendLog(delivery=delivery, subscriber_id=pk))
        if len(chunk) == 2000:
            SendLog.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    SendLog.objects.bulk_create(chunk, ignore_conflicts=True)
    delivery.recipients_listed = True
    delivery.save(update_fields=["recipients_listed"])


def _due(delivery, now):
    return (SendLog.objects.filter(delivery=delivery, state=SendLog.State.PENDING,
                                   next_attempt_at__lte=now)
            .select_related("subscriber").order_by("pk")
            .only("pk", "attempts", "subscriber__email", "subscriber__state",
                  "subscriber__language", "subscriber__unsubscribe_key"))


def _claim(log):
    return SendLog.objects.filter(pk=log.pk, state=SendLog.State.PENDING).update(
        state=SendLog.State.SENDING, attempts=log.attempts + 1) == 1


def _finish(log, state, error="", **fields):
    SendLog.objects.filter(pk=log.pk).update(state=state, error=error[:255], **fields)


def _hard_bounce(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


def _permanent(error):
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def run_delivery(delivery_id, stop_after=None):
    """Send what is due of a delivery; how many mails went out. `stop_after` (for tests and
    the bench) stops after that many mails, as a crashed worker would, holding its lease."""
    delivery = _take_lease(delivery_id, timezone.now())
    if delivery is None:
        return 0
    _list_recipients(delivery)
    issue = delivery.issue.specific
    rendered = (*render_issue_for_everyone(issue), unsubscribe_addresses(issue))
    connection = mailers.default
    connection.open()  # one connection for the whole send, not one per mail
    sent, outcome = 0, None
    try:
        while True:
            batch = list(_due(delivery, timezone.now())[:batch_size()])
            if not batch:
                break
            for log in batch:
                if stop_after is not None and sent >= stop_after:
                    _record(outcome)
                    return sent
                # One commit per mail: the outcome of the last one and the claim of this one.
                with transaction.atomic():
                    _record(outcome)
                    outcome = None
                    claimed = _claim(log)
                if not claimed:
                    continue
                outcome = _send_one(issue, log, connection, rendered)
                sent += outcome[1] == SendLog.State.SENT
            _record(outcome)
            outcome = None
            Delivery.objects.filter(pk=delivery.pk).update(lease_until=timezone.now() + LEASE)
    finally:
        connection.close()
    _settle(delivery)
    return sent


def _record(outcome):
    if outcome is not None:
        log, state, error, fields = outcome
        _finish(log, state, error, **fields)


def _send_one(issue, log, connection, rendered):
    """Send one mail; its outcome (log, state, error, fields), recorded by the caller."""
    subscriber = log.subscriber
    if subscriber is None or subscriber.state != Subscriber.State.CONFIRMED:
        return log, SendLog.State.FAILED, "no longer subscribed", {}
    html, text, address_of = rendered
    message = issue_message(issue, subscriber.email, address_of(subscriber),
                            rendered=(html, text))
    try:
        if getattr(connection, "connection", True) is None:
            connection.open()  # after a failure, a fresh connection
        connection.send_messages([message])
    except Exception as error:
        connection.close()
        attempts = log.attempts + 1
        logger.warning("Newsletter mail %s failed (attempt %d): %s", log.pk, attempts, error)
        if _hard_bounce(error):
            Subscriber.objects.filter(pk=subscriber.pk).update(
                state=Subscriber.State.BOUNCED, bounced_at=timezone.now(),
                bounce_reason=str(error)[:255])
            return log, SendLog.State.FAILED, f"bounced: {error}", {}
        if _permanent(error) or attempts >= max_attempts():
            return log, SendLog.State.FAILED, str(error), {}
        return log, SendLog.State.PENDING, str(error), {
            "next_attempt_at": timezone.now() + retry_delay(attempts)}
    return log, SendLog.State.SENT, "", {"sent_at": timezone.now()}


def _settle(delivery):
    left = SendLog.objects.filter(delivery=delivery, state=SendLog.State.PENDING).exists()
    if left:  # retries later: let the clock (run_due) pick it up again
        Delivery.objects.filter(pk=delivery.pk).update(lease_until=None)
    else:
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.DONE, lease_until=None, finished_at=timezone.now())


def run_due():
    """Queue every delivery that has something to send now and no worker sending it."""
    from .tasks import send_delivery

    now = timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    due = Delivery.objects.filter(free, send_at__lte=now).filter(
        Q(state=Delivery.State.SCHEDULED)
        | Q(state=Delivery.State.SENDING, logs__state=SendLog.State.PENDING,
            logs__next_attempt_at__lte=now)
        | Q(state=Delivery.State.SENDING, logs__state=SendLog.State.SENDING)
        | Q(state=Delivery.State.SENDING, recipients_listed=False)
    ).values_list("pk", flat=True).distinct()
    queued = list(due)
    for pk in queued:
        send_delivery.enqueue(pk)
    return len(queued)


def send_test(issue, address):
    """The issue to one address, marked as a test; its unsubscribe link leads nowhere."""
    from django.utils import translation
    from django.utils.translation import gettext

    from .mail import public_url

    url = public_url("newsletter_unsubscribe", issue.locale.language_code, "test", page=issue)
    message = issue_message(issue, address, url)
    with translation.override(issue.locale.language_code):
        message.subject = f"[{gettext('Test')}] {message.subject}"
    mailers.default.send_messages([message])

"""A real SMTP server for the newsletter's tests and its bench (aiosmtpd, on a free local port),
keeping every message it receives, parsed. Addresses listed in `refuse` get a permanent 550
(a hard bounce); those in `busy` a temporary 451 the first `busy_times` times."""

import email
import email.policy
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    def __init__(self, keep_messages=True):
        self.messages = []
        self.recipients = Counter()
        self.refuse = set()
        self.busy = {}
        self.keep_messages = keep_messages
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 No such mailbox"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            for address in envelope.rcpt_tos:
                self.recipients[address] += 1
            if self.keep_messages:
                self.messages.append(
                    email.message_from_bytes(envelope.content, policy=email.policy.default)
                )
        return "250 Message accepted"


class SMTPServer:
    def __init__(self, keep_messages=True):
        self.recorder = Recorder(keep_messages)
        self.port = free_port()
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def messages(self):
        return self.recorder.messages

    @property
    def recipients(self):
        return self.recorder.recipients

    def settings(self, settings):
        """Point Django's SMTP backend at this server."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = self.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""

"""The Django side of `make mail-bench` (bench/mail_bench.py runs it in subprocesses):

    mail_bench_django.py setup N       a newsletter issue and N confirmed subscribers;
                                       prints the delivery's id
    mail_bench_django.py work ID PORT  a worker sending delivery ID through the SMTP server
                                       on 127.0.0.1:PORT, as `run_worker` would
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteconfig.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402


def setup(count):
    from wagtail.models import Locale, Page

    from newsletter.models import (
        CONSENT_TEXT_VERSION,
        Delivery,
        NewsletterIndexPage,
        NewsletterIssuePage,
        Subscriber,
    )

    with transaction.atomic():
        locale = Locale.objects.get_or_create(language_code="de")[0]
        home = Page.get_first_root_node().get_children().first()
        index = NewsletterIndexPage(title="Newsletter", slug="newsletter", locale=locale)
        home.add_child(instance=index)
        issue = NewsletterIssuePage(
            title="Newsletter Connective Cities Nr. 64", slug="nr-64", locale=locale,
            body=[("introduction", "<p>Liebe Leserinnen und Leser,</p>"),
                  ("text", "<p>" + "Neues aus dem Netzwerk. " * 40 + "</p>"),
                  ("call_to_action", {"heading": "Mitmachen", "text": "Jetzt bewerben.",
                                      "page": None, "url": "https://example.org/bewerben",
                                      "label": "Zur Ausschreibung"})],
        )
        index.add_child(instance=issue)
        issue.save_revision().publish()
        Subscriber.objects.bulk_create(
            (Subscriber(email=f"leser{n}@example.org", language="de",
                        state=Subscriber.State.CONFIRMED,
                        consent_text_version=CONSENT_TEXT_VERSION)
             for n in range(count)),
            batch_size=2000,
        )
        delivery = Delivery.objects.create(issue=issue, language="de")
    print(delivery.pk)


def work(delivery_id, port):
    from newsletter.sending import run_delivery

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    print(run_delivery(delivery_id))


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(int(sys.argv[2]))
    else:
        work(int(sys.argv[2]), int(sys.argv[3]))

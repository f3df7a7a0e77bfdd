"""A reader subscribes in real Chromium: the form, a mistake, the confirmation mail, the page
behind its link (opening it confirms nothing), the button that confirms, and unsubscribing;
axe-core finds nothing on any of these pages at 320 and at 1280 CSS pixels."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from conftest import build_site_tree
from core.factories import translate_page
from news.factories import NewsPageFactory
from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import Subscriber
from pages.tests.test_accessibility import axe_findings

pytestmark = pytest.mark.browser

WIDTHS = (320, 1280)


def newsletter_site(live_server):
    tree = build_site_tree()
    url = urlsplit(live_server.url)
    tree.site.hostname, tree.site.port = url.hostname, url.port
    tree.site.save()
    index = NewsletterIndexPageFactory(parent=tree.home)
    translate_page(index, "en", title="Newsletter")
    item = NewsPageFactory(parent=tree.news_index, title="Neue Förderrunde",
                           teaser="Städte können sich bis Mai bewerben.")
    issue = NewsletterIssuePageFactory(parent=index, title="Newsletter Nr. 64", body=[
        ("introduction", "<p>Liebe Leserinnen und Leser,</p>"),
        ("item", {"page": item, "title": "", "teaser": ""}),
        ("call_to_action", {"heading": "Mitmachen", "text": "", "page": item, "url": "",
                            "label": "Zur Ausschreibung"}),
    ])
    return issue


def link_in(message, live_server):
    url = re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_double_opt_in_journey_with_no_accessibility_finding(browser_page, live_server):
    issue = newsletter_site(live_server)
    page = browser_page
    findings = {}

    def check(name):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            if found := axe_findings(page):
                findings[f"{name} at {width} px"] = found

    page.goto("/newsletter/")
    check("newsletter page")
    page.goto("/en/newsletter/")
    check("English newsletter page")
    page.goto(issue.url)
    check("issue page")

    # A mistake: the form comes back with a summary and what was typed.
    page.goto("/newsletter/")
    form = page.locator("main form.newsletter-form")
    form.get_by_label("E-Mail-Adresse").fill("ada@example")
    form.get_by_label("Name", exact=True).fill("Ada Lovelace")
    form.get_by_role("button", name="Abonnieren").click()
    page.locator(".error-summary").wait_for()
    assert page.locator("main form.newsletter-form").get_by_label("Name", exact=True
                                                                  ).input_value() == "Ada Lovelace"
    check("subscription form with mistakes")

    form = page.locator("main form.newsletter-form")
    form.get_by_label("E-Mail-Adresse").fill("ada@example.org")
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    form.get_by_role("button", name="Abonnieren").click()
    page.locator("body.newsletter-subscribe-page--sent").wait_for()
    check("subscription requested")
    assert Subscriber.objects.get().state == Subscriber.State.WAITING

    # The mail's link opens a page with a button; opening it confirms nothing.
    (message,) = mail.outbox
    page.goto(link_in(message, live_server))
    check("confirmation page")
    assert Subscriber.objects.get().state == Subscriber.State.WAITING
    page.get_by_role("button", name="Abonnement bestätigen").click()
    page.locator("body.newsletter-confirm-page--done").wait_for()
    check("subscription confirmed")
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.confirm_address

    # Unsubscribing: a page with a button.
    page.goto(f"/newsletter/unsubscribe/{subscriber.unsubscribe_key}/")
    check("unsubscribe page")
    page.get_by_role("button", name="Abmelden").click()
    page.locator("body.newsletter-unsubscribe-page--done").wait_for()
    check("unsubscribed")
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED

    # The footer's form on any other page.
    page.goto("/aktuelles/")
    assert page.locator("footer form.newsletter-form").count() == 1
    check("news page with the footer form")
    assert findings == {}

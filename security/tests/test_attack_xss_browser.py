"""Proof in Chromium that the XSS payloads stay inert: on a bounded set of public and admin
screens that show many payloads each, no dialog opens and no injected element or attribute
exists in the live DOM (after the site's and the admin's own scripts have run)."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from .payloads import INJECTED_IN_DOM_JS, PAYLOADS, payload
from .xss_content import build_payload_site, feedback_answers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(context, user, base_url):
    """Give the browser the session of `user` (the login form is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def test_payloads_run_nowhere_on_public_pages_or_admin_screens(chromium, live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.FEEDBACK_FORM_RATE_LIMIT = (1000, 600)  # many submissions from one address
    site = build_payload_site()
    # Reader submissions with payloads, for the Redaktion's submissions screen.
    reader = Client(headers={"Sec-Fetch-Site": "same-origin"})
    for index in range(0, len(PAYLOADS), 4):
        response = reader.post(reverse("feedback_submit", args=[site.form_page.pk]),
                               feedback_answers(site.form_page, index))
        assert response.status_code == 200

    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(30_000)
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def visit(url, wait_for="body"):
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status < 500, (url, response and response.status)
        page.wait_for_selector(wait_for, state="attached")
        page.wait_for_timeout(150)  # let onload/onfocus/ontoggle handlers fire
        injected = page.evaluate(INJECTED_IN_DOM_JS)
        assert injected == [], (url, injected)
        assert dialogs == [], (url, dialogs)

    news_index = site.tree.news_index.url
    public = [site.news[0].url, site.news[1].url, site.news[2].url, news_index,
              f"{news_index}?page=3", site.topics[0].url, site.video.url, site.form_page.url,
              site.tree.home.url, "/suche/?q=alert",
              f"/suche/?q={payload(3, 'bq')}", f"{news_index}?topic={payload(5, 'bf')}"]
    for url in public:
        visit(url)
    # The consent button creates the video frame from the page's data: still nothing runs.
    visit(site.video.url)
    page.click(".video-consent__button")
    page.wait_for_timeout(200)
    assert page.evaluate(INJECTED_IN_DOM_JS) == [] and dialogs == []

    log_in(context, site.users["admin"], live_server.url)
    admin_screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[site.tree.news_index.pk]),
        reverse("wagtailadmin_pages:edit", args=[site.news[0].pk]),
        reverse("wagtailadmin_pages:edit", args=[site.topics[0].pk]),
        reverse("wagtailadmin_pages:history", args=[site.news[1].pk]),
        reverse("wagtailsnippets_core_contact:list"),
        reverse("wagtailsnippets_core_contact:edit", args=[site.contacts[0].pk]),
        reverse("wagtailsnippets_core_author:list"),
        reverse("wagtailimages:index"),
        reverse("wagtailforms:list_submissions", args=[site.form_page.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("translation_status_report"),
        f"{reverse('wagtailadmin_pages:search')}?q=alert",
    ]
    for url in admin_screens:
        visit(url)

    # The translator's editor (a React app that renders every segment).
    context.clear_cookies()
    log_in(context, site.users["translator-en"], live_server.url)
    visit(reverse("wagtailadmin_pages:edit", args=[site.translated.pk]),
          wait_for=".js-translation-editor, [data-translation-editor], main")
    page.wait_for_timeout(500)
    assert page.evaluate(INJECTED_IN_DOM_JS) == [] and dialogs == []
    context.close()

"""Chromium records no Content-Security-Policy violation: on every public page of the demo site
in German and English (video consent, search, feedback form and error page included), and in
the admin screens of the authors', the Redaktion's and the translators' journeys."""

import os
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from core.tests.browser import log_in as admin_log_in
from demo.tests.helpers import load_demo_as_make_run_does
from editorial.demo import DEFAULT_DEMO_PASSWORD
from news.models import NewsPage
from pages.models import FeedbackFormPage

pytestmark = pytest.mark.browser

PASSWORD = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD

# Collects violations from the page and from every frame it opens (the preview panel).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`
    );
});
"""


def violations(page):
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: S112 - a frame that navigated away has nothing to report
            continue
    return found


def open_context(chromium, live_server, console):
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and console.append(message.text),
    )
    return context, page


def visit(page, url, seen):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    seen[url] = violations(page)


def log_in(page, username):
    admin_log_in(page, username, PASSWORD)


def test_no_csp_violation_on_public_pages_and_in_the_editors_journeys(chromium, live_server):
    load_demo_as_make_run_does()
    seen, console = {}, []

    # --- Readers: every page in the sitemap, both languages ------------------------------
    context, page = open_context(chromium, live_server, console)
    # sitemap.xml may be an index of sections; follow it one level.
    locations = re.findall(r"<loc>(.*?)</loc>", page.goto("/sitemap.xml").text())
    for section in [location for location in locations if location.endswith(".xml")]:
        locations += re.findall(r"<loc>(.*?)</loc>", page.goto(urlsplit(section).path).text())
    paths = sorted({urlsplit(location).path for location in locations
                    if not location.endswith(".xml")})
    assert any(path.startswith("/en/") for path in paths)
    assert len(paths) >= 20, paths
    for path in paths:
        visit(page, path, seen)
        consent = page.locator("[data-video-consent] button")
        if consent.count():
            consent.first.click()
            frame = page.locator("iframe").first
            assert re.match(r"https://(www\.youtube-nocookie\.com|player\.vimeo\.com)/",
                            frame.get_attribute("src"))
            seen[f"{path} (video loaded)"] = violations(page)
    for path in ("/suche/?q=Stadt", "/en/search/?q=city", "/gibt-es-nicht/", "/en/nope/"):
        visit(page, path, seen)

    # The feedback form, sent empty: the error summary shows, still without a violation.
    form_page = FeedbackFormPage.objects.live().filter(locale__language_code="de").first()
    visit(page, form_page.url, seen)
    page.get_by_role("button", name="Senden").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-error-summary]").is_visible()
    seen["feedback form with errors"] = violations(page)

    # The recorder works: an injected inline script is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.injected") is None
    assert any("script-src" in violation for violation in violations(page))
    context.close()
    console.clear()

    # --- Editors in the admin ---------------------------------------------------------------
    news = NewsPage.objects.filter(locale__language_code="de").order_by("pk").first()
    news_en = news.get_translation(Locale.objects.get(language_code="en"))

    context, page = open_context(chromium, live_server, console)
    log_in(page, "autorin")
    for path in ("/admin/", f"/admin/pages/{news.pk}/edit/", "/admin/images/multiple/add/",
                 "/admin/documents/multiple/add/", f"/admin/pages/{news.pk}/history/"):
        visit(page, path, seen)
    page.goto(f"/admin/pages/{news.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").wait_for()
    seen["autorin: preview panel"] = violations(page)
    context.close()

    context, page = open_context(chromium, live_server, console)
    log_in(page, "redaktion")
    for path in ("/admin/", f"/admin/pages/{news.pk}/edit/", "/admin/reports/translation-status/",
                 "/admin/forms/", "/admin/pages/search/?q=Stadt"):
        visit(page, path, seen)
    context.close()

    context, page = open_context(chromium, live_server, console)
    log_in(page, "translator-en")
    visit(page, f"/admin/pages/{news_en.pk}/edit/", seen)
    expect(page.locator(".js-translation-editor")).to_contain_text(news.title)
    page.get_by_role("button", name=re.compile("Übersetzen mit|Translate with")).first.click()
    page.wait_for_load_state("networkidle")
    seen["translator-en: machine translation in the editor"] = violations(page)
    visit(page, "/admin/reports/translation-status/", seen)
    context.close()

    found = {where: found for where, found in seen.items() if found}
    assert found == {}, found
    assert console == []
    assert len(seen) >= 40

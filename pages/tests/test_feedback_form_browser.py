"""A reader sends feedback in Chromium: mistakes first, then the corrected message."""

import pytest
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission

from pages.factories import FeedbackFormPageFactory, StandardPageFactory
from pages.models import StandardPage

pytestmark = pytest.mark.browser


def send_button(page):
    with translation.override("de"):
        return page.get_by_role("button", name=translation.gettext("Send"))


@pytest.fixture
def form_page(site_tree):
    statement = StandardPageFactory(parent=site_tree.home, title="Erklärung zur Barrierefreiheit",
                                    kind=StandardPage.Kind.ACCESSIBILITY)
    return FeedbackFormPageFactory(parent=statement, title="Feedback zur Barrierefreiheit")


def test_a_reader_corrects_the_mistakes_and_sends_feedback(
        browser_page, live_server, form_page, settings, mailoutbox):
    settings.FEEDBACK_FORM_MIN_SECONDS = 1
    page = browser_page
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Erklärung zur Barrierefreiheit").click()
    page.get_by_role("link", name="Feedback zur Barrierefreiheit").click()
    page.wait_for_url(f"**{form_page.url}")

    page.get_by_label("Ihre E-Mail-Adresse").fill("erika(at)example")
    send_button(page).click()

    # The summary of mistakes takes the focus, and each of its links leads to a field.
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert summary.get_by_role("link").count() == 2
    summary.get_by_role("link", name="Ihre Nachricht").click()
    assert page.evaluate("document.activeElement.name") == "ihre_nachricht"
    message = page.get_by_role("textbox", name="Ihre Nachricht")
    assert message.get_attribute("aria-invalid") == "true"
    error_id = message.get_attribute("aria-describedby")
    assert page.locator(f"#{error_id}").is_visible()
    # What was typed is still there.
    assert page.get_by_label("Ihre E-Mail-Adresse").input_value() == "erika(at)example"
    assert FormSubmission.objects.count() == 0

    page.get_by_label("Ihre E-Mail-Adresse").fill("erika@example.org")
    message.fill("Das PDF auf der Themenseite lässt sich nicht vorlesen.")
    page.wait_for_timeout(1100)  # a person takes a moment to write
    send_button(page).click()

    page.locator("body.feedback-form-page--sent").wait_for()
    assert "Vielen Dank für Ihre Nachricht." in page.locator("main").inner_text()
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.form_data["ihre_nachricht"].startswith("Das PDF")
    assert [mail.to for mail in mailoutbox] == [["redaktion@example.org"]]
    assert browser_page.context.cookies() == []

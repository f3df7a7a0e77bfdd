"""The feedback form, as a reader and the Redaktion meet it: sending, mistakes, spam, e-mail."""

import logging
import smtplib
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from core.factories import translate_page
from pages.factories import FeedbackFormPageFactory
from pages.forms import HONEYPOT_FIELD, TOKEN_FIELD, Verdict, check_submission, make_token
from pages.models import FeedbackFormField

pytestmark = pytest.mark.django_db

MESSAGE = "Die Tabelle auf der Themenseite hat keine Spaltenüberschriften."


@pytest.fixture
def form_page(site_tree):
    return FeedbackFormPageFactory(parent=site_tree.home)


def german(msgid):
    """The German text of a UI string, as the German site shows it."""
    with translation.override("de"):
        return translation.gettext(msgid)


def html(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def submit_url(page):
    with translation.override(page.locale.language_code):
        return reverse("feedback_submit", args=[page.pk])


def answers(page, *, seconds_ago=10, **fields):
    """What a person's browser sends: the fields, an empty honeypot and the form's timestamp."""
    data = {
        "ihr_name": "Erika Mustermann",
        "ihre_e_mail_adresse": "erika@example.org",
        "ihre_nachricht": MESSAGE,
        HONEYPOT_FIELD: "",
        TOKEN_FIELD: make_token(page.pk, now=time.time() - seconds_ago),
    }
    data.update(fields)
    return data


def test_the_form_page_shows_labelled_fields_and_is_never_cached(form_page, client):
    response = client.get(form_page.url)

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert not response.cookies, "the form needs no cookie, not even a CSRF cookie"
    document = html(response)
    form = document.find("form", class_="feedback-form")
    assert form["action"] == submit_url(form_page)
    assert form["method"] == "post"
    for name in ("ihr_name", "ihre_e_mail_adresse", "ihre_nachricht"):
        field = form.find(attrs={"name": name})
        assert document.find("label", attrs={"for": field["id"]}) is not None
    assert form.find(attrs={"name": "ihre_e_mail_adresse"})["autocomplete"] == "email"
    assert form.find(attrs={"name": "ihr_name"})["autocomplete"] == "name"
    message = form.find(attrs={"name": "ihre_nachricht"})
    assert message.has_attr("required")
    label = document.find("label", attrs={"for": message["id"]})
    assert f"({german('required')})" in label.get_text()
    # The help text is tied to its field.
    email = form.find(attrs={"name": "ihre_e_mail_adresse"})
    help_text = document.find(id=email["aria-describedby"])
    assert "Antwort" in help_text.get_text()


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(form_page, client):
    form = html(client.get(form_page.url)).find("form", class_="feedback-form")

    trap = form.find("input", attrs={"name": HONEYPOT_FIELD})
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert trap["value"] == ""
    container = trap.find_parent(class_="form-honeypot")
    assert container["aria-hidden"] == "true"
    token = form.find("input", attrs={"name": TOKEN_FIELD})
    assert token["type"] == "hidden" and token["value"]


def test_a_sent_form_is_stored_in_the_admin_and_mailed_to_the_redaktion(form_page, client):
    response = client.post(submit_url(form_page), answers(form_page))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    document = html(response)
    assert document.h1.get_text() == german("Thank you")
    assert "Vielen Dank für Ihre Nachricht." in document.main.get_text()
    assert not response.cookies

    submission = FormSubmission.objects.get(page=form_page)
    assert submission.form_data == {
        "ihr_name": "Erika Mustermann",
        "ihre_e_mail_adresse": "erika@example.org",
        "ihre_nachricht": MESSAGE,
    }

    [message] = mail.outbox
    assert message.to == ["redaktion@example.org"]
    assert message.subject == "Rückmeldung zur Barrierefreiheit"
    assert message.reply_to == ["erika@example.org"]
    assert MESSAGE in message.body
    assert "Ihr Name: Erika Mustermann" in message.body
    assert reverse("wagtailforms:list_submissions", args=[form_page.pk]) in message.body


def test_the_redaktion_finds_the_submission_in_the_admin(form_page, client):
    client.post(submit_url(form_page), answers(form_page))
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(admin)

    listing = client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]))

    assert listing.status_code == 200
    assert MESSAGE in listing.content.decode()


def test_mistakes_are_explained_at_the_top_and_at_each_field(form_page, client):
    response = client.post(submit_url(form_page), answers(
        form_page, ihre_nachricht="", ihre_e_mail_adresse="erika(at)example"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    document = html(response)
    assert document.title.get_text().startswith(german("Error:"))
    summary = document.find(class_="error-summary")
    assert summary["role"] == "alert"
    summary_links = {link["href"]: link.get_text() for link in summary.find_all("a")}
    email, message = (document.find(attrs={"name": name})
                      for name in ("ihre_e_mail_adresse", "ihre_nachricht"))
    assert summary_links == {
        f"#{email['id']}": "Ihre E-Mail-Adresse: " + german(
            "Please enter a valid e-mail address, such as name@example.org."),
        f"#{message['id']}": "Ihre Nachricht: " + german("Please fill in this field."),
    }
    for field in (email, message):
        assert field["aria-invalid"] == "true"
        described_by = [document.find(id=ref) for ref in field["aria-describedby"].split()]
        assert all(described_by), "every aria-describedby reference exists"
        assert any("form-field__errors" in (ref.get("class") or []) for ref in described_by)
    # What the reader typed is still there, and nothing was stored or sent.
    assert email["value"] == "erika(at)example"
    assert document.find(attrs={"name": "ihr_name"})["value"] == "Erika Mustermann"
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_sending_an_empty_form_at_once_shows_the_mistakes_not_a_false_thank_you(
        form_page, client):
    response = client.post(submit_url(form_page), answers(
        form_page, seconds_ago=0, ihr_name="", ihre_e_mail_adresse="", ihre_nachricht=""))

    document = html(response)
    assert document.find(class_="error-summary") is not None
    assert document.h1.get_text() == form_page.title


def test_correcting_a_mistake_quickly_is_not_taken_for_spam(form_page, client):
    first = client.post(submit_url(form_page), answers(form_page, ihre_nachricht=""))
    token = html(first).find("input", attrs={"name": TOKEN_FIELD})["value"]

    client.post(submit_url(form_page), answers(form_page, **{TOKEN_FIELD: token}))

    assert FormSubmission.objects.filter(page=form_page).count() == 1


def test_an_overlong_message_gets_a_message_not_an_error(form_page, client):
    response = client.post(submit_url(form_page), answers(form_page, ihre_nachricht="x" * 6000))

    assert response.status_code == 200
    summary = html(response).find(class_="error-summary").get_text()
    assert "5000" in summary and "6000" in summary
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize("spam", [
    pytest.param({HONEYPOT_FIELD: "https://cheap-pills.example"}, id="honeypot filled in"),
    pytest.param({TOKEN_FIELD: ""}, id="no timestamp"),
    pytest.param({"seconds_ago": 0.5}, id="sent too fast"),
])
def test_spam_is_dropped_silently(form_page, client, spam, caplog):
    seconds_ago = spam.pop("seconds_ago", 10)
    with caplog.at_level(logging.INFO, logger="pages.models"):
        response = client.post(submit_url(form_page), answers(
            form_page, seconds_ago=seconds_ago, **spam))

    # The robot learns nothing: it sees the usual thank-you page.
    assert response.status_code == 200
    assert html(response).h1.get_text() == german("Thank you")
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []
    assert "spam" in caplog.text


@pytest.mark.parametrize("token", [
    pytest.param("forged-token", id="unreadable"),
    pytest.param(make_token(1, now=time.time() - 3 * 24 * 3600), id="three days old"),
])
def test_a_stale_form_comes_back_filled_in_to_be_sent_again(form_page, client, token):
    response = client.post(submit_url(form_page), answers(form_page, **{TOKEN_FIELD: token}))

    document = html(response)
    assert german("This form was open for too long. Please check your entries and send it "
                  "again.") in document.find(class_="error-summary").get_text()
    assert document.find(attrs={"name": "ihre_nachricht"}).get_text().strip() == MESSAGE
    assert FormSubmission.objects.count() == 0
    fresh = document.find("input", attrs={"name": TOKEN_FIELD})["value"]
    assert check_submission({TOKEN_FIELD: fresh}, form_page.pk,
                            now=time.time() + 10) is Verdict.ACCEPT


def test_a_submission_is_kept_when_the_mail_server_fails(form_page, client, monkeypatch, caplog):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with caplog.at_level(logging.ERROR, logger="pages.models"):
        response = client.post(submit_url(form_page), answers(form_page))

    assert response.status_code == 200
    assert html(response).h1.get_text() == german("Thank you")
    assert FormSubmission.objects.get(page=form_page).form_data["ihre_nachricht"] == MESSAGE
    assert "e-mail to redaktion@example.org failed" in caplog.text


def test_without_a_to_address_the_submission_is_only_stored(site_tree, client):
    page = FeedbackFormPageFactory(parent=site_tree.home, to_address="")

    client.post(submit_url(page), answers(page))

    assert FormSubmission.objects.filter(page=page).count() == 1
    assert mail.outbox == []


def test_cross_site_posts_are_refused(form_page, client):
    response = client.post(submit_url(form_page), answers(form_page),
                           headers={"Sec-Fetch-Site": "cross-site"})

    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0


def test_the_submit_address_only_takes_posts_to_live_public_forms(form_page, client, site_tree):
    assert client.get(submit_url(form_page)).status_code == 405
    assert client.post(reverse("feedback_submit", args=[999999]), {}).status_code == 404
    assert client.post(reverse("feedback_submit", args=[site_tree.home.pk]), {}).status_code == 404

    draft = FeedbackFormPageFactory(parent=site_tree.home, slug="entwurf", live=False)
    assert client.post(submit_url(draft), answers(draft)).status_code == 404
    private = FeedbackFormPageFactory(parent=site_tree.home, slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.post(submit_url(private), answers(private)).status_code == 404
    assert FormSubmission.objects.count() == 0


def test_the_english_form_posts_in_english_and_keeps_the_field_names(form_page, client, site_tree):
    english = translate_page(form_page, "en", title="Feedback on accessibility")
    for field in english.form_fields.all():
        field.label = {"ihr_name": "Your name", "ihre_e_mail_adresse": "Your e-mail address",
                       "ihre_nachricht": "Your message"}[field.clean_name]
        field.save()
    english.save_revision().publish()

    page = client.get(english.url)
    assert html(page).find("form", class_="feedback-form")["action"] == (
        f"/en/feedback-form/{english.pk}/")
    assert html(page).find("label", attrs={"for": "id_ihre_nachricht"}).get_text().startswith(
        "Your message")

    response = client.post(f"/en/feedback-form/{english.pk}/", answers(english))
    assert html(response).html["lang"] == "en"
    submission = FormSubmission.objects.get(page=english)
    assert submission.form_data["ihre_nachricht"] == MESSAGE


def test_labels_that_would_clash_with_the_spam_trap_are_refused(form_page):
    field = FeedbackFormField(page=form_page, label="Website URL", field_type="url")

    with translation.override("en"):
        with pytest.raises(Exception) as error:
            field.full_clean(exclude=["page", "locale"])
        assert "reserved" in str(error.value)


def test_the_preview_shows_the_form_with_its_spam_protection(form_page):
    request = RequestFactory().get("/")
    request.user = get_user_model()()

    context = form_page.get_preview_context(request, "form")

    assert context["form_action"] == submit_url(form_page)
    assert check_submission({TOKEN_FIELD: context["form_token"]}, form_page.pk,
                            now=time.time() + 10) is Verdict.ACCEPT


def test_only_the_redaktion_reads_submissions_not_authors(form_page, client):
    from editorial.demo import create_demo_accounts

    client.post(submit_url(form_page), answers(form_page))
    accounts = create_demo_accounts(password="pw-for-tests")
    submissions = reverse("wagtailforms:list_submissions", args=[form_page.pk])

    client.force_login(accounts["redaktion"])
    assert MESSAGE in client.get(submissions).content.decode()
    assert submissions in client.get(reverse("wagtailforms:index")).content.decode()

    # Authors may edit the form page, but its submissions are not theirs to read.
    assert form_page.permissions_for_user(accounts["autorin"]).can_edit()
    client.force_login(accounts["autorin"])
    response = client.get(submissions)
    assert response.status_code in (302, 403)
    assert MESSAGE not in response.content.decode()
    assert submissions not in client.get(reverse("wagtailforms:index")).content.decode()

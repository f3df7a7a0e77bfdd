"""The feedback form against floods: each form is accepted once, one address may send only so
many forms in a while, and whoever is turned away gets the form back with what they typed and
a message in their language."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from core.factories import translate_page
from pages.factories import FeedbackFormPageFactory
from pages.forms import HONEYPOT_FIELD, TOKEN_FIELD, make_token

pytestmark = pytest.mark.django_db

MESSAGE = "Die Bilder auf der Startseite haben keinen Alternativtext."
ALREADY_SENT_DE = "Dieses Formular wurde bereits gesendet."
TOO_OFTEN_DE = "zu oft gesendet"


@pytest.fixture
def form_page(site_tree):
    cache.clear()
    return FeedbackFormPageFactory(parent=site_tree.home)


def answers(page, token=None, **fields):
    data = {
        "ihr_name": "Erika Mustermann",
        "ihre_e_mail_adresse": "erika@example.org",
        "ihre_nachricht": MESSAGE,
        HONEYPOT_FIELD: "",
        TOKEN_FIELD: token or make_token(page.pk, now=time.time() - 10),
    }
    data.update(fields)
    return data


def submit_url(page):
    prefix = "/en" if page.locale.language_code == "en" else ""
    return f"{prefix}/feedback-form/{page.pk}/"


def kept_entries(response):
    form = BeautifulSoup(response.content.decode(), "html.parser").find(
        "form", class_="feedback-form"
    )
    return {
        "ihr_name": form.find("input", attrs={"name": "ihr_name"})["value"],
        "ihre_e_mail_adresse": form.find("input", attrs={"name": "ihre_e_mail_adresse"})["value"],
        "ihre_nachricht": form.find("textarea", attrs={"name": "ihre_nachricht"}).get_text(
        ).strip(),
        "token": form.find("input", attrs={"name": TOKEN_FIELD})["value"],
    }


def test_a_form_token_is_accepted_once_and_a_replay_stores_and_mails_nothing(form_page, client):
    data = answers(form_page)

    first = client.post(submit_url(form_page), data)
    replays = [client.post(submit_url(form_page), data) for _ in range(3)]

    assert first.status_code == 200
    assert [replay.status_code for replay in replays] == [409, 409, 409]
    assert FormSubmission.objects.filter(page=form_page).count() == 1
    assert len(mail.outbox) == 1
    text = replays[0].content.decode()
    assert ALREADY_SENT_DE in text
    assert 'role="alert"' in text


def test_after_a_replay_the_reader_keeps_the_entries_and_can_send_again(form_page, client):
    data = answers(form_page)
    client.post(submit_url(form_page), data)

    replay = client.post(submit_url(form_page), data)

    kept = kept_entries(replay)
    assert kept["ihr_name"] == "Erika Mustermann"
    assert kept["ihre_e_mail_adresse"] == "erika@example.org"
    assert kept["ihre_nachricht"] == MESSAGE
    assert kept["token"] != data[TOKEN_FIELD]
    again = client.post(submit_url(form_page), answers(form_page, token=kept["token"]))
    assert again.status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == 2


def test_too_many_forms_from_one_address_are_turned_away_with_entries_kept(
    form_page, client, settings
):
    settings.FEEDBACK_FORM_RATE_LIMIT = (2, 600)
    for _ in range(2):
        assert client.post(submit_url(form_page), answers(form_page)).status_code == 200

    turned_away = client.post(submit_url(form_page), answers(form_page))

    assert turned_away.status_code == 429
    assert TOO_OFTEN_DE in turned_away.content.decode()
    assert kept_entries(turned_away)["ihre_nachricht"] == MESSAGE
    assert FormSubmission.objects.filter(page=form_page).count() == 2
    assert len(mail.outbox) == 2


def test_the_limit_counts_per_address(form_page, client, settings):
    settings.FEEDBACK_FORM_RATE_LIMIT = (1, 600)
    assert client.post(submit_url(form_page), answers(form_page)).status_code == 200
    assert client.post(submit_url(form_page), answers(form_page)).status_code == 429

    other = client.post(submit_url(form_page), answers(form_page), REMOTE_ADDR="198.51.100.9")

    assert other.status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == 2


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(form_page, client, settings):
    settings.FEEDBACK_FORM_RATE_LIMIT = (1, 600)
    client.post(submit_url(form_page), answers(form_page))

    forged = client.post(
        submit_url(form_page), answers(form_page), HTTP_X_FORWARDED_FOR="198.51.100.9"
    )

    assert forged.status_code == 429


def test_english_readers_are_told_in_english(form_page, client, settings):
    english = translate_page(form_page, "en", title="Feedback on accessibility")
    english.save_revision().publish()
    data = answers(english)
    client.post(submit_url(english), data)

    replay = client.post(submit_url(english), data)
    assert "This form has already been sent." in replay.content.decode()

    settings.FEEDBACK_FORM_RATE_LIMIT = (1, 600)
    cache.clear()
    client.post(submit_url(english), answers(english))
    limited = client.post(submit_url(english), answers(english))
    assert limited.status_code == 429
    assert "sent from your connection too often" in limited.content.decode()
    assert kept_entries(limited)["ihre_nachricht"] == MESSAGE


def test_two_readers_who_open_the_form_in_the_same_second_can_both_send_it(form_page, client):
    shown_at = time.time() - 10
    first, second = make_token(form_page.pk, now=shown_at), make_token(form_page.pk, now=shown_at)
    assert first != second

    assert client.post(submit_url(form_page), answers(form_page, token=first)).status_code == 200
    assert client.post(submit_url(form_page), answers(form_page, token=second)).status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == 2

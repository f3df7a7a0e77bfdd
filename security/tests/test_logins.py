"""Guessing passwords: a user name is locked from one address after a few wrong passwords,
in German or English, while colleagues elsewhere can still log in; administrators see and
lift the lock; the second login page at /django-admin/ is gone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editorial.roles import ADMINISTRATION, AUTHORS, setup_editorial

pytestmark = pytest.mark.django_db

PASSWORD = "richtig-und-lang-genug-2026"
OFFICE = "203.0.113.10"
ELSEWHERE = "198.51.100.7"


def german(msgid):
    with translation.override("de"):
        return translation.gettext(msgid)


@pytest.fixture
def autorin(db):
    setup_editorial()
    user = get_user_model().objects.create_user("autorin", "autorin@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=AUTHORS))
    return user


@pytest.fixture
def administrator(db):
    setup_editorial()
    user = get_user_model().objects.create_user("verwaltung", "v@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=ADMINISTRATION))
    client = Client()
    client.force_login(user)
    return client


def login(password, address=OFFICE, url=None, **headers):
    client = Client(REMOTE_ADDR=address, **headers)
    response = client.post(
        url or reverse("wagtailadmin_login"), {"username": "autorin", "password": password}
    )
    return client, response


def fail(times, address=OFFICE, **headers):
    return [login("falsch", address, **headers)[1] for _ in range(times)]


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_are_answered_normally_until_the_limit(autorin, settings):
    responses = fail(settings.AXES_FAILURE_LIMIT - 1)
    assert [response.status_code for response in responses] == [200] * 4
    client, response = login(PASSWORD)
    assert response.status_code == 302 and is_logged_in(client)


def test_the_limit_locks_the_user_name_from_that_address_in_german(autorin, settings):
    responses = fail(settings.AXES_FAILURE_LIMIT)

    locked = responses[-1]
    assert locked.status_code == 429
    text = locked.content.decode()
    assert german("Login temporarily locked") in text
    assert "Anmeldung vorübergehend gesperrt" in text
    assert "15 Minuten" in text
    assert locked["Cache-Control"].startswith("max-age=0") or "no-cache" in locked["Cache-Control"]


def test_the_right_password_is_refused_while_locked(autorin, settings):
    fail(settings.AXES_FAILURE_LIMIT)

    client, response = login(PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_a_colleague_at_another_address_can_still_log_in(autorin, settings):
    fail(settings.AXES_FAILURE_LIMIT)

    client, response = login(PASSWORD, address=ELSEWHERE)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_forged_forwarded_for_header_does_not_lift_the_lock(autorin, settings):
    fail(settings.AXES_FAILURE_LIMIT)

    client, response = login(PASSWORD, HTTP_X_FORWARDED_FOR=ELSEWHERE)

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_behind_a_trusted_proxy_the_forwarded_address_counts(autorin, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail(settings.AXES_FAILURE_LIMIT, address=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {OFFICE}")

    locked = login(PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OFFICE)[1]
    other = login(PASSWORD, proxy, HTTP_X_FORWARDED_FOR=f"{OFFICE}, {ELSEWHERE}")[1]

    assert locked.status_code == 429
    assert other.status_code == 302


def test_the_lockout_page_is_english_on_the_english_site(autorin, settings):
    # The admin is German; readers of the English site log in to private pages under /en/.
    with translation.override("en"):
        url = reverse("wagtailcore_login")
    assert url.startswith("/en/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login("falsch", url=url)[1]

    text = response.content.decode()
    assert response.status_code == 429
    assert "Login temporarily locked" in text
    assert "locked for 15 minutes" in text


def test_the_front_end_login_of_private_pages_is_throttled_too(autorin, settings):
    url = reverse("wagtailcore_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login("falsch", url=url)[1]

    assert response.status_code == 429
    assert login(PASSWORD, url=url)[1].status_code == 429


def test_there_is_no_second_login_page_at_django_admin(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_administrators_see_the_lock_and_can_lift_it(autorin, administrator, settings):
    fail(settings.AXES_FAILURE_LIMIT)

    report = administrator.get(reverse("security_lockouts"))
    assert report.status_code == 200
    text = report.content.decode()
    assert "Gesperrte Anmeldungen" in text
    assert "autorin" in text and OFFICE in text and "Gesperrt" in text

    export = administrator.get(reverse("security_lockouts"), {"export": "csv"})
    assert "autorin" in b"".join(export.streaming_content).decode()

    attempt_id = report.context["object_list"][0].pk
    unlocked = administrator.post(reverse("security_unlock", args=[attempt_id]), follow=True)
    assert "ist entsperrt" in unlocked.content.decode()
    assert login(PASSWORD)[1].status_code == 302


def test_authors_do_not_see_the_lockouts(autorin, settings):
    client = Client()
    client.force_login(autorin)

    assert client.get(reverse("security_lockouts")).status_code in {302, 403}
    assert client.post(reverse("security_unlock", args=[1])).status_code in {302, 403}
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("security_lockouts") not in menu

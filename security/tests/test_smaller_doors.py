"""Smaller doors, each closed: malformed URLs are a 404 (never a 500, also on PostgreSQL);
logging out by GET changes nothing and does not pretend to; a Permissions-Policy switches off
what the site does not use; the "/admin" redirect is private; password reset mails are
rate-limited."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.admin.views.account import LogoutView

from security.permissions_policy import DENIED, FOR_VIDEOS

pytestmark = pytest.mark.django_db

MALFORMED = [
    "/documents/{key}/%00", "/documents/{key}/a%00b.pdf", "/%00", "/aktuelles/%00/",
    "/en/%00", "/en/news/%00x/", "/suche/?q=%00", "/aktuelles/?page=%00", "/aktuelles/?%00=1",
    "/%FF/", "/aktuelles/%C3/", "/suche/?q=%FF", "/suche/?q=M%FCll", "/aktuelles/%01/",
    "/admin/%00/", "/admin/pages/%00/", "/documents/authenticate_with_password/1/?x=%00",
    "/_util/authenticate_with_password/1/1/%00", "/media/%00.jpg", "/static/%00.css",
    "/sitemap.xml?p=%00", "/aktuelles/feed/rss/?%FF", "/.well-known/security.txt%00",
]


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


@pytest.mark.parametrize("url", MALFORMED)
def test_nul_and_bytes_that_are_not_utf8_anywhere_in_a_url_are_not_found(
    url, site_tree, client, admin_user
):
    url = url.format(key="0123456789abcdef" * 2)
    for visitor in (client, Client()):
        response = visitor.get(url)
        assert response.status_code == 404, url
        assert "no-cache" in response["Cache-Control"]
    admin = Client()
    admin.force_login(admin_user)
    assert admin.get(url).status_code == 404


def test_the_404_for_a_malformed_url_is_the_site_s_own(site_tree, client):
    response = client.get("/aktuelles/%00/")
    text = response.content.decode()
    assert "<header" in text and "<footer" in text


def test_well_formed_umlauts_and_query_strings_still_work(site_tree, client):
    assert client.get("/suche/?q=M%C3%BCll").status_code == 200
    assert client.get("/suche/?q=a+b%09c").status_code == 200
    assert client.get("/aktuelles/?page=1").status_code == 200


def logged_in_editor(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def test_logging_out_by_get_changes_nothing_and_does_not_pretend_to(admin_user):
    editor = logged_in_editor(admin_user)
    session_key = editor.cookies["sessionid"].value

    response = editor.get("/admin/logout/")

    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert not [str(message) for message in get_messages(response.wsgi_request)]
    assert editor.cookies["sessionid"].value == session_key
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200


def test_logging_out_by_post_ends_the_session(admin_user):
    editor = logged_in_editor(admin_user)
    response = editor.post("/admin/logout/")
    assert response.status_code == 302
    assert editor.get(reverse("wagtailadmin_home")).status_code == 302  # to the login


def test_canary_wagtail_s_logout_view_still_deletes_the_cookie_on_get(admin_user):
    """While this holds, security/accounts.py must refuse the GET itself (UPSTREAM.md). Once
    Wagtail answers a GET without touching the cookie, the wrapper can go."""
    request = RequestFactory().get("/admin/logout/")
    request.session = Client().session
    request.user = admin_user
    request._messages = type("Messages", (), {"add": lambda *args, **kwargs: None})()
    response = LogoutView.as_view()(request)
    assert response.status_code == 405
    assert response.cookies["sessionid"]["max-age"] == 0


def policy(response):
    return dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))


@pytest.mark.parametrize("url", ["/", "/en/", "/gibt-es-nicht/", "/admin/login/"])
def test_a_permissions_policy_denies_what_the_site_does_not_use(site_tree, client, url):
    found = policy(client.get(url))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "autoplay",
                    "browsing-topics"):
        assert found[feature] == "()", feature
    assert set(found) == set(DENIED) | set(FOR_VIDEOS)


def test_the_video_players_keep_what_their_frame_is_allowed(site_tree, client):
    """static/js/site.js allows the player's frame these features; the page must grant them."""
    found = policy(client.get("/"))
    for feature in ("fullscreen", "picture-in-picture", "encrypted-media"):
        assert found[feature] == (
            '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
        )


def test_the_redirect_from_admin_to_admin_slash_is_private(site_tree, client):
    response = client.get("/admin")
    assert response.status_code == 301 and response["Location"] == "/admin/"
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


RESET = "/admin/password_reset/"


def ask_for_reset(email, address="203.0.113.10"):
    return Client(REMOTE_ADDR=address).post(RESET, {"email": email})


def test_password_reset_mails_to_one_address_are_limited(db, settings):
    get_user_model().objects.create_user("autorin", "autorin@example.org", "lang-genug-2026")
    limit, _period = settings.PASSWORD_RESET_MAILS_PER_ADDRESS
    statuses = [ask_for_reset("autorin@example.org", f"198.51.100.{n}").status_code
                for n in range(8)]

    assert statuses == [302] * limit + [429] * (8 - limit)
    assert len(mail.outbox) == limit
    refused = ask_for_reset("Autorin@Example.org", "192.0.2.1")
    assert refused.status_code == 429
    assert "zu oft angefordert" in refused.content.decode()


def test_the_limit_tells_nobody_whether_an_address_has_an_account(db, settings):
    limit, _period = settings.PASSWORD_RESET_MAILS_PER_ADDRESS
    statuses = [ask_for_reset("niemand@example.org").status_code for _n in range(limit + 1)]
    assert statuses == [302] * limit + [429]
    assert mail.outbox == []


def test_one_client_cannot_send_resets_to_many_addresses(db, settings):
    requests, _period = settings.PASSWORD_RESET_REQUESTS_PER_CLIENT
    statuses = [ask_for_reset(f"person{n}@example.org").status_code
                for n in range(requests + 1)]
    assert statuses == [302] * requests + [429]

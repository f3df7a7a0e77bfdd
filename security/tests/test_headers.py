"""What every response says about itself: a strict Content-Security-Policy on public pages and
a workable one in the admin and the preview, no framing of public pages, no TRACE, and where
to report a vulnerability."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.csp import build_policy

from security.csp import ADMIN_POLICY, PUBLIC_POLICY, ContentSecurityPolicyMiddleware

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }


def test_public_pages_get_the_strict_policy_in_both_languages(site_tree, client):
    for url in (site_tree.home.url, site_tree.news_index.url, site_tree.news_index_en.url):
        response = client.get(url)
        assert response.status_code == 200
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["frame-src"] == [
            "https://www.youtube-nocookie.com", "https://player.vimeo.com"
        ]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_the_public_policy_is_the_same_for_every_reader_so_pages_can_be_cached(
    site_tree, client
):
    first = client.get(site_tree.home.url)["Content-Security-Policy"]
    second = client.get(site_tree.home.url)["Content-Security-Policy"]
    assert first == second
    assert "nonce-" not in first


def test_a_template_that_uses_the_nonce_gets_it_into_the_header():
    request = RequestFactory().get("/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: None)
    middleware.process_request(request)
    nonce = str(request._csp_nonce)  # what {{ csp_nonce }} prints in a template
    response = middleware.process_response(request, HttpResponse("<script nonce>"))
    assert f"script-src 'self' 'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_search_error_pages_and_feeds_are_public_too(site_tree, client):
    for url in ("/suche/?q=Stadt", "/gibt-es-nicht/", "/robots.txt"):
        response = client.get(url)
        assert directives(response)["frame-ancestors"] == ["'none'"], url


def test_the_admin_gets_a_policy_it_works_under(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == build_policy(ADMIN_POLICY)
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]


def test_the_preview_of_a_page_may_be_framed_by_the_admin(site_tree, admin_client):
    page = site_tree.news_index
    response = admin_client.get(
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        {"in_preview_panel": "true"},
    )
    # Nothing posted yet: Wagtail answers with its "preview not available" page, or the page.
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert response.get("X-Frame-Options") in (None, "SAMEORIGIN")


def test_the_admin_shows_no_gravatar(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert b"gravatar.com" not in response.content


@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
def test_trace_is_not_allowed(client, method):
    response = client.generic(method, "/")
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]


def test_security_txt_says_where_to_report_a_vulnerability(client, settings):
    settings.SECURITY_CONTACT = "sicherheit@example.org"
    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Contact: mailto:sicherheit@example.org" in lines
    assert "Preferred-Languages: de, en" in lines
    assert any(line.startswith("Expires: 20") and line.endswith("Z") for line in lines)
    assert "Canonical: http://testserver/.well-known/security.txt" in lines


def test_security_txt_takes_a_web_form_as_contact(client, settings):
    settings.SECURITY_CONTACT = "https://example.org/sicherheit"
    text = client.get("/.well-known/security.txt").content.decode()
    assert "Contact: https://example.org/sicherheit" in text


def test_the_policies_name_only_our_own_origin_and_the_video_players():
    for policy in (PUBLIC_POLICY, ADMIN_POLICY):
        sources = {source for values in policy.values() for source in values}
        foreign = {source for source in sources if source.startswith("http")}
        assert foreign == {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}

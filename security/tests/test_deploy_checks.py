"""`manage.py check --deploy` with the production settings and a realistic environment
reports nothing."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "siteconfig.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "DATABASE_URL": "postgres://site@db.internal:5432/site",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "ALLOWED_HOSTS": "www.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://www.example.org",
    "WAGTAILADMIN_BASE_URL": "https://www.example.org",
    "SECURITY_CONTACT": "sicherheit@example.org",
    "TRUSTED_PROXY_COUNT": "1",
}


def check_deploy(**overrides):
    environment = {**os.environ, **PRODUCTION_ENVIRONMENT, **overrides}
    # Set by the test run itself (conftest.py, for Playwright), never in production.
    for name in ("REQUIRE_POSTGRES", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(name, None)
    return subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )


def test_the_deploy_check_finds_nothing_in_production():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("secret", ["dev-only-insecure-key", "short"])
def test_production_refuses_to_start_with_a_weak_secret_key(secret):
    result = check_deploy(SECRET_KEY=secret)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_behind_varnish_refuses_to_start_without_trusted_proxies():
    """Otherwise every reader has Varnish's address: five wrong passwords for a colleague's
    name lock that colleague out everywhere, and all readers share one form rate limit."""
    result = check_deploy(FRONTEND_CACHE_URLS="http://varnish.internal:6091",
                          TRUSTED_PROXY_COUNT="0")
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr

    behind_varnish = check_deploy(FRONTEND_CACHE_URLS="http://varnish.internal:6091")
    assert behind_varnish.returncode == 0, behind_varnish.stdout + behind_varnish.stderr


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"SECURITY_CONTACT": ""}, "SECURITY_CONTACT"),
        ({"SECURITY_CONTACT": "", "DEFAULT_FROM_EMAIL": "redaktion@localhost"},
         "SECURITY_CONTACT"),
        ({"SECURITY_CONTACT": "redaktion@localhost"}, "placeholder"),
        ({"SECURITY_CONTACT": "http://example.org/sicherheit"}, "https://"),
        ({"WAGTAILADMIN_BASE_URL": "http://www.example.org"}, "WAGTAILADMIN_BASE_URL"),
        ({"WAGTAILADMIN_BASE_URL": "https://127.0.0.1:8000"}, "WAGTAILADMIN_BASE_URL"),
    ],
)
def test_production_refuses_to_ship_a_placeholder_security_txt(overrides, named):
    result = check_deploy(**overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and named in result.stderr


def test_check_deploy_names_the_same_problems_with_any_settings_module():
    result = check_deploy(DJANGO_SETTINGS_MODULE="siteconfig.settings.dev",
                          FRONTEND_CACHE_URLS="http://varnish.internal:6091",
                          TRUSTED_PROXY_COUNT="0", SECURITY_CONTACT="redaktion@localhost",
                          WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
    assert result.returncode != 0
    assert "security.E101" in result.stderr + result.stdout
    assert "security.E102" in result.stderr + result.stdout

"""The demo is for `make run`: it never reaches a production site, and never takes an account."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.tests.helpers import load_demo_as_make_run_does
from security.tests.test_deploy_checks import PRODUCTION_ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]


def manage_in_production(*args, **environment):
    env = {**os.environ, **PRODUCTION_ENVIRONMENT, **environment}
    for name in ("REQUIRE_POSTGRES", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEMO_CONTENT"):
        if name not in environment:
            env.pop(name, None)
    return subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )


def test_production_has_no_demo_command():
    result = manage_in_production("load_demo_content")
    assert result.returncode != 0
    assert "Unknown command: 'load_demo_content'" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    result = manage_in_production("check", REDIS_URL="")
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


def test_with_debug_off_the_demo_command_refuses(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_content", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.parametrize("password", ["", "demo-connective-2021"])
def test_with_debug_off_the_demo_needs_a_password_of_its_own(db, settings, monkeypatch,
                                                              password):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_PASSWORD", password)
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo_content", "--without-debug", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()


def test_loading_the_demo_again_keeps_every_existing_password(transactional_db):
    users = get_user_model().objects
    redaktion = users.create_user("redaktion", "r@example.org", "ihr-eigenes-passwort-2026")
    load_demo_as_make_run_does()
    load_demo_as_make_run_does()

    assert users.get(pk=redaktion.pk).check_password("ihr-eigenes-passwort-2026")
    assert users.get(username="autorin").check_password(
        os.environ.get("DEMO_PASSWORD") or "demo-connective-2021")

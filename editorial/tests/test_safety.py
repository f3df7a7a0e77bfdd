"""Wagtail's editorial safety stays on: comments, locking, concurrent-editing notices,
revisions and their comparison, live preview, and the content checks."""

import re

import pytest
from django.conf import settings

from .helpers import news_live

pytestmark = pytest.mark.django_db


def test_the_editorial_settings_are_on():
    assert settings.WAGTAIL_WORKFLOW_ENABLED is True
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is True
    assert settings.WAGTAILADMIN_COMMENTS_ENABLED is True
    assert settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL > 0
    assert settings.WAGTAILADMIN_BASE_URL
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False  # no request leaves the server
    assert 0 < settings.EDITORIAL_SCHEDULER_INTERVAL <= 60


def test_the_editor_offers_comments_preview_checks_and_concurrent_editing_notices(
    tree, redaktion_client
):
    page = news_live(tree.news_index, "Sicher bearbeiten")

    html = redaktion_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    side_panels = set(re.findall(r'data-side-panel="([a-z-]+)"', html))
    assert {"comments", "preview", "checks", "status"} <= side_panels
    assert "w-session" in html  # the editing-session controller behind "someone else is editing"
    assert f"/admin/pages/{page.pk}/lock/" in html


def test_revisions_can_be_compared_and_rolled_back(tree, redaktion_client):
    page = news_live(tree.news_index, "Erste Fassung")
    first = page.live_revision
    page.title = "Zweite Fassung"
    page.save_revision().publish()
    second = page.get_latest_revision()

    compare = redaktion_client.get(
        f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/"
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "Erste" in html and "Zweite" in html
    revert = redaktion_client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200
    assert 'value="Erste Fassung"' in revert.content.decode()


def test_locking_a_page_keeps_others_out(tree, redaktion_client, author_client, redaktion):
    page = news_live(tree.news_index, "Gesperrt")
    redaktion_client.post(f"/admin/pages/{page.pk}/lock/")
    page.refresh_from_db()
    assert page.locked and page.locked_by == redaktion

    from .helpers import news_form_data

    author_client.post(f"/admin/pages/{page.pk}/edit/", news_form_data(page, title="Übergangen"))
    page.refresh_from_db()
    assert page.draft_title == "Gesperrt"

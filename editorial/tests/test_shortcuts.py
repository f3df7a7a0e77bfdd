"""Dashboard shortcuts, and an admin that asks no other host for anything (no Gravatar)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db


def test_the_author_creates_news_videos_and_contacts_in_one_click(tree, author_client):
    from videos.models import VideoIndexPage

    html = author_client.get("/admin/").content.decode()
    video_index = VideoIndexPage.objects.get(locale=tree.news_index.locale)

    shortcuts = html[html.index('id="editorial-shortcuts"'):]
    assert f'href="/admin/pages/add/news/newspage/{tree.news_index.pk}/"' in shortcuts
    assert f'href="/admin/pages/add/videos/videopage/{video_index.pk}/"' in shortcuts
    assert 'href="/admin/snippets/core/contact/add/"' in shortcuts
    for label in ("Neue Nachricht", "Neues Video", "Neuer Kontakt"):
        assert label in shortcuts
    assert author_client.get(f"/admin/pages/add/news/newspage/{tree.news_index.pk}/"
                             ).status_code == 200


def test_someone_who_may_create_nothing_gets_no_shortcuts(tree, client):
    from .helpers import make_user

    user = make_user("lesend")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert 'id="editorial-shortcuts"' not in client.get("/admin/").content.decode()


def test_avatars_never_come_from_gravatar(tree, author_client):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert "gravatar" not in author_client.get("/admin/").content.decode()

"""A deploy never serves what the old release rendered: fragment keys hold the release (the
static manifest's hash), and one command drops every page from Varnish."""

import json
from pathlib import Path

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage, staticfiles_storage
from django.core.management import call_command

from caching import fragments
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "static"


@pytest.fixture
def manifest(tmp_path, monkeypatch):
    """`manifest(name)`: a release whose stylesheet is `name`, as collectstatic hashed it."""
    monkeypatch.delenv("RELEASE", raising=False)

    def release(stylesheet, *, new_release=True):
        paths = {str(path.relative_to(STATIC)): str(path.relative_to(STATIC))
                 for path in STATIC.rglob("*") if path.is_file()}
        paths["css/site.css"] = stylesheet
        (tmp_path / "staticfiles.json").write_text(json.dumps(
            {"version": "1.1", "paths": paths, "hash": stylesheet}))
        storage = ManifestStaticFilesStorage(location=tmp_path, base_url="/static/")
        storage.manifest_strict = False
        monkeypatch.setattr(staticfiles_storage, "_wrapped", storage)
        if new_release:  # a new process
            fragments.release.cache_clear()

    yield release
    fragments.release.cache_clear()


def test_a_new_static_manifest_changes_the_asset_urls_in_a_cached_page(
        site_tree, client, manifest):
    NewsPageFactory(parent=site_tree.news_index, title="Eine Meldung", slug="eine")
    manifest("css/site.1111.css")
    assert "/static/css/site.1111.css" in client.get("/aktuelles/eine/").content.decode()

    # The old release's page, head fragment and all, is in the cache…
    manifest("css/site.2222.css", new_release=False)
    assert "/static/css/site.1111.css" in client.get("/aktuelles/eine/").content.decode()
    # …but the next release never reads it.
    manifest("css/site.2222.css")
    page = client.get("/aktuelles/eine/").content.decode()
    assert "/static/css/site.2222.css" in page and "site.1111" not in page


def test_the_release_is_named_by_its_setting_first(monkeypatch):
    monkeypatch.setenv("RELEASE", "2026.12.1")
    fragments.release.cache_clear()
    try:
        assert fragments.key("x").split(":")[1] == "2026.12.1"
    finally:
        fragments.release.cache_clear()


def test_the_deploy_step_drops_every_page_from_varnish(settings, monkeypatch, capsys):
    from caching import frontend

    purged = []
    monkeypatch.setattr(frontend, "purge", lambda tags: purged.append(set(tags)) or [])
    settings.FRONTEND_CACHE_URLS = ["http://127.0.0.1:9"]
    call_command("retire_front_cache")
    assert purged == [{"all"}]
    assert "dropped" in capsys.readouterr().out

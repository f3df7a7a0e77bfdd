"""Anonymous readers never see a draft or a page in moderation, wherever they look."""

import pytest
from wagtail.models import Page

from .helpers import news_draft, news_form_data, news_live

pytestmark = pytest.mark.django_db

SECRET = "Geheimprojekt"


@pytest.fixture
def unpublished(tree, autorin, author_client):
    """A never-published draft, a new page in moderation, and a live page whose changes are in
    moderation; all tagged with the topic and carrying a word no live text has."""
    draft = news_draft(tree.news_index, f"{SECRET} Entwurf", user=autorin,
                       teaser=f"{SECRET} im Entwurf")
    draft.topics.set([tree.topic])
    draft.save_revision(user=autorin)

    data = news_form_data(title=f"{SECRET} in Prüfung", topics=[tree.topic],
                          body_text=f"{SECRET} wartet auf Freigabe")
    author_client.post(f"/admin/pages/add/news/newspage/{tree.news_index.pk}/",
                       {**data, "action-submit": "1"})
    in_moderation = Page.objects.get(title=f"{SECRET} in Prüfung").specific

    changed = news_live(tree.news_index, "Öffentliche Meldung")
    changed.topics.set([tree.topic])
    changed.save_revision().publish()
    data = news_form_data(changed, title=f"{SECRET} neu betitelt", topics=[tree.topic])
    author_client.post(f"/admin/pages/{changed.pk}/edit/", {**data, "action-submit": "1"})
    changed.refresh_from_db()

    assert not draft.live and not in_moderation.live
    assert in_moderation.workflow_in_progress and changed.workflow_in_progress
    assert changed.live and changed.title == "Öffentliche Meldung"
    return {"draft": draft, "in_moderation": in_moderation, "changed": changed}


def test_the_page_itself_is_not_found(client, unpublished):
    for key in ("draft", "in_moderation"):
        page = unpublished[key]
        assert client.get(f"/aktuelles/{page.slug}/").status_code == 404

    live = client.get(unpublished["changed"].url)
    assert live.status_code == 200
    assert SECRET not in live.content.decode()


def test_listings_show_only_what_is_live(client, tree, unpublished):
    for url in (tree.news_index.url, tree.topic.url, tree.home.url):
        html = client.get(url).content.decode()
        assert SECRET not in html, url
    assert "Öffentliche Meldung" in client.get(tree.news_index.url).content.decode()


def test_feeds_carry_no_draft(client, tree, unpublished):
    for listing in (tree.news_index, tree.topic):
        for kind in ("rss", "atom"):
            response = client.get(f"{listing.url}feed/{kind}/")
            assert response.status_code == 200
            xml = response.content.decode()
            assert "Öffentliche Meldung" in xml, listing.url
            assert SECRET not in xml, listing.url


def test_search_finds_no_draft(client, unpublished):
    found = client.get("/suche/", {"q": "Öffentliche"}).content.decode()
    assert unpublished["changed"].url in found  # search works, and finds the live version

    html = client.get("/suche/", {"q": SECRET}).content.decode()
    for title in (f"{SECRET} Entwurf", f"{SECRET} in Prüfung", f"{SECRET} neu betitelt"):
        assert title not in html
    for key in ("draft", "in_moderation"):
        assert f"/{unpublished[key].slug}/" not in html


def test_related_content_of_another_page_shows_no_draft(client, tree, unpublished):
    neighbour = news_live(tree.news_index, "Nachbarmeldung")
    neighbour.topics.set([tree.topic])
    neighbour.save_revision().publish()

    html = client.get(neighbour.url).content.decode()
    assert "Öffentliche Meldung" in html  # the live item on the same topic is related
    assert SECRET not in html


def test_the_sitemap_lists_no_draft(client, unpublished):
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert unpublished["changed"].slug in xml
    for key in ("draft", "in_moderation"):
        assert unpublished[key].slug not in xml
    assert SECRET.lower() not in xml.lower()

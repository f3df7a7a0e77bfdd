"""What browsers and shared caches are told about each class of URL."""

import pytest
from django.contrib.auth import get_user_model
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from news.factories import NewsPageFactory
from pages.factories import FeedbackFormPageFactory
from topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    topic = TopicPageFactory(parent=site_tree.topic_index, title="Klimaschutz")
    return NewsPageFactory(parent=site_tree.news_index, title="Die Meldung", topics=[topic])


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    client.force_login(user)
    return user


def never_stored(response):
    """private and no-store, whether set by us or by a view's never_cache."""
    return {"private", "no-store"} <= directives(response)


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


PUBLIC_URLS = [
    "/", "/en/", "/aktuelles/", "/aktuelles/?page=2", "/en/news/", "/themen/",
    "/aktuelles/die-meldung/", "/aktuelles/feed/rss/", "/en/news/feed/atom/",
    "/suche/?q=Meldung", "/sitemap.xml",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_may_be_shared_and_vary_on_nothing_per_reader(news, client, url):
    response = client.get(url)

    assert response.status_code == 200, url
    assert directives(response) == {"public", "max-age=60", "s-maxage=300"}
    assert not vary(response) & {"cookie", "accept-language"}
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert not response.cookies


def test_shared_caches_keep_pages_long_when_a_front_cache_is_purged(news, client, settings):
    settings.FRONTEND_CACHE_URLS = ["http://127.0.0.1:9"]
    assert directives(client.get("/aktuelles/")) == {"public", "max-age=60", "s-maxage=86400"}


def test_readers_without_a_session_get_no_user_bar(news, client):
    response = client.get("/aktuelles/die-meldung/")

    assert b"wagtail-userbar" not in response.content
    assert "sessionid" not in response.cookies


def test_editors_see_the_user_bar_on_a_private_copy(news, client, editor):
    response = client.get("/aktuelles/die-meldung/")

    assert b"wagtail-userbar" in response.content
    assert never_stored(response)
    assert not response.has_header("ETag")


def test_a_session_cookie_alone_makes_the_response_private(news, client):
    client.cookies["sessionid"] = "abgelaufen"
    response = client.get("/aktuelles/")

    assert response.status_code == 200
    assert never_stored(response)


@pytest.mark.parametrize("url", ["/admin/", "/admin/login/"])
def test_the_admin_is_never_stored(news, client, url):
    assert never_stored(client.get(url))


def test_previews_are_never_stored(news, client, editor):
    response = client.get(f"/admin/pages/{news.pk}/view_draft/")

    assert response.status_code == 200
    assert never_stored(response)


def test_the_feedback_form_with_its_timestamp_is_never_stored(site_tree, client):
    FeedbackFormPageFactory(parent=site_tree.home, slug="feedback")
    response = client.get("/feedback/")

    assert response.status_code == 200
    assert never_stored(response)


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD,
                                         PageViewRestriction.LOGIN])
def test_restricted_pages_are_never_stored(news, client, restriction):
    PageViewRestriction.objects.create(page=news, restriction_type=restriction, password="geheim")
    response = client.get("/aktuelles/die-meldung/")

    assert response.status_code in {200, 302}
    assert never_stored(response)
    assert b"Die Meldung</h1>" not in response.content


def test_a_page_behind_a_password_stays_private_once_unlocked(news, client):
    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    client.post(f"/_util/authenticate_with_password/{restriction.pk}/{news.pk}/",
                {"password": "geheim", "return_url": "/aktuelles/die-meldung/"})
    response = client.get("/aktuelles/die-meldung/")

    assert response.status_code == 200
    assert b"Die Meldung" in response.content
    assert never_stored(response)


def test_posts_are_never_stored(news, client):
    assert never_stored(client.post("/aktuelles/"))


def test_missing_pages_are_kept_only_briefly(site_tree, client):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert directives(response) == {"public", "max-age=60", "s-maxage=300"}


def test_a_second_request_with_the_etag_gets_304(news, client):
    first = client.get("/aktuelles/die-meldung/")
    again = client.get("/aktuelles/die-meldung/", headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert directives(again) == directives(first)


def test_if_modified_since_gets_304_until_something_is_published(news, client):
    first = client.get("/aktuelles/")
    since = first["Last-Modified"]

    assert client.get("/aktuelles/", headers={"If-Modified-Since": since}).status_code == 304

    NewsPageFactory(parent=news.get_parent(), title="Neu").save_revision().publish()
    later = http_date(0)  # any copy older than the publication is stale
    assert client.get("/aktuelles/", headers={"If-Modified-Since": later}).status_code == 200


def test_pages_name_what_they_show_for_varnish_to_purge_by(news, client):
    from caching import tags

    topic = news.topics.get()
    item = set(client.get("/aktuelles/die-meldung/")["xkey"].split())
    assert {tags.ALL, tags.page(news.pk), tags.topic(topic.translation_key)} <= item
    assert tags.page(topic.pk) in item  # its topic's link
    index = set(client.get("/aktuelles/")["xkey"].split())
    assert {tags.page(news.pk), tags.NEWS} <= index
    hub = set(client.get(topic.url)["xkey"].split())
    assert {tags.page(news.pk), tags.topic(topic.translation_key)} <= hub
    # A warm page names the same as a cold one: its fragments keep their tags.
    assert set(client.get("/aktuelles/die-meldung/")["xkey"].split()) == item


def test_public_pages_cost_no_query_for_caching(news, client, django_assert_max_num_queries):
    client.get("/aktuelles/die-meldung/")  # warm Wagtail's site cache
    with django_assert_max_num_queries(40) as queries:
        client.get("/aktuelles/die-meldung/")
    assert not [q for q in queries.captured_queries if "session" in q["sql"].lower()]


def test_a_page_made_while_something_it_shows_was_published_is_shared_for_a_second_only(
        news, client, monkeypatch):
    """It may show what was there before the publication (here: a new item of its topic in its
    related content), after the front cache's purge."""
    from news.models import NewsPage

    original = NewsPage.get_context

    def published_meanwhile(page, request, *args, **kwargs):
        context = original(page, request, *args, **kwargs)
        NewsPageFactory(parent=news.get_parent(), title="Inzwischen",
                        topics=list(news.topics.all())).save_revision().publish()
        return context

    monkeypatch.setattr(NewsPage, "get_context", published_meanwhile)
    during = client.get("/aktuelles/die-meldung/")
    monkeypatch.setattr(NewsPage, "get_context", original)
    after = client.get("/aktuelles/die-meldung/")

    assert during.status_code == 200
    assert directives(during) == {"public", "max-age=0", "s-maxage=1"}
    assert "public" in directives(after) and "s-maxage=1" not in directives(after)


def test_a_cache_that_is_down_costs_readers_nothing_but_speed(news, client, settings, caplog):
    """Redis unreachable: pages still answer, rendered in full, and shared caches keep them
    only briefly (no version can be read, so a change cannot be ruled out)."""
    settings.CACHES = {"default": {
        "BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }}
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = "caching.redis"

    response = client.get("/aktuelles/die-meldung/")

    assert response.status_code == 200
    assert "Die Meldung" in response.content.decode()
    assert "s-maxage=1" in directives(response)
    assert any(record.name == "caching.redis" for record in caplog.records)

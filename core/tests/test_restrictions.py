"""Privacy settings are read once per content version, and still protect every private page:
the section itself, its children, and aliases of its pages elsewhere in the tree."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.restrictions import may_be_private, public_q
from news.factories import NewsPageFactory
from pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def restrict(page):
    return PageViewRestriction.objects.create(page=page,
                                              restriction_type=PageViewRestriction.LOGIN)


def asks_for_login(client, url):
    response = client.get(url)
    return response.status_code == 302 and "login" in response["Location"]


def test_a_public_page_is_served_without_reading_privacy_settings(
        site_tree, django_assert_num_queries):
    news = NewsPageFactory(parent=site_tree.news_index)
    restrict(StandardPageFactory(parent=site_tree.home))
    news.get_view_restrictions()  # reads the private sections once

    with django_assert_num_queries(0):
        assert list(news.get_view_restrictions()) == []


def test_a_section_made_private_asks_for_a_login_at_once(site_tree, client):
    section = StandardPageFactory(parent=site_tree.home, title="Intern", slug="intern")
    child = StandardPageFactory(parent=section, title="Protokoll", slug="protokoll")
    assert client.get(child.url).status_code == 200  # cached: no private section

    restriction = restrict(section)

    assert asks_for_login(client, section.url)
    assert asks_for_login(client, child.url)

    restriction.delete()
    assert client.get(child.url).status_code == 200


def test_an_alias_of_a_private_page_is_private_too(site_tree, client):
    section = StandardPageFactory(parent=site_tree.home, title="Intern", slug="intern")
    page = StandardPageFactory(parent=section, title="Protokoll", slug="protokoll")
    alias = page.create_alias(parent=site_tree.home, update_slug="protokoll-kopie")
    assert client.get(alias.url).status_code == 200

    restrict(page)

    assert may_be_private(Page.objects.get(pk=alias.pk))
    assert asks_for_login(client, alias.url)


def test_public_pages_are_those_wagtail_calls_public(site_tree):
    section = StandardPageFactory(parent=site_tree.home, title="Intern", slug="intern")
    StandardPageFactory(parent=section)
    restrict(section)
    restrict(NewsPageFactory(parent=site_tree.news_index))
    NewsPageFactory(parent=site_tree.news_index)

    cached = set(Page.objects.filter(public_q()).values_list("pk", flat=True))
    assert cached == set(Page.objects.public().values_list("pk", flat=True))
    assert section.pk not in cached

"""The demo site as a newcomer meets it after `make run`."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Revision, Site

from core.models import Author, Contact
from demo import notice
from demo.tests.helpers import load_demo_as_make_run_does
from news.models import NewsPage
from topics.models import TopicPage

NOTICE_DE = f"/aktuelles/{notice.SLUG}/"
# The English slug is made from the English title when the translation is saved.
NOTICE_EN = "/en/news/connective-cities-covid-19-programme-2021/"


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(scope="module")
def _demo_site_once(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it takes seconds), inside a transaction that is
    rolled back afterwards, so other modules never see it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo_as_make_run_does()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo_site(_demo_site_once, db):
    return None


def test_loading_twice_changes_nothing(demo_site):
    counts = (Page.objects.count(), Revision.objects.count(), Contact.objects.count(),
              Author.objects.count(), get_user_model().objects.count())
    load_demo_as_make_run_does()
    assert counts == (Page.objects.count(), Revision.objects.count(), Contact.objects.count(),
                      Author.objects.count(), get_user_model().objects.count())


def test_demo_accounts_use_the_demo_password(demo_site):
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for username, group in [("redaktion", "Redaktion"), ("autorin", "Autorinnen und Autoren"),
                            ("translator-en", "Übersetzung EN")]:
        user = users.get(username=username)
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group]
    for username in ["admin", "redaktion", "autorin", "translator-en"]:
        assert users.get(username=username).check_password("demo-connective-2021")


def test_the_home_page_links_to_the_notice(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    assert f'href="{NOTICE_DE}"'.encode() in response.content


def test_the_german_notice_shows_its_text_verbatim(client, demo_site):
    response = client.get(NOTICE_DE)
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    assert '<html lang="de"' in html
    assert '<time datetime="2021-07-27">27.07.2021</time>' in html
    assert html.count("<h1") == 1
    for paragraph in [notice.TITLE, notice.SUBTITLE, notice.INTRO, notice.FOCUS_LEAD,
                      notice.MORE_INFO, notice.CTA_TITLE, *notice.CTA_TEXT]:
        assert " ".join(paragraph.split()) in text.replace("&amp;", "&").replace("&#x27;", "'")


def test_the_german_notice_links_its_seven_focus_areas(client, demo_site):
    html = client.get(NOTICE_DE).content.decode()
    for area in notice.FOCUS_AREAS:
        topic = TopicPage.objects.get(title=area, locale__language_code="de")
        assert f'<a href="{topic.url}">{area.replace("&", "&amp;")}</a>' in html


def test_the_german_notice_shows_contacts_video_placeholder_and_byline(client, demo_site):
    html = client.get(NOTICE_DE).content.decode()
    # Addresses may wrap only between their parts (<wbr>), never mid-word.
    assert "paulina.koschmieder(at)giz.de" in html.replace("<wbr>", "")
    assert "thiago.garcia(at)engagement-global.de" in html.replace("<wbr>", "")
    assert "paulina.koschmieder@giz.de" not in html
    assert "data-video-consent" in html
    assert "youtube-nocookie.com/embed/" in html
    assert "<iframe" not in html
    assert "Redaktion Connective Cities" in html
    assert "erstellt von:" in html
    assert 'href="#top"' in html


def test_the_english_notice_is_a_translation_in_english(client, demo_site):
    response = client.get(NOTICE_EN)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert '<time datetime="2021-07-27">27 July 2021</time>' in html
    assert "Connective Cities COVID-19 Programme 2021" in html
    assert "Connective Cities editorial team" in html
    assert "Crisis management" in html
    assert "Pandemiefolgen" not in html
    german = NewsPage.objects.get(slug=notice.SLUG, locale__language_code="de")
    english = NewsPage.objects.get(translation_key=german.translation_key,
                                   locale__language_code="en")
    assert english.url == NOTICE_EN
    root_url = Site.objects.get(is_default_site=True).root_url
    assert f'hreflang="de" href="{root_url}{NOTICE_DE}"' in html
    assert f'hreflang="en" href="{root_url}{NOTICE_EN}"' in html
    assert f'rel="canonical" href="{root_url}{NOTICE_EN}"' in html


def test_a_german_only_news_item_has_no_english_url(client, demo_site):
    assert client.get("/aktuelles/hitzeschutz-in-der-stadt/").status_code == 200
    assert client.get("/en/news/hitzeschutz-in-der-stadt/").status_code == 404
    english_index = client.get("/en/news/").content.decode()
    assert "hitzeschutz" not in english_index
    assert "Digital public services in the crisis" in english_index


def test_english_pages_have_english_addresses(client, demo_site):
    english = {page.url for page in Page.objects.live().filter(locale__language_code="en")}
    assert {
        "/en/", "/en/news/", "/en/topics/", "/en/videos/", NOTICE_EN,
        "/en/news/digital-public-services-in-the-crisis/",
        "/en/topics/crisis-management/", "/en/topics/local-economy-industry/",
        "/en/imprint/", "/en/privacy/", "/en/accessibility-statement/",
    } <= english
    assert not [url for url in english if re.search("aktuelles|themen|impressum|programm-", url)]
    for url in ["/en/news/", "/en/topics/", "/en/imprint/", NOTICE_EN]:
        assert client.get(url).status_code == 200, url


def test_every_page_in_the_sitemap_has_a_meta_description(client, demo_site):
    """Search engines show it under the title; Lighthouse's SEO audit wants it everywhere."""
    def locations(path):
        xml = client.get(path).content.decode()
        return re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", xml)

    urls = [url for part in locations("/sitemap.xml") for url in locations(part)]
    assert len(urls) > 20
    missing, too_long = [], []
    for url in urls:
        html = client.get(url).content.decode()
        match = re.search(r'<meta name="description" content="([^"]*)"', html)
        if not match or not match.group(1).strip():
            missing.append(url)
        elif len(match.group(1)) > 200:  # 160 characters, once escaped
            too_long.append(url)
    assert not missing and not too_long

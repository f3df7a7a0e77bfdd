"""What the Redaktion finds after importing the small tx_news archive, from MariaDB and from
PostgreSQL: pages, translations, images, links, topics and the report."""

import datetime

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from conftest import build_site_tree
from core.tests.helpers import soup
from news.models import NewsPage
from news.tests.helpers import built_once, fresh
from topics.models import TopicPage
from typo3import import fixtures
from typo3import.importer import IMPORT_USERNAME
from typo3import.models import ImportedRecord

from .helpers import OLD_SITE, page_of, run_import, warnings_for

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _imported_once(typo3, django_db_setup, django_db_blocker, tmp_path_factory):
    url, public_root = typo3

    def build():
        tree = build_site_tree()
        tree.report = run_import(url, public_root, tmp_path_factory.mktemp("report"))
        tree.url, tree.public_root = url, public_root
        return tree

    with built_once(django_db_blocker, build) as tree:
        yield tree


@pytest.fixture
def imported(_imported_once, db):
    return fresh(_imported_once)


def test_the_notice_is_live_with_its_original_date_subtitle_byline_and_topics(imported):
    notice = page_of(1)
    assert isinstance(notice, NewsPage) and notice.live
    assert notice.title == fixtures.NOTICE_TITLE
    assert notice.slug == fixtures.NOTICE_SLUG
    assert notice.subtitle == fixtures.NOTICE_SUBTITLE
    assert notice.date == datetime.date(2021, 7, 27)
    assert notice.first_published_at == datetime.datetime(2021, 7, 27, 9, tzinfo=datetime.UTC)
    assert notice.search_description == "Das COVID-19 Programm 2021 von Connective Cities."
    assert notice.byline.name == "Redaktion Connective Cities"
    assert notice.get_parent().pk == imported.news_index.pk
    assert sorted(topic.title for topic in notice.topics.all()) == ["Krisenmanagement",
                                                                    "Städte"]
    assert [link.related_page_id for link in notice.related_links.all()] == [page_of(2).pk]


def test_the_preview_image_is_the_lead_image_with_alt_text_caption_and_credit(imported):
    notice = page_of(1)
    assert notice.lead_image is not None
    assert notice.lead_image_alt == "Teilnehmende eines Workshops an einem Tisch"
    assert notice.lead_image_caption == "Praktikerinnen und Praktiker im Austausch"
    assert notice.lead_image_credit == "GIZ / Connective Cities"
    images = [block.value for block in notice.body if block.block_type == "image"]
    assert [image["caption"] for image in images] == ["Straßenszene in Köln"]
    assert images[0]["credit"] == "Stadt Köln"
    assert "image 2 has no alternative text" in warnings_for(imported.report, 1)


def test_each_file_is_imported_once_by_its_checksum(imported):
    assert get_image_model().objects.count() == 2
    assert page_of(2).lead_image_id == page_of(1).lead_image_id  # the copy of the same file
    assert imported.report.counts["images"] == {"created": 2, "reused": 1}
    assert get_document_model().objects.count() == 1
    downloads = [block.value for block in page_of(1).body if block.block_type == "document"]
    assert downloads[0]["title"] == "Programmheft 2021 (PDF)"


def test_the_body_keeps_headings_lists_emphasis_and_links_but_not_typo3_markup(imported,
                                                                              client):
    notice = page_of(1)
    response = client.get(notice.url)
    article = soup(response).find("main")
    html = str(article)
    assert "Werden Sie Teil des diesjährigen COVID-19 Programms!" in [
        heading.get_text(strip=True) for heading in article.find_all("h2")]
    assert len(article.select("ul li")) >= 7
    assert article.find("b", string="thematische Schwerpunkte") or article.find(
        "strong", string="thematische Schwerpunkte")
    for gone in ("bodytext", "<font", "alert(", "style="):
        assert gone not in html
    hrefs = [a["href"] for a in article.find_all("a", href=True)]
    assert f"{OLD_SITE}/index.php?id=12" in hrefs
    assert page_of(2).url in hrefs
    assert any("programmheft-2021" in href for href in hrefs)
    messages = warnings_for(imported.report, 1)
    assert "<script> removed" in messages and "<font> removed" in messages
    assert "link to TYPO3 page 12 points at the old site" in messages


def test_old_link_tags_become_internal_document_and_external_links(imported):
    report_page = page_of(2)
    stored = "".join(str(block.value.source) for block in report_page.body
                     if block.block_type == "rich_text")
    assert f'<a id="{page_of(1).pk}" linktype="page">Programm 2021</a>' in stored
    document = get_document_model().objects.get()
    assert f'<a id="{document.pk}" linktype="document">Programmheft</a>' in stored
    assert '<a href="https://www.example.org/staedte">unseren Partnern</a>' in stored
    assert f'<a href="{OLD_SITE}/index.php?id=42">Überblick</a>' in stored
    assert "<p>Köln | 120</p>" in stored  # the table, row by row
    assert "<i>Erstens</i>" in stored and "<b>Zweitens</b>" in stored


def test_images_in_the_text_become_image_blocks_in_both_languages(imported):
    def text_images(page):
        return [block.value for block in page.body if block.block_type == "image"]

    german = text_images(page_of(2))
    assert german[0]["alt_text"] == "Eine Straße in Köln"
    assert text_images(page_of(4, "en"))[0]["alt_text"] == "A street in Cologne"
    assert get_image_model().objects.count() == 2  # the same file as the notice's


def test_content_elements_become_blocks_and_unknown_ones_are_reported(imported):
    kinds = [block.block_type for block in page_of(2).body]
    assert kinds.count("heading") >= 3  # the text, uploads and table elements' headers
    assert "image" in kinds and "document" in kinds
    assert "unknown content element “shortcut” skipped" in warnings_for(
        imported.report, 6, table="tt_content")


def test_the_english_record_is_the_translation_of_the_german_page(imported, client):
    german, english = page_of(1), page_of(3, "en")
    assert english.translation_key == german.translation_key
    assert english.locale.language_code == "en" and english.live
    assert english.title == fixtures.NOTICE_TITLE_EN
    assert english.slug == "connective-cities-covid-19-programme-2021"
    assert english.lead_image_alt == "Workshop participants at a table"
    assert english.lead_image_id == german.lead_image_id
    response = client.get(english.url)
    assert english.url.startswith("/en/")
    assert "Become part of this year’s COVID-19 programme!" in response.content.decode()
    hrefs = [a["href"] for a in soup(response).find("main").find_all("a", href=True)]
    assert page_of(4, "en").url in hrefs  # the English report, not the German one


def test_imported_translations_are_up_to_date_in_the_translation_status(imported, admin_client):
    from translation.tests.status_support import report, row

    rows = report(admin_client, language="en")
    assert row(rows, fixtures.NOTICE_TITLE).status == "up_to_date"
    assert row(rows, "Bericht aus Städten: Straßen, Müll und Grünflächen").status == "up_to_date"


def test_categories_become_topic_hubs_in_both_languages(imported):
    cities = TopicPage.objects.get(title="Städte")
    assert cities.slug == "staedte" and cities.live
    english = cities.get_translation(imported.en)
    assert english.title == "Cities"
    assert not TopicPage.objects.filter(title="Gelöschte Kategorie").exists()


def test_hidden_expired_scheduled_restricted_and_deleted_records(imported):
    assert not page_of(5).live  # hidden: a draft
    assert not page_of(10).live  # expired: a draft, reported
    assert "expired (endtime passed): imported as a draft" in warnings_for(imported.report, 10)
    scheduled = page_of(7)
    assert not scheduled.live
    revision = scheduled.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert revision.approved_go_live_at > timezone.now()
    assert not ImportedRecord.objects.filter(uid__in=[6, 9], kind="news").exists()
    assert "access-restricted (fe_group): skipped" in warnings_for(imported.report, 9)
    assert {"table": "tx_news_domain_model_news", "uid": 12,
            "reason": "empty title"} in imported.report.failures


def test_link_items_become_pages_linking_to_their_target(imported):
    external = page_of(8)
    assert 'href="https://www.giz.de/de/"' in str(external.body[0].value.source)
    assert "type 2 item (a link only) became a page that links to its target" in warnings_for(
        imported.report, 8)


def test_a_missing_file_is_reported_and_the_page_still_imported(imported):
    page = page_of(11)
    assert page.live and page.lead_image is None
    assert page.slug == "staedte-oeffnen-raeume"  # no path_segment: made from the title
    assert "file 4 (/user_upload/news/fehlt.jpg) is missing" in warnings_for(imported.report, 11)


def test_the_import_user_is_named_in_the_audit_log(imported):
    entries = PageLogEntry.objects.filter(page=page_of(1))
    assert {entry.user.username for entry in entries} == {IMPORT_USERNAME}
    assert {"wagtail.create", "wagtail.publish"} <= {entry.action for entry in entries}


def test_a_second_run_without_changes_writes_nothing(imported, tmp_path):
    counts = (Revision.objects.count(), get_image_model().objects.count(),
              PageLogEntry.objects.count(), ImportedRecord.objects.count())
    from wagtail.contrib.redirects.models import Redirect

    redirects = list(Redirect.objects.values_list("pk", "old_path", "redirect_page_id"))
    again = run_import(imported.url, imported.public_root, tmp_path)
    assert (Revision.objects.count(), get_image_model().objects.count(),
            PageLogEntry.objects.count(), ImportedRecord.objects.count()) == counts
    assert list(Redirect.objects.values_list("pk", "old_path", "redirect_page_id")) == redirects
    assert set(again.counts["pages"]) <= {"unchanged", "skipped"}
    assert set(again.counts["translations"]) == {"unchanged"}


def test_a_changed_record_gets_a_new_revision_and_its_translation_becomes_outdated(
        imported, tmp_path, admin_client):
    from translation.tests.status_support import report, row
    from typo3import.fixtures import Writer

    writer = Writer(imported.url)
    writer.execute("UPDATE `tx_news_domain_model_news` SET teaser = %s WHERE uid = 2",
                   ("Neuer Vorspann mit Umlauten: Übergänge.",))
    writer.close()
    try:
        again = run_import(imported.url, imported.public_root, tmp_path)
        page = page_of(2)
        assert page.teaser == "Neuer Vorspann mit Umlauten: Übergänge."
        assert again.counts["pages"]["updated"] == 1
        title = "Bericht aus Städten: Straßen, Müll und Grünflächen"
        assert row(report(admin_client, language="en"), title).status == "outdated"
    finally:
        writer = Writer(imported.url)
        writer.execute("UPDATE `tx_news_domain_model_news` SET teaser = %s WHERE uid = 2",
                       ("Kommunen aus Südamerika und Deutschland tauschen sich aus.",))
        writer.close()


# --- Old URLs ------------------------------------------------------------------------------

NOTICE_DETAIL = ("tx_news_pi1[news]=1&tx_news_pi1[controller]=News&tx_news_pi1[action]=detail"
                 "&cHash=3f1c2a9e0b7d4c55")


@pytest.mark.parametrize("old_url", [
    f"/?{NOTICE_DETAIL}",
    "/index.php?id=5&tx_news_pi1%5Bnews%5D=1&tx_news_pi1%5Bcontroller%5D=News"
    "&tx_news_pi1%5Baction%5D=detail&cHash=3f1c2a9e0b7d4c55",
    f"/aktuelles/detail/?{NOTICE_DETAIL}",
    "/aktuelles/?tx_news_pi1%5bnews%5d=1",
])
def test_an_old_detail_url_answers_301_to_the_imported_page(imported, client, old_url,
                                                            django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == page_of(1).url


@pytest.mark.parametrize(("old_url", "uid", "language"), [
    ("/?tx_news_pi1%5Bnews%5D=1&L=1&cHash=abc", 3, "en"),
    ("/en/?tx_news_pi1[news]=3", 3, "en"),  # the English record itself
    ("/?tx_news_pi1[news]=2&L=1", 4, "en"),
    ("/?tx_news_pi1[news]=2&L=0", 2, "de"),
])
def test_english_old_urls_answer_with_the_english_page(imported, client, old_url, uid,
                                                       language):
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == page_of(uid, language).url


def test_an_old_category_list_url_answers_with_the_topic_hub(imported, client):
    cities = TopicPage.objects.get(title="Städte")
    response = client.get("/aktuelles/?tx_news_pi1%5BoverwriteDemand%5D%5Bcategories%5D=1")
    assert response.status_code == 301 and response["Location"] == cities.url
    response = client.get("/?tx_news_pi1[overwriteDemand][categories]=1&L=1")
    assert response["Location"] == cities.get_translation(imported.en).url


@pytest.mark.parametrize("news", ["999", "5", "abc", "9"])  # unknown, hidden, junk, restricted
def test_old_urls_of_records_not_on_the_site_are_not_found(imported, client, news):
    assert client.get(f"/aktuelles/detail/?tx_news_pi1[news]={news}").status_code == 404
    assert client.get(f"/?tx_news_pi1[news]={news}").status_code == 200  # the home page


def test_an_old_url_redirect_is_cached_as_a_missing_answer_of_its_page(imported, client):
    response = client.get(f"/?{NOTICE_DETAIL}")
    assert response.status_code == 301
    assert "public" in response["Cache-Control"]
    keys = response["xkey"].split()
    assert "missing" in keys and f"p{page_of(1).pk}" in keys


def test_speaking_urls_redirect_to_the_page_and_follow_it_when_it_moves(imported, client):
    from wagtail.contrib.redirects.models import Redirect

    notice = page_of(1)
    old = f"/aktuelles/detail/{fixtures.NOTICE_SLUG}"
    redirect = Redirect.objects.get(old_path=old)
    assert redirect.redirect_page_id == notice.pk and redirect.is_permanent
    response = client.get(old + "/")
    assert response.status_code == 301 and response["Location"].endswith(notice.url)
    english = page_of(3, "en")
    response = client.get("/en/news/detail/connective-cities-covid-19-programme-2021")
    assert response.status_code == 301 and response["Location"].endswith(english.url)

    notice.slug = "covid-19-programm-2021"
    notice.save_revision().publish()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith("/covid-19-programm-2021/")


def test_keywords_and_tags_become_search_keywords(imported):
    assert page_of(1).search_keywords == "COVID-19, Pandemie, Städtepartnerschaft"
    assert page_of(3, "en").search_keywords == "COVID-19, pandemic"


def test_a_record_gone_from_typo3_is_reported_and_its_page_kept(imported, tmp_path):
    from typo3import.fixtures import Writer

    writer = Writer(imported.url)
    writer.execute("UPDATE `tx_news_domain_model_news` SET deleted = 1 WHERE uid = 13")
    writer.close()
    try:
        again = run_import(imported.url, imported.public_root, tmp_path)
    finally:
        writer = Writer(imported.url)
        writer.execute("UPDATE `tx_news_domain_model_news` SET deleted = 0 WHERE uid = 13")
        writer.close()
    assert "no longer in the source (deleted there); the page is kept" in warnings_for(again, 13)
    assert page_of(13).live

"""Listings sort on a stored, indexed date: kept in step when pages are published, shared by
translations, rebuilt after bulk imports, and used by PostgreSQL's plans at 10,000 items."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core.factories import translate_page
from core.listing import mixed_listing
from core.listing_dates import refresh_all
from core.models import ListingDate
from news.factories import NewsPageFactory
from news.models import NewsPage
from pages.models import StandardPage
from videos.factories import VideoPageFactory

pytestmark = pytest.mark.django_db

MORNING = datetime.datetime(2021, 7, 27, 7, 30, tzinfo=datetime.UTC)


def stored(page):
    row = ListingDate.objects.get(page=page)
    return row.listing_date, row.first_published


def test_a_news_item_is_listed_by_its_date_and_a_video_by_its_first_publication(site_tree):
    news = NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 7, 27))
    video = VideoPageFactory(parent=site_tree.video_index, first_published_at=MORNING)
    assert stored(news)[0] == datetime.date(2021, 7, 27)
    assert stored(video) == (timezone.localdate(MORNING), MORNING)


def test_a_translation_sorts_where_its_source_does(site_tree):
    video = VideoPageFactory(parent=site_tree.video_index, first_published_at=MORNING)
    english = translate_page(video, title="Film")
    # The English page went live today, but it is the same video as the German one.
    assert english.first_published_at > MORNING
    assert stored(english) == stored(video) == (timezone.localdate(MORNING), MORNING)


def test_publishing_a_new_date_moves_the_item_in_every_language(site_tree):
    news = NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 7, 27))
    english = translate_page(news, title="News")
    news.date = datetime.date(2020, 1, 2)
    news.save_revision().publish()
    assert stored(news)[0] == stored(english)[0] == datetime.date(2020, 1, 2)


def test_a_draft_has_no_listing_date_until_it_is_published(site_tree):
    draft = NewsPageFactory(parent=site_tree.news_index, live=False, first_published_at=None,
                            last_published_at=None)
    assert not ListingDate.objects.filter(page=draft).exists()
    draft.save_revision().publish()
    assert ListingDate.objects.filter(page=draft).exists()


def test_refresh_rebuilds_what_bulk_imports_left_out(site_tree):
    news = NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 7, 27))
    expected = stored(news)
    ListingDate.objects.all().delete()
    assert refresh_all() == Page.objects.exclude(first_published_at=None).count()
    assert stored(news) == expected


def test_listings_order_by_the_stored_date(site_tree):
    older = NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 1, 1))
    newer = NewsPageFactory(parent=site_tree.news_index, dated=datetime.date(2021, 6, 1))
    video = VideoPageFactory(parent=site_tree.video_index,
                             first_published_at=datetime.datetime(2021, 3, 1, tzinfo=datetime.UTC))
    items = list(mixed_listing(Page.objects.type_q(NewsPage)
                               | Page.objects.type_q(type(video))))
    assert [item.pk for item in items] == [newer.pk, video.pk, older.pk]
    assert items[0].listing_date == datetime.date(2021, 6, 1)


# --- Plans at 10,000 items (PostgreSQL) ---------------------------------------------------------

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Query plans are checked on PostgreSQL (CI)."
)


def bulk_news(index, count):
    """`count` live German news items below `index`, with their listing dates, in bulk (tree
    paths computed here; Page.save is bypassed on purpose, as a bulk import would)."""
    content_type = ContentType.objects.get_for_model(NewsPage)
    start = index.numchild
    pages = []
    for number in range(count):
        position = start + number + 1
        published = MORNING - datetime.timedelta(hours=number)
        pages.append(Page(
            title=f"Meldung {number}", draft_title=f"Meldung {number}", slug=f"m-{number}",
            content_type=content_type, locale_id=index.locale_id, live=True,
            path=Page._get_path(index.path, index.depth + 1, position),
            depth=index.depth + 1, url_path=f"{index.url_path}m-{number}/",
            first_published_at=published, last_published_at=published,
        ))
    Page.objects.bulk_create(pages, batch_size=2000)
    Page.objects.filter(pk=index.pk).update(numchild=start + count)
    refresh_all()


def explain(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@requires_postgres
@pytest.mark.parametrize("analyzed", [False, True])
def test_the_first_page_of_a_listing_sorts_on_the_index_at_10000_items(site_tree, analyzed):
    bulk_news(site_tree.news_index, 10_000)
    if analyzed:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    listing = site_tree.news_index.specific.listing_items()
    plan = explain(listing[:10])
    # Never a subquery per row (the old "first publication in any language" sort was one).
    assert "SubPlan" not in plan and "Anti Join" not in plan, plan
    if analyzed:
        # With statistics, the first page reads ten rows off the newest-first index.
        assert "core_listing_newest_first" in plan, plan
        assert "Sort" not in plan.split("core_listing_newest_first")[0], plan
    assert listing.count() == 10_000


@requires_postgres
@pytest.mark.parametrize("analyzed", [False, True])
def test_the_footer_query_needs_no_anti_join_at_10000_items(site_tree, analyzed):
    bulk_news(site_tree.news_index, 10_000)
    PageViewRestriction.objects.create(page=site_tree.topic_index, restriction_type="login")
    if analyzed:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    plan = explain(
        StandardPage.objects.live().public()
        .filter(locale__language_code="de", kind__in=StandardPage.FOOTER_KINDS)
        .order_by("path")
    )
    assert "Anti Join" not in plan and "SubPlan" not in plan, plan

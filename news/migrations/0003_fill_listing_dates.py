"""Fill core.ListingDate for the pages that exist: news items by their date, every other page
by the day it was first published in any language (see core.listing_dates)."""

from django.db import migrations
from django.db.models import Min
from django.utils import timezone


def fill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    NewsPage = apps.get_model("news", "NewsPage")
    ListingDate = apps.get_model("core", "ListingDate")
    firsts = dict(
        Page.objects.exclude(first_published_at=None).order_by()
        .values("translation_key").annotate(first=Min("first_published_at"))
        .values_list("translation_key", "first")
    )
    own_dates = dict(NewsPage.objects.exclude(date=None).values_list("translation_key", "date"))
    rows = [
        ListingDate(page_id=pk, first_published=firsts[key],
                    listing_date=own_dates.get(key) or timezone.localdate(firsts[key]))
        for pk, key in Page.objects.filter(translation_key__in=list(firsts))
        .values_list("pk", "translation_key").iterator()
    ]
    ListingDate.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_listing_date"),
        ("news", "0002_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]

"""The news index in the admin's page explorer: a "Datum" column, sortable, newest first.

Wagtail routes the explorer of a page to the page viewset of the type its children must have,
so registering this viewset for news items changes the news index's listing only.
"""

from django.db.models import F
from django.utils.formats import date_format
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView, PageListingMixin
from wagtail.admin.viewsets.pages import PageViewSet

from .models import NewsPage

DATE_ORDERINGS = {"date", "-date"}


def _news_date(page):
    date = getattr(page, "display_date", None)
    return date_format(date, "DATE_FORMAT") if date else ""


class NewsListingView(ExplorableIndexView):
    base_columns = [
        *PageListingMixin.base_columns[:2],
        Column("date", label=capfirst(NewsPage._meta.get_field("date").verbose_name),
               accessor=_news_date, sort_key="date", width="12%"),
        *PageListingMixin.base_columns[2:],
    ]
    default_ordering = "-date"

    def order_queryset(self, queryset):
        if self.ordering in DATE_ORDERINGS and not self.is_searching:
            date = F("date")
            newest_first = self.ordering.startswith("-")
            order = date.desc(nulls_last=True) if newest_first else date.asc(nulls_last=True)
            return queryset.order_by(order, "-pk" if newest_first else "pk")
        return super().order_queryset(queryset)


class NewsPageViewSet(PageViewSet):
    model = NewsPage
    index_view_class = NewsListingView


news_page_viewset = NewsPageViewSet("news_pages")

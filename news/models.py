from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching import tags
from caching.fragments import cached_list, key, lazy
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.layout import TEASER_HELP, without_teaser
from core.listing import (
    DeferredListing,
    archive_periods,
    in_tree_of,
    listing_page_of,
    mixed_listing,
    prepare_listing_page,
    with_contact_photos,
)
from core.localization import localize, localize_all
from core.models import Author, BasePage, Contact, DatedPageMixin
from core.restrictions import public_q
from core.seo import news_article, news_dates
from core.widgets import FilterableCheckboxes, FilterableRadios
from topics.models import TopicPage
from videos.models import VideoPage

from .feeds import NewsFeedsMixin
from .filters import FILTER_FIELDS, ContentType, NewsFilterForm
from .forms import NewsPageForm
from .related import related_content


class NewsIndexPage(NewsFeedsMixin, BasePage):
    """"Aktuelles": the news items and videos of one language, newest first.

    Filters (topic, content type, year, month) come from the query string and combine; the
    year and month links of the archive are plain links to the same filters. Feeds live at
    `feed/rss/` and `feed/atom/` (see `news.feeds`).
    """

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def listing_items(self, content_type=None, topic=None):
        """Live, public news items below this index and videos of the same site, in this
        page's language, newest first; optionally of one content type or one topic."""
        pages = Page.objects.all()
        news = pages.type_q(NewsPage) & pages.descendant_of_q(self)
        videos = pages.type_q(VideoPage) & in_tree_of(self)
        condition = {ContentType.NEWS: news, ContentType.VIDEO: videos}.get(content_type,
                                                                             news | videos)
        condition &= Q(locale_id=self.locale_id)
        if topic is not None:
            key = topic.translation_key
            condition &= (
                Q(pk__in=NewsPage.objects.filter(topics__translation_key=key).values("pk"))
                | Q(pk__in=VideoPage.objects.filter(topics__translation_key=key).values("pk"))
            )
        return mixed_listing(condition)

    def filter_topics(self):
        """The topic hubs offered as filters: this language's, of this site (from the cache
        until the next publication)."""
        return cached_list(key("filter-topics", self.pk), lambda: (
            TopicPage.objects.live().filter(public_q())
            .filter(in_tree_of(self), locale_id=self.locale_id)
            .order_by("title").defer_streamfields()
        ), [tags.NEWS])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Without filters in the URL (most readers), the form (and the topics it offers) is
        # built only when a cached part that shows it is missing.
        asked = any(name in request.GET for name in FILTER_FIELDS)
        asked_form = NewsFilterForm(request.GET, topics=self.filter_topics()) if asked else None
        filters = asked_form.filters if asked_form else {}
        topic = filters.get("topic")
        # Built only when a cached part is missing (core.listing.DeferredListing).
        items = DeferredListing(lambda: self.listing_items(filters.get("type"), topic))
        archive = lazy(lambda: archive_periods(items, cache_key=key(
            "archive", self.pk, filters.get("type", ""), topic.pk if topic else ""),
            shows=[tags.NEWS]))

        def filter_form():
            form = asked_form or NewsFilterForm(request.GET, topics=self.filter_topics())
            form.offer_years(period["year"] for period in archive())
            return form

        form = lazy(filter_form)

        def archive_links():
            for period in archive():
                period["query"] = form().query(year=period["year"], month=None)
                period["current"] = filters.get("year") == period["year"]
                for month in period["months"]:
                    month["query"] = form().query(year=period["year"],
                                                  month=month["month"])
                    month["current"] = (period["current"]
                                        and filters.get("month") == month["month"])
            return archive()

        def shown_items():
            shown = items.queryset
            if "year" in filters:
                shown = shown.filter(listing_date__year=filters["year"])
                if "month" in filters:
                    shown = shown.filter(listing_date__month=filters["month"])
            return shown

        # The count and page number now (for the head's pagination links); the items only
        # when the cached listing fragment is missing (news_index_page.html).
        page_of_results = listing_page_of(request, shown_items, count_key=key(
            "count", self.pk, filters.get("type", ""), topic.pk if topic else "",
            filters.get("year", ""), filters.get("month", "")), shows=[tags.NEWS])
        context.update(
            filter_form=form,
            filter_errors=bool(asked_form and asked_form.errors),
            filters=filters,
            paginated=page_of_results,
            listing_page=lazy(lambda: prepare_listing_page(page_of_results)),
            # News and videos not listed yet appear in the listing, the archive and the form.
            listing_tags=[tags.NEWS],
            query_prefix=asked_form.query() if asked_form else "",
            # Computed only when the cached archive is missing (news_index_page.html).
            archive=lazy(archive_links),
            feeds=lazy(lambda: self.feed_links(request)),
        )
        return context


class NewsPage(DatedPageMixin, BasePage):
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required unless the "
                    "image is decorative."),
    )
    lead_image_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("The image adds nothing to the text; screen readers skip it."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=500, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        TopicPage, verbose_name=_("topics"), blank=True, related_name="news_pages"
    )
    byline = models.ForeignKey(
        Author,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    contacts = ParentalManyToManyField(
        Contact, verbose_name=_("contacts"), blank=True, related_name="news_pages"
    )
    # Words readers search for that the text may not use (an imported archive's tags and
    # keywords); found by the site's search, never shown.
    search_keywords = models.CharField(
        _("search keywords"), max_length=500, blank=True,
        help_text=_("Words readers may search for that the text does not use, separated by "
                    "commas."),
    )

    # In the order an editor writes: what readers see first comes first.
    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("date"),
        FieldPanel("teaser", help_text=TEASER_HELP),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt"),
             FieldPanel("lead_image_decorative"), FieldPanel("lead_image_caption"),
             FieldPanel("lead_image_credit")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("topics", widget=FilterableCheckboxes),
        FieldPanel("contacts", widget=FilterableCheckboxes),
        FieldPanel("byline", widget=FilterableRadios),
        InlinePanel("related_links", heading=_("Related content"), label=_("Page")),
    ]
    promote_panels = without_teaser(BasePage.promote_panels) + [FieldPanel("search_keywords")]
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("search_keywords"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("subtitle"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        SynchronizedField("lead_image_decorative"),
        TranslatableField("lead_image_caption"),
        TranslatableField("lead_image_credit"),  # "Foto: …" is "Photo: …" in English
        TranslatableField("body"),
        SynchronizedField("topics"),
        TranslatableField("byline"),
        SynchronizedField("contacts"),
        SynchronizedField("related_links"),
        TranslatableField("search_keywords"),
    ]
    base_form_class = NewsPageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    listing_image_field = "lead_image"
    image_preset = "lead"
    listing_date_field = "date"
    listed_with_news = True
    announced_in_newsletter = True
    topics_field = "topics"
    byline_field = "byline"
    open_graph_type = "article"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def lead_image_alt_text(self):
        """The lead image's alt attribute: empty for a decorative image."""
        return "" if self.lead_image_decorative else self.lead_image_alt

    def structured_data(self, **common):
        return news_article(self, **common)

    def publication_dates(self):
        return news_dates(self)

    def shown_byline(self):
        """The byline in the page's language (the head's structured data names it too: one
        `lazy` context value serves both)."""
        byline = localize(self.byline, self.locale, fallback=True)
        if byline is not None:
            tags.shows(tags.snippet(byline))
        return byline

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed only when the cached article fragment is missing (news_page.html).
        context["topics"] = lazy(
            lambda: localize_all(list(self.topics.all()), self.locale, fallback=False))
        context["contacts"] = lazy(lambda: with_contact_photos(
            localize_all(list(self.contacts.filter(live=True)), self.locale, fallback=True)))
        context["byline"] = lazy(self.shown_byline)
        context["related_pages"] = lazy(lambda: related_content(self))
        return context


class NewsPageRelatedLink(Orderable):
    page = ParentalKey(NewsPage, related_name="related_links", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]
    translatable_fields = [SynchronizedField("related_page")]

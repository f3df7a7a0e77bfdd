from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.listing import paginate, with_contact_photos, with_listing_images
from home.localization import localize, localize_all
from home.models import Author, BasePage, Contact
from topics.models import TopicPage

from .related import related_content


class NewsIndexPage(BasePage):
    """"Aktuelles": the news of one language, newest first."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        news = (
            NewsPage.objects.live().public().descendant_of(self)
            .order_by("-date", "-pk").defer_streamfields()
        )
        return with_listing_images(news, "lead_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = paginate(request, self.news_items())
        return context


class NewsPage(BasePage):
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to use the date of first publication."),
    )
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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

    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"),
             FieldPanel("lead_image_credit")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("contacts"),
        FieldPanel("byline"),
        InlinePanel("related_links", heading=_("Related content"), label=_("Page")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("subtitle"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_caption"),
        SynchronizedField("lead_image_credit"),
        TranslatableField("body"),
        SynchronizedField("topics"),
        TranslatableField("byline"),
        SynchronizedField("contacts"),
        SynchronizedField("related_links"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    listing_image_field = "lead_image"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def save(self, *args, **kwargs):
        if self.date is None and self.first_published_at:
            self.date = timezone.localdate(self.first_published_at)
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        if self.date:
            return self.date
        return timezone.localdate(self.first_published_at) if self.first_published_at else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = localize_all(list(self.topics.all()), self.locale, fallback=False)
        live_contacts = list(self.contacts.filter(live=True))
        contacts = localize_all(live_contacts, self.locale, fallback=True)
        context["contacts"] = with_contact_photos(contacts)
        context["byline"] = localize(self.byline, self.locale, fallback=True)
        context["related_pages"] = related_content(self)
        return context


class NewsPageRelatedLink(Orderable):
    page = ParentalKey(NewsPage, related_name="related_links", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]
    translatable_fields = [SynchronizedField("related_page")]

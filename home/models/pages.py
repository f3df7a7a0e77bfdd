from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.forms import EditorialPageForm

from ..blocks import RICH_TEXT_FEATURES
from ..localization import localize_all


class BasePage(Page):
    """What every public page type shares: a listing teaser and the fields for search engines."""

    teaser = models.TextField(
        _("teaser"),
        blank=True,
        max_length=400,
        help_text=_("A sentence or two for listings, search results and link previews."),
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        FieldPanel("teaser"),
        FieldPanel("show_in_menus"),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("teaser"),
        SynchronizedField("show_in_menus"),
    ]

    listing_image_field = None
    # Relations in the page's language, German slugs (editorial.forms).
    base_form_class = EditorialPageForm

    class Meta:
        abstract = True

    @property
    def listing_image(self):
        return getattr(self, self.listing_image_field) if self.listing_image_field else None

    @property
    def summary(self):
        return self.teaser or self.search_description


class HomePage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    featured_video = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_topics", heading=_("Featured topics"), label=_("Topic")),
        PageChooserPanel("featured_video", page_type="videos.VideoPage"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("introduction"),
        SynchronizedField("featured_video"),
        SynchronizedField("featured_topics"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "topics.TopicIndexPage",
        "videos.VideoIndexPage",
        "pages.StandardPage", "pages.FeedbackFormPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = [link.topic for link in self.featured_topics.select_related("topic")]
        context["featured_topics"] = localize_all(topics, self.locale, fallback=False)
        videos = localize_all([self.featured_video], self.locale, fallback=False)
        context["featured_video"] = videos[0] if videos else None
        return context


class HomePageFeaturedTopic(Orderable):
    page = ParentalKey(HomePage, related_name="featured_topics", on_delete=models.CASCADE)
    topic = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("topic", page_type="topics.TopicPage")]
    translatable_fields = [SynchronizedField("topic")]

from django.db import models
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching import tags
from caching.fragments import key, lazy
from core.blocks import RICH_TEXT_FEATURES
from core.listing import listing_page_of, prepare_listing_page
from core.localization import localize_all
from core.models import BasePage, DatedPageMixin
from core.restrictions import public_q
from core.seo import video_object
from core.video_providers import parse_video_url, validate_video_url
from core.widgets import FilterableCheckboxes
from topics.models import TopicPage


class VideoIndexPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["videos.VideoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("video index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        videos = (
            VideoPage.objects.child_of(self).live().filter(public_q())
            .order_by(F("date").desc(nulls_last=True), "-first_published_at", "-pk")
        )
        # The count and page number now (the head's links); the videos only when the cached
        # listing fragment is missing (video_index_page.html).
        page_of_videos = listing_page_of(request, videos, count_key=key("count", self.pk),
                                         shows=[tags.children(self.pk)])
        context["paginated"] = page_of_videos
        context["listing_tags"] = [tags.children(self.pk)]
        context["videos_page"] = lazy(
            lambda: prepare_listing_page(page_of_videos, label_kinds=False))
        return context


class VideoPage(DatedPageMixin, BasePage):
    """A video shown from its stored URL behind a consent placeholder: no oEmbed, no tracking."""

    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    topics = ParentalManyToManyField(
        TopicPage, verbose_name=_("topics"), blank=True, related_name="video_pages"
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        _("video URL"),
        validators=[validate_video_url],
        help_text=_("YouTube or Vimeo address. Readers load it only after they consent."),
    )
    transcript = RichTextField(_("transcript"), blank=True, features=RICH_TEXT_FEATURES)
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("video_url"),
        FieldPanel("poster"),
        FieldPanel("description"),
        FieldPanel("topics", widget=FilterableCheckboxes),
        MultiFieldPanel(
            [FieldPanel("transcript"), FieldPanel("captions")], heading=_("Accessibility")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("description"),
        SynchronizedField("topics"),
        SynchronizedField("poster"),
        SynchronizedField("video_url"),
        TranslatableField("transcript"),
        SynchronizedField("captions"),
    ]
    parent_page_types = ["videos.VideoIndexPage"]
    subpage_types = []
    listing_image_field = "poster"
    listing_date_field = "date"
    image_preset = "poster"
    listed_with_news = True
    announced_in_newsletter = True
    topics_field = "topics"
    plays_video = True

    class Meta:
        verbose_name = _("video")

    def structured_data(self, *, byline, **common):
        return video_object(self, **common)

    @cached_property
    def embed(self):
        return parse_video_url(self.video_url)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed only when the cached article fragment is missing (video_page.html).
        context["topics"] = lazy(
            lambda: localize_all(list(self.topics.all()), self.locale, fallback=False))
        return context

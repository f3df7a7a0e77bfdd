from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching.fragments import lazy
from core.blocks import RICH_TEXT_FEATURES
from core.localization import localize_all
from core.models import BasePage
from core.routing import DirectRoutingMixin


class HomePage(DirectRoutingMixin, BasePage):
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
        "events.EventIndexPage",
        "topics.TopicIndexPage",
        "videos.VideoIndexPage",
        "pages.StandardPage", "pages.FeedbackFormPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, *, publisher, **common):
        return {"@context": "https://schema.org", **publisher}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed only when the cached fragment is missing (home_page.html).
        context["featured_topics"] = lazy(lambda: localize_all(
            [link.topic for link in self.featured_topics.select_related("topic")],
            self.locale, fallback=False))

        def featured_video():
            videos = localize_all([self.featured_video], self.locale, fallback=False)
            return videos[0] if videos else None

        context["featured_video"] = lazy(featured_video)
        return context


class HomePageFeaturedTopic(Orderable):
    page = ParentalKey(HomePage, related_name="featured_topics", on_delete=models.CASCADE)
    topic = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("topic", page_type="topics.TopicPage")]
    translatable_fields = [SynchronizedField("topic")]

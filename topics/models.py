from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching import tags
from caching.fragments import key, lazy
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.feeds import FeedsMixin
from core.listing import (
    listing_page_of,
    mixed_listing,
    prepare_listing_page,
    with_contact_photos,
    with_listing_images,
)
from core.localization import localize_all
from core.models import BasePage, Contact
from core.restrictions import public_q
from core.widgets import FilterableCheckboxes


class TopicIndexPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["topics.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topic index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = TopicPage.objects.child_of(self).live().filter(public_q()).order_by("title")
        # Computed only when the cached list is missing (topic_index_page.html).
        context["topics"] = lazy(lambda: with_listing_images(topics.defer_streamfields()))
        context["listing_tags"] = [tags.children(self.pk)]
        return context


class TopicPage(FeedsMixin, BasePage):
    """A topic hub: its introduction, and the news, videos and contacts of the topic."""

    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    contacts = ParentalManyToManyField(
        Contact, verbose_name=_("contacts"), blank=True, related_name="topic_pages"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("contacts", widget=FilterableCheckboxes),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("introduction"),
        SynchronizedField("image"),
        TranslatableField("body"),
        SynchronizedField("contacts"),
    ]
    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []
    listing_image_field = "image"
    image_preset = "hero"

    class Meta:
        verbose_name = _("topic hub")

    def listing_items(self):
        """Live, public news items and videos of this topic, in this topic's language, newest
        first.

        Translations may keep pointing at the source topic, so items are matched by the topic's
        translation key. The page types are those that say they are listed with news
        (`BasePage.listed_with_news`), so topics never import news or videos.
        """
        models = [model for model in get_page_models()
                  if issubclass(model, BasePage) and model.listed_with_news]
        tagged = Q()
        for model in models:
            lookup = {f"{model.topics_field}__translation_key": self.translation_key}
            tagged |= Q(pk__in=model.objects.filter(**lookup).values("pk"))
        return mixed_listing(tagged & Q(locale_id=self.locale_id))

    def feed_items(self):
        return self.listing_items()

    def feed_tags(self):
        return [tags.topic(self.translation_key)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The count and page number now (for the head's pagination links); items and contacts
        # only when the cached fragment is missing (topic_page.html).
        shown = [tags.topic(self.translation_key)]
        page_of_results = listing_page_of(request, self.listing_items,
                                          count_key=key("count", self.pk), shows=shown)
        context["paginated"] = page_of_results
        context["listing_tags"] = shown
        context["listing_page"] = lazy(lambda: prepare_listing_page(page_of_results))
        context["feeds"] = lazy(lambda: self.feed_links(request))
        context["contacts"] = lazy(lambda: with_contact_photos(
            localize_all(list(self.contacts.filter(live=True)), self.locale, fallback=True)))
        return context

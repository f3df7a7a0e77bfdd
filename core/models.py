from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .forms import EditorialPageForm
from .restrictions import may_be_private
from .snippets import Author, Contact

__all__ = ["Author", "BasePage", "Contact", "DatedPageMixin", "ListingDate"]


class DatedPageMixin(models.Model):
    """For page types with an optional date (news, videos): the date defaults to the first
    publication, and readers see that date until an editor sets one."""

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to use the date of first publication."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.date is None and self.first_published_at:
            self.date = timezone.localdate(self.first_published_at)
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        if self.date:
            return self.date
        return timezone.localdate(self.first_published_at) if self.first_published_at else None


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
        # "Veröffentlichen am" lives in Wagtail's schedule dialog (the status panel's "Zeitplan
        # festlegen"); the tab where editors look for it opens that dialog.
        HelpPanel(template="core/panels/schedule_on_the_tab.html", heading=_("Schedule")),
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

    # The protocol: what each page type says about itself. Shared code (listings, feeds, SEO,
    # topic hubs) asks these and never names a page type or looks for a field by name.

    # The image a teaser and link previews show (the name of an image field), and the preset
    # (`core.images.PRESETS`) the page's own template shows it in.
    listing_image_field = None
    # Relations in the page's language, German URL segments (core.forms).
    base_form_class = EditorialPageForm
    image_preset = None
    # The page's own date field for listings and feeds; without one, the day it was first
    # published in any language.
    listing_date_field = None
    # Listed with the news (news index, topic hubs, their feeds), tagged with topic hubs
    # through the many-to-many named by `topics_field`.
    listed_with_news = False
    topics_field = None
    # The foreign key (to a snippet with a `name`) that a feed names as the item's author.
    byline_field = None
    # Chosen in a body's video block: the page has `embed` and `poster`.
    plays_video = False
    # Open Graph's `og:type`.
    open_graph_type = "website"

    class Meta:
        abstract = True

    def structured_data(self, *, url, description, image, language_code, publisher, byline):
        """The page's schema.org object for JSON-LD (see `core.seo`), or None."""
        return None

    def publication_dates(self):
        """ISO 8601 (published, modified) for `article:*` tags, or (None, None)."""
        return None, None

    def get_view_restrictions(self):
        """Wagtail's check before serving reads the page's ancestors and their restrictions;
        a page in no private section skips both (`core.restrictions`)."""
        if self.path and not may_be_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def listing_image(self):
        return getattr(self, self.listing_image_field) if self.listing_image_field else None

    @property
    def summary(self):
        return self.teaser or self.search_description


class ListingDate(models.Model):
    """What listings sort by, stored per page so that they sort on an index.

    Kept up to date whenever a page is saved live (`core.listing_dates`): the date listings
    show (the page's own date, or the day it was first published in any language) and its
    first publication in any language (the tie-break). Translations share their source's row
    values, so an English item sorts where its German source does.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="listing"
    )
    listing_date = models.DateField()
    first_published = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                models.F("listing_date").desc(), models.F("first_published").desc(),
                models.F("page").desc(), name="core_listing_newest_first",
            )
        ]

    def __str__(self):
        return f"{self.page_id}: {self.listing_date}"

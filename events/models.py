"""Events ("Veranstaltungen"): the events index, event series and event pages.

An event's start and end are stored in UTC with the event's IANA time zone; editors enter
local times in that zone (`events.forms`), readers see them in it and in extra zones
(`events.timezones`). A series holds its sessions as child event pages; its programme lists
them in order. Calendars (`.ics`) are in `events.calendar`.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching import tags
from caching.fragments import cached_list, key, lazy
from core import seo
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.feeds import FeedsMixin
from core.layout import TEASER_HELP, without_teaser
from core.listing import (
    in_tree_of,
    listing_page_of,
    prepare_listing_page,
    with_contact_photos,
    with_listing_images,
)
from core.localization import localize, localize_all
from core.models import BasePage, Contact
from core.restrictions import public_q
from core.widgets import FilterableCheckboxes
from topics.models import TopicPage

from . import calendar
from .filters import FILTER_FIELDS, EventFilterForm
from .forms import EventPageForm, EventSeriesPageForm
from .timezones import (
    DEFAULT_ZONE,
    describe,
    validate_zone,
    validate_zone_list,
    zone,
    zone_names,
)

# Upcoming events are listed in full up to this many; past ones page by page.
UPCOMING_LIMIT = 50
PAST_PAGE_SIZE = 10


class EventFormat(models.TextChoices):
    ONLINE = "online", _("online")
    ON_SITE = "on_site", _("on site")
    HYBRID = "hybrid", _("hybrid")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")
    RESCHEDULED = "rescheduled", _("rescheduled")
    MOVED_ONLINE = "moved_online", _("moved online")


def live_events():
    return EventPage.objects.live().filter(public_q()).exclude(start=None)


def upcoming_q(now=None):
    """Events that have not ended yet (running ones included)."""
    now = now or timezone.now()
    return Q(end__gte=now) | Q(end=None, start__gte=now)


class LeadImageMixin(models.Model):
    lead_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("lead image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text"), max_length=255, blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required unless the "
                    "image is decorative."),
    )
    lead_image_decorative = models.BooleanField(
        _("decorative image"), default=False,
        help_text=_("The image adds nothing to the text; screen readers skip it."),
    )

    class Meta:
        abstract = True

    lead_image_panel = [MultiFieldPanel(
        [FieldPanel("lead_image"), FieldPanel("lead_image_alt"),
         FieldPanel("lead_image_decorative")],
        heading=_("Lead image"),
    )]
    lead_image_translatable_fields = [
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        SynchronizedField("lead_image_decorative"),
    ]

    @property
    def lead_image_alt_text(self):
        return "" if self.lead_image_decorative else self.lead_image_alt


class EventIndexPage(FeedsMixin, BasePage):
    """"Veranstaltungen": upcoming events first (soonest first), then the past ones page by
    page (newest first), filtered by topic, format and year. Feeds: RSS and Atom of new
    events (`feed/rss/`, `feed/atom/`), and a calendar to subscribe to (`calendar/`, and
    per topic `calendar/<topic slug>/`)."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "events.EventSeriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    def events(self):
        """Live, public events below this index, in its language."""
        return (live_events().descendant_of(self).filter(locale_id=self.locale_id)
                .defer_streamfields())

    def filtered(self, filters):
        events = self.events()
        if topic := filters.get("topic"):
            events = events.filter(topics__translation_key=topic.translation_key)
        if event_format := filters.get("format"):
            events = events.filter(event_format=event_format)
        if year := filters.get("year"):
            events = events.filter(start__year=year)
        return events

    def filter_topics(self):
        return cached_list(key("event-filter-topics", self.pk), lambda: (
            TopicPage.objects.live().filter(public_q())
            .filter(in_tree_of(self), locale_id=self.locale_id)
            .order_by("title").defer_streamfields()
        ), [tags.EVENTS])

    def event_years(self):
        """The years that have events, newest first (one grouped query, kept until an event
        changes)."""
        return cached_list(key("event-years", self.pk), lambda: sorted(set(
            self.events().order_by().annotate(year=ExtractYear("start"))
            .values_list("year", flat=True).distinct()), reverse=True), [tags.EVENTS])

    # --- Feeds and calendars ---

    def feed_items(self):
        """New events first, as they are announced."""
        return self.events().order_by("-first_published_at", "-pk")

    def feed_tags(self):
        return [tags.EVENTS]

    @path("calendar/", name="calendar")
    def calendar_feed(self, request):
        events = self.events().filter(upcoming_q(timezone.now() - calendar.FEED_PAST))
        events = events.order_by("start", "pk")
        return calendar.response(request, self, events, filename=self.slug)

    @path("calendar/<slug:topic>/", name="topic_calendar")
    def topic_calendar_feed(self, request, topic):
        found = self.filter_topics()
        hub = next((each for each in found if each.slug == topic), None)
        if hub is None:
            raise Http404
        events = self.filtered({"topic": hub}).filter(
            upcoming_q(timezone.now() - calendar.FEED_PAST)).order_by("start", "pk")
        return calendar.response(request, self, events, filename=f"{self.slug}-{hub.slug}",
                                 name=f"{self.title}: {hub.title}")

    def calendar_links(self, request):
        base = self.get_full_url(request)
        return {"all": base + self.reverse_subpage("calendar"),
                "topics": [(hub.title, base + self.reverse_subpage("topic_calendar",
                                                                   args=[hub.slug]))
                           for hub in self.filter_topics()]}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        asked = any(name in request.GET for name in FILTER_FIELDS)
        form = EventFilterForm(request.GET if asked else {}, topics=self.filter_topics(),
                               years=self.event_years())
        filters = form.filters
        now = timezone.now()
        query = form.query()
        # The count and page number now (for the head's pagination links and the fragment
        # key); the items only when the cached listing is missing (event_index_page.html).
        # Time moves events from upcoming to past: events.tasks retires the tag then.
        past = listing_page_of(
            request, lambda: self.filtered(filters).exclude(upcoming_q(now))
            .order_by("-start", "-pk"), PAST_PAGE_SIZE,
            count_key=key("event-past-count", self.pk, query), shows=[tags.EVENTS])

        def upcoming():
            if past.number != 1:
                return []
            return with_listing_images(self.filtered(filters).filter(upcoming_q(now))
                                       .order_by("start", "pk")[:UPCOMING_LIMIT])

        context.update(
            filter_form=form,
            filter_errors=bool(form.errors),
            filters=filters,
            paginated=past,
            upcoming=lazy(upcoming),
            past=lazy(lambda: prepare_listing_page(past, label_kinds=False)),
            listing_tags=[tags.EVENTS],
            query_prefix=query,
            feeds=lazy(lambda: self.feed_links(request)),
            calendars=lazy(lambda: self.calendar_links(request)),
        )
        return context


class EventSeriesPage(RoutablePageMixin, LeadImageMixin, BasePage):  # noqa: DJ008 (Page has it)
    """"Veranstaltungsreihe": a series of sessions (child event pages), with a programme."""

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        TopicPage, verbose_name=_("topics"), blank=True, related_name="event_series_pages")
    contacts = ParentalManyToManyField(
        Contact, verbose_name=_("contacts"), blank=True, related_name="event_series_pages")
    registration_url = models.URLField(
        _("registration address"), blank=True,
        help_text=_("Where readers register for the series (an external registration form)."))

    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("teaser", help_text=TEASER_HELP),
        *LeadImageMixin.lead_image_panel,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("registration_url"),
        FieldPanel("topics", widget=FilterableCheckboxes),
        FieldPanel("contacts", widget=FilterableCheckboxes),
    ]
    promote_panels = without_teaser(BasePage.promote_panels)
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"), index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("subtitle"),
        *LeadImageMixin.lead_image_translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("registration_url"),
        SynchronizedField("topics"),
        SynchronizedField("contacts"),
    ]
    base_form_class = EventSeriesPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]
    listing_image_field = "lead_image"
    image_preset = "lead"
    topics_field = "topics"

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def sessions(self):
        """The programme: live, public sessions in order."""
        return (live_events().child_of(self).order_by("start", "pk").defer_streamfields())

    def structured_data(self, **common):
        return seo.event_series(self, self.programme(), **common)

    def programme(self):
        sessions = list(self.sessions())
        tags.shows(tags.children(self.pk))
        tags.shows_pages(sessions)
        return sessions

    @path("calendar/", name="calendar")
    def calendar_file(self, request):
        return calendar.response(request, self, self.sessions(), filename=self.slug)

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar") if self.url else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = lazy(self.programme)
        context["listing_tags"] = [tags.children(self.pk)]
        context["topics"] = lazy(
            lambda: localize_all(list(self.topics.all()), self.locale, fallback=False))
        context["contacts"] = lazy(lambda: with_contact_photos(
            localize_all(list(self.contacts.filter(live=True)), self.locale, fallback=True)))
        return context


class EventPage(RoutablePageMixin, LeadImageMixin, BasePage):  # noqa: DJ008 (Page has it)
    """One event, or one session of a series."""

    announced_in_newsletter = True

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    # When: UTC, with the event's own zone (the editor enters local times, events.forms).
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=DEFAULT_ZONE, validators=[validate_zone],
        help_text=_("The IANA time zone of the event, e.g. Europe/Berlin or Africa/Nairobi. "
                    "Start and end are local times in this zone."))
    all_day = models.BooleanField(
        _("all day"), default=False,
        help_text=_("Only the dates count; readers see days, not times."))
    start = models.DateTimeField(_("start"), null=True, blank=True, db_index=True)
    end = models.DateTimeField(_("end"), null=True, blank=True, db_index=True)
    extra_time_zones = models.CharField(
        _("also show in these time zones"), max_length=255, blank=True,
        validators=[validate_zone_list],
        help_text=_("For the audience, separated by commas, e.g. Africa/Nairobi, "
                    "America/Sao_Paulo."))

    # Where.
    event_format = models.CharField(
        _("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.ONLINE)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=255, blank=True)
    country = models.CharField(_("country"), max_length=255, blank=True)
    platform = models.CharField(_("platform"), max_length=255, blank=True,
                                help_text=_("For example Zoom or BigBlueButton."))
    join_url = models.URLField(_("join link"), blank=True)
    join_url_public = models.BooleanField(
        _("show the join link to everyone"), default=False,
        help_text=_("Otherwise the link is not shown on the site."))

    status = models.CharField(_("status"), max_length=16, choices=EventStatus.choices,
                              default=EventStatus.SCHEDULED)
    languages = models.CharField(
        _("languages"), max_length=100, blank=True,
        help_text=_("Language codes of the languages the event is held in, separated by "
                    "commas, e.g. de, en, pt."))
    registration_url = models.URLField(
        _("registration address"), blank=True,
        help_text=_("Where readers register (an external registration form)."))

    topics = ParentalManyToManyField(
        TopicPage, verbose_name=_("topics"), blank=True, related_name="event_pages")
    contacts = ParentalManyToManyField(
        Contact, verbose_name=_("contacts"), blank=True, related_name="event_pages")
    organiser_name = models.CharField(_("organiser"), max_length=255, blank=True,
                                      help_text=_("Or choose a contact below."))
    organiser_contact = models.ForeignKey(
        Contact, verbose_name=_("organiser (contact)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="organised_events")
    recording = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("recording"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The video page of the recording, once it exists."))

    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("status"),
        MultiFieldPanel([
            FieldPanel("time_zone"),
            FieldPanel("all_day"),
            FieldRowPanel([FieldPanel("start_local"), FieldPanel("end_local")]),
            FieldPanel("extra_time_zones"),
        ], heading=_("Date and time")),
        MultiFieldPanel([
            FieldPanel("event_format"),
            FieldPanel("venue"), FieldPanel("address"),
            FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            FieldPanel("platform"), FieldPanel("join_url"), FieldPanel("join_url_public"),
            FieldPanel("languages"),
        ], heading=_("Place and format")),
        FieldPanel("registration_url"),
        FieldPanel("teaser", help_text=TEASER_HELP),
        *LeadImageMixin.lead_image_panel,
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        PageChooserPanel("recording", page_type="videos.VideoPage"),
        FieldPanel("topics", widget=FilterableCheckboxes),
        FieldPanel("contacts", widget=FilterableCheckboxes),
        MultiFieldPanel([FieldPanel("organiser_name"), FieldPanel("organiser_contact")],
                        heading=_("Organiser")),
    ]
    promote_panels = without_teaser(BasePage.promote_panels)
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"), index.SearchField("body"),
        index.SearchField("venue"), index.SearchField("city"),
        index.FilterField("start"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("subtitle"),
        SynchronizedField("status"),
        SynchronizedField("time_zone"),
        SynchronizedField("all_day"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("extra_time_zones"),
        SynchronizedField("event_format"),
        TranslatableField("venue"),
        SynchronizedField("address"),
        TranslatableField("city"),
        TranslatableField("country"),
        SynchronizedField("platform"),
        SynchronizedField("join_url"),
        SynchronizedField("join_url_public"),
        SynchronizedField("languages"),
        SynchronizedField("registration_url"),
        *LeadImageMixin.lead_image_translatable_fields,
        TranslatableField("body"),
        SynchronizedField("documents"),
        SynchronizedField("recording"),
        SynchronizedField("topics"),
        SynchronizedField("contacts"),
        TranslatableField("organiser_name"),
        SynchronizedField("organiser_contact"),
    ]
    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage", "events.EventSeriesPage"]
    subpage_types = []
    listing_image_field = "lead_image"
    image_preset = "lead"
    topics_field = "topics"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- What readers see ---

    @property
    def extra_zones(self):
        return [name for name in zone_names(self.extra_time_zones) if name != self.time_zone]

    @property
    def when(self):
        """"29.09.2021, 10:00–11:30 MESZ (11:00–12:30 EAT)" in the active language."""
        if self.start is None:
            return ""
        return describe(self.start, self.end, self.time_zone, extra_zones=self.extra_zones,
                        all_day=self.all_day)

    @property
    def event_zone(self):
        return zone(self.time_zone) or zone(DEFAULT_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.event_zone) if self.start else None

    @property
    def is_past(self):
        ending = self.end or self.start
        return ending is not None and ending < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID) or (
            self.status == EventStatus.MOVED_ONLINE)

    @property
    def is_on_site(self):
        return self.event_format in (EventFormat.ON_SITE, EventFormat.HYBRID) and (
            self.status != EventStatus.MOVED_ONLINE)

    @property
    def shown_join_url(self):
        """The join link, only where the editor made it public, and not once it is over."""
        if self.join_url and self.join_url_public and self.is_online and not self.is_past:
            return self.join_url
        return ""

    @property
    def place(self):
        """"Venue, address, city, country", as far as given."""
        return ", ".join(part for part in (self.venue, self.address, self.city, self.country)
                         if part)

    @property
    def language_names(self):
        names = []
        for code in zone_names(self.languages):
            try:
                names.append(str(get_language_info(code.lower())["name_translated"]))
            except KeyError:
                names.append(code)
        return names

    @property
    def organiser(self):
        if self.organiser_name:
            return self.organiser_name
        contact = (localize(self.organiser_contact, self.locale, fallback=True)
                   if self.organiser_contact_id else None)
        return contact.organisation or contact.name if contact else ""

    def structured_data(self, **common):
        return seo.event(self, **common)

    @path("calendar/", name="calendar")
    def calendar_file(self, request):
        return calendar.response(request, self, [self], filename=self.slug)

    @property
    def calendar_url(self):
        return self.url + self.reverse_subpage("calendar") if self.url else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = lazy(
            lambda: localize_all(list(self.topics.all()), self.locale, fallback=False))
        context["contacts"] = lazy(lambda: with_contact_photos(
            localize_all(list(self.contacts.filter(live=True)), self.locale, fallback=True)))
        context["documents"] = lazy(
            lambda: [link.document for link in self.documents.select_related("document")])
        context["recording"] = lazy(lambda: localize(self.recording, self.locale,
                                                     fallback=False)
                                    if self.recording_id else None)
        context["series"] = lazy(self.series)
        return context

    def series(self):
        parent = self.get_parent().specific_deferred
        if isinstance(parent, EventSeriesPage) and parent.live:
            tags.shows(tags.page(parent.pk))
            return parent
        return None


class EventDocument(Orderable):
    page = ParentalKey(EventPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"),
                                 on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("document")]
    translatable_fields = [SynchronizedField("document")]

"""What search engines and link previews read about a page.

`page_metadata()` gathers, for one page view, the meta description, the canonical URL, the
robots directive, the Open Graph and Twitter card tags and the JSON-LD objects;
`templates/includes/seo.html` writes them into the head of every page.

JSON-LD: each page type says what it is (`BasePage.structured_data`): the organisation on the
home page (and as the publisher of every article and video), a NewsArticle for each news item,
a VideoObject for each video page, built with the helpers below. `core` names no page type.
"""

import json
import re
import textwrap
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.shortcuts import get_renditions_or_not_found

from .images import PRESETS, SOCIAL
from .models import BasePage

# Open Graph wants a territory with the language.
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}
# Query parameters that never change what a page shows (campaign and click trackers).
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_BLOCK_BOUNDARY = re.compile(
    r"</(?:p|div|li|h[1-6]|blockquote|ul|ol|td|th)\s*>|<br\s*/?>", re.IGNORECASE
)

# The characters that could end a <script> element or start a comment inside it; JSON allows
# them as \u escapes (the same as Django's json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def is_staging():
    return getattr(settings, "SITE_ENVIRONMENT", "production") == "staging"


def plain_text(html):
    """Text of a rich-text or HTML fragment, with entities resolved and whitespace folded;
    paragraphs, list items and line breaks end in a space."""
    spaced = _BLOCK_BOUNDARY.sub(" ", html or "")
    return " ".join(unescape(strip_tags(spaced)).split())


DESCRIPTION_LENGTH = 160


def page_description(page):
    """The page's description for search engines: its SEO field, else its listing teaser, else
    its introduction, cut at a word near the length search engines show."""
    for name in ("search_description", "teaser"):
        text = " ".join(str(getattr(page, name, "") or "").split())
        if text:
            break
    else:
        text = plain_text(str(getattr(page, "introduction", "") or ""))
    return textwrap.shorten(text, DESCRIPTION_LENGTH, placeholder=" …") if text else ""


def og_locale(language_code):
    return OG_LOCALES.get(language_code) or language_code.replace("-", "_")


def json_ld(data):
    """`data` as JSON for a `<script type="application/ld+json">`: valid JSON, and nothing in
    it (a title with "</script>", say) can end the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def canonical_url(page, request=None, paginated=None):
    """The URL search engines should index for this view of `page`.

    - Always the page's own URL in its own language (each translation is canonical for itself).
    - A sub-route of a routable page keeps its path (`/aktuelles/archiv/2021/`).
    - A listing's page 2, 3 … keeps `?page=N`: each page lists other items. Page 1 has none.
    - Filtered or sorted views (any other parameter) point at the unfiltered listing; tracking
      parameters are ignored.
    """
    url = page.get_full_url(request)
    if url is None or request is None:
        return url
    page_path = urlsplit(url).path
    request_path = escape_uri_path(request.path)
    if request_path != page_path and request_path.startswith(page_path):
        url += request_path[len(page_path):]
    parameters = {name for name in request.GET if not name.startswith(TRACKING_PARAMETERS)}
    if paginated is not None and parameters <= {"page"} and paginated.number > 1:
        url += "?" + urlencode({"page": paginated.number})
    return url


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/jpeg"

    def as_json_ld(self):
        return {"@type": "ImageObject", "url": self.url, "width": self.width,
                "height": self.height}


def social_image(page, base_url):
    """The rendition link previews show: the page's lead, listing or poster image.

    It is fetched together with the renditions the page's template shows of the same image
    (the page type's `image_preset`), which puts them all in the rendition cache: a cold
    cache costs one query for all of them, as the template alone did before; a warm one
    costs none.
    """
    image = page.listing_image if isinstance(page, BasePage) else None
    if not image:
        return None
    preset = PRESETS.get(page.image_preset)
    companions = preset.specs if preset else ()
    rendition = get_renditions_or_not_found(image, (SOCIAL, *companions))[SOCIAL]
    if not rendition.width:  # the original file is missing
        return None
    return SocialImage(
        url=urljoin(base_url, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.description or "",
    )


def organization(root_url):
    """The site's publisher. One `@id` in every language, so crawlers see one organisation."""
    return {
        "@type": "Organization",
        "@id": f"{root_url}/#organization",
        "name": str(settings.SITE_TITLE),
        "url": f"{root_url}/",
    }


def news_dates(page):
    """datePublished from the news date (exact time when it is the day of first
    publication), dateModified from the last publication, never before datePublished."""
    date = getattr(page, "display_date", None)
    first, last = page.first_published_at, page.last_published_at
    if date is None:
        return None, None
    on_first_day = first and timezone.localdate(first) == date
    published = _iso(first) if on_first_day else date.isoformat()
    modified = _iso(last) if last and timezone.localdate(last) >= date else published
    return published, modified


def author(byline):
    if byline is None:
        return None
    kind = "Person" if getattr(byline, "kind", "") == "person" else "Organization"
    return {"@type": kind, "name": byline.name}


def news_article(page, *, url, description, image, language_code, byline, publisher):
    published, modified = news_dates(page)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": description or None,
        "datePublished": published,
        "dateModified": modified,
        "author": [author(byline) or publisher],
        "publisher": publisher,
        "image": [image.as_json_ld()] if image else None,
        "inLanguage": language_code,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    return {key: value for key, value in data.items() if value is not None}


def video_object(page, *, url, description, image, language_code, publisher):
    embed = getattr(page, "embed", None)
    transcript = plain_text(getattr(page, "transcript", ""))
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": page.title,
        "description": description or plain_text(getattr(page, "description", "")) or page.title,
        "thumbnailUrl": [image.url] if image else None,
        # The date readers see on the page and in the index (a video published long ago
        # carries its own date), not the day it was put on this site.
        "uploadDate": news_dates(page)[0] or _iso(page.first_published_at),
        # The privacy-enhanced player (youtube-nocookie.com, Vimeo with dnt=1).
        "embedUrl": embed.embed_url if embed else None,
        "transcript": transcript or None,
        "inLanguage": language_code,
        "publisher": publisher,
        "url": url,
    }
    return {key: value for key, value in data.items() if value is not None}


@dataclass
class PageMetadata:
    description: str = ""
    canonical: str | None = None
    robots: str = ""
    open_graph: list = field(default_factory=list)
    twitter: list = field(default_factory=list)
    json_ld: list[SafeString] = field(default_factory=list)


def robots_directive(request=None):
    """Staging keeps out of search engines. (Pages that are never to be indexed, such as the
    search results, say so in base.html's `robots` block.)"""
    return "noindex, nofollow" if is_staging() else ""


def page_metadata(page, request, *, translations=(), paginated=None, byline=None):
    """Everything `seo.html` writes for a Wagtail page. It adds no query to a page view: the
    page's image is loaded for the template anyway, and the link-preview rendition comes with
    the template's renditions (`social_image`)."""
    metadata = PageMetadata(robots=robots_directive(request))
    url_parts = page.get_url_parts(request)
    if not url_parts or url_parts[1] is None:
        return metadata
    root_url = url_parts[1]
    language_code = next(
        (t.locale.language_code for t in translations if t.pk == page.pk),
        None,
    ) or page.locale.language_code

    metadata.description = page_description(page)
    metadata.canonical = canonical_url(page, request, paginated)
    image = social_image(page, root_url)
    title = page.seo_title or page.title
    speaks = isinstance(page, BasePage)  # Wagtail's own root page says nothing of itself
    og_type = page.open_graph_type if speaks else "website"

    og = [
        ("og:type", og_type),
        ("og:title", title),
        ("og:url", metadata.canonical),
        ("og:site_name", str(settings.SITE_TITLE)),
        ("og:locale", og_locale(language_code)),
    ]
    og += [("og:locale:alternate", og_locale(t.locale.language_code))
           for t in translations if t.pk != page.pk]
    if metadata.description:
        og.append(("og:description", metadata.description))
    if image:
        og += [
            ("og:image", image.url),
            ("og:image:type", image.mime_type),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
        ]
        if image.alt:
            og.append(("og:image:alt", image.alt))
    if og_type == "article":
        published, modified = page.publication_dates()
        og += [(name, value) for name, value in [("article:published_time", published),
                                                 ("article:modified_time", modified)] if value]
    metadata.open_graph = og

    metadata.twitter = [("twitter:card", "summary_large_image" if image else "summary")]
    if image and image.alt:
        metadata.twitter.append(("twitter:image:alt", image.alt))

    publisher = organization(root_url)
    common = {"url": metadata.canonical, "description": metadata.description, "image": image,
              "language_code": language_code, "publisher": publisher}
    structured = page.structured_data(byline=byline, **common) if speaks else None
    if structured:
        metadata.json_ld.append(json_ld(structured))
    return metadata


def find_paginated(context):
    """The listing page (`django.core.paginator.Page`) a view renders, if any."""
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance would evaluate lazy objects such as `user`.
        if issubclass(type(value), PaginatorPage):
            return value
    return None


# schema.org's names of an event's status and attendance mode (the page's `status`,
# `event_format`).
EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "moved_online": "https://schema.org/EventMovedOnline",
}
ATTENDANCE_MODE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "on_site": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def _event_moment(page, moment):
    """An instant with its offset in the event's own zone (2021-09-29T10:00:00+02:00); a
    date for all-day events."""
    if moment is None:
        return None
    local = moment.astimezone(page.event_zone)
    return local.date().isoformat() if page.all_day else local.isoformat()


def event_locations(page, url):
    """`Place` for on site, `VirtualLocation` for online, both for hybrid."""
    locations = []
    if page.is_on_site:
        address = {"@type": "PostalAddress", "streetAddress": page.address or None,
                   "addressLocality": page.city or None, "addressCountry": page.country or None}
        locations.append({
            "@type": "Place",
            "name": page.venue or page.city or page.title,
            "address": {key: value for key, value in address.items() if value},
        })
    if page.is_online:
        locations.append({"@type": "VirtualLocation", "url": page.shown_join_url or url})
    return locations


def event(page, *, url, description, image, language_code, publisher, byline=None):
    """schema.org `Event` of an event page (its start, end, status, format, place,
    organiser, registration)."""
    locations = event_locations(page, url)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": description or None,
        "startDate": _event_moment(page, page.start),
        "endDate": _event_moment(page, page.end),
        "eventStatus": EVENT_STATUS.get(page.status),
        "eventAttendanceMode": ATTENDANCE_MODE.get(
            "online" if page.status == "moved_online" else page.event_format),
        "location": (locations[0] if len(locations) == 1 else locations) or None,
        "organizer": ({"@type": "Organization", "name": page.organiser}
                      if page.organiser else publisher),
        "image": [image.url] if image else None,
        "inLanguage": language_code,
        "url": url,
    }
    if page.registration_url and not page.is_past and page.status != "cancelled":
        data["offers"] = {"@type": "Offer", "url": page.registration_url, "price": "0",
                          "priceCurrency": "EUR", "availability": "https://schema.org/InStock"}
    return {key: value for key, value in data.items() if value is not None}


def event_series(page, sessions, *, url, description, image, language_code, publisher,
                 byline=None):
    """schema.org `EventSeries` with its sessions as `subEvent`."""
    data = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": page.title,
        "description": description or None,
        "image": [image.url] if image else None,
        "organizer": publisher,
        "inLanguage": language_code,
        "url": url,
        "subEvent": [{"@type": "Event", "name": session.title,
                      "startDate": _event_moment(session, session.start),
                      "endDate": _event_moment(session, session.end),
                      "eventStatus": EVENT_STATUS.get(session.status),
                      "url": session.full_url} for session in sessions] or None,
    }
    return {key: value for key, value in data.items() if value is not None}

"""`{% seo_metadata as seo %}`: the head tags for search engines and link previews.

Reads what the page's view already has in its context (the page, its live translations from
`base.html`, the listing page, the news item's byline), so it adds no per-item queries.
"""

from django import template
from wagtail.models import Page

from caching.fragments import resolve
from core.seo import PageMetadata, find_paginated, page_metadata, robots_directive
from core.templatetags.site_tags import page_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_metadata(context):
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        # Views that are not Wagtail pages (search, error pages): only the robots directive.
        return PageMetadata(robots=robots_directive(request))
    translations = context.get("translations")
    if translations is None:
        translations = page_translations(page)
    return page_metadata(
        page,
        request,
        translations=translations,
        paginated=find_paginated(context),
        byline=resolve(context.get("byline")),
    )

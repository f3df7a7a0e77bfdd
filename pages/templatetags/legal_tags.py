from django import template
from django.utils import translation

from core.cache import cached_pages, site_key
from pages.models import StandardPage

register = template.Library()


@register.inclusion_tag("pages/includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Imprint, privacy notice and accessibility statement in the reader's language, from the
    cache until the next publication."""
    language = translation.get_language()
    return {
        "links": cached_pages(site_key("footer", language=language),
                              lambda: StandardPage.footer_pages(language)),
        "request": context.get("request"),
    }

from django import template
from django.utils import translation

from caching.fragments import cached_list, key
from pages.models import StandardPage

register = template.Library()


@register.inclusion_tag("pages/includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Imprint, privacy notice and accessibility statement in the reader's language, from the
    cache (they sit below the home page: a change to them retires everything)."""
    language = translation.get_language()
    return {
        "links": cached_list(key("footer", language=language),
                             lambda: StandardPage.footer_pages(language)),
        "request": context.get("request"),
    }

from django import template
from django.utils import translation

from pages.models import StandardPage

register = template.Library()


@register.inclusion_tag("pages/includes/footer_links.html", takes_context=True)
def footer_links(context):
    """Imprint, privacy notice and accessibility statement in the reader's language (one query)."""
    return {
        "links": StandardPage.footer_pages(translation.get_language()),
        "request": context.get("request"),
    }

from django import template

from core.pagination import with_listing_images
from news.models import NewsPage

register = template.Library()


@register.simple_tag
def latest_news(home_page, count=3):
    """The newest news items in the home page's language, for the home page."""
    news = (
        NewsPage.objects.live().public().descendant_of(home_page)
        .order_by("-date", "-pk").defer_streamfields()
    )
    return list(with_listing_images(news, "lead_image")[:count])

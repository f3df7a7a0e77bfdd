from django import template

from caching import tags
from core.listing import with_listing_images
from core.restrictions import public_q
from news.models import NewsPage

register = template.Library()


@register.simple_tag
def latest_news(home_page, count=3):
    """The newest news items in the home page's language, for the home page."""
    tags.shows(tags.NEWS)
    news = (
        NewsPage.objects.live().filter(public_q()).descendant_of(home_page)
        .order_by("-date", "-pk").defer_streamfields()
    )
    return with_listing_images(news[:count])

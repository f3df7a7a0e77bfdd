from wagtail import hooks

from .admin_listing import news_page_viewset


@hooks.register("register_admin_viewset")
def register_news_page_viewset():
    return news_page_viewset

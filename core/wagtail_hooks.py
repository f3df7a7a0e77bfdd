from django.urls import path
from wagtail import hooks

from .page_chooser import URL_NAME, browse_in_language, only_pages_in_language


@hooks.register("register_admin_urls")
def page_chooser_in_language_urls():
    return [
        path("choose-page-in/<str:language_code>/", browse_in_language, name=URL_NAME),
        path("choose-page-in/<str:language_code>/<int:parent_page_id>/", browse_in_language,
             name=URL_NAME),
    ]


hooks.register("construct_page_chooser_queryset", only_pages_in_language)

"""Admin hooks of the translators' own start: the "start translation" URL, the
"Zu übersetzen" dashboard panel and the explorer button.

`wagtail_hooks.py` imports this module, so Wagtail registers these hooks with the others.
"""

from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale

from .approval import approve_translation
from .autodraft import existing_translation
from .conf import SOURCE_LANGUAGE
from .start import start_translation_view, start_url, startable_languages
from .worklist import WorkToTranslatePanel


@hooks.register("register_admin_urls")
def register_start_translation_url():
    return [
        path(
            "translation/start/<str:kind>/<str:pk>/<str:language_code>/",
            start_translation_view,
            name="translation_start",
        ),
        path(
            "translation/approve/<int:task_state_id>/",
            approve_translation,
            name="translation_approve",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_work_to_translate_panel(request, panels):
    panels.insert(0, WorkToTranslatePanel())


def start_buttons(page, user, view_name=None, next_url=None):
    """ "Translate into <language>" on a German page for translators who may see it (the
    Redaktion has wagtail-localize's own "Translate this page" for every language)."""
    if page.depth <= 2 or page.alias_of_id or user.has_perm("wagtail_localize.submit_translation"):
        return
    if page.locale.language_code != SOURCE_LANGUAGE:
        return
    codes = startable_languages(user)
    if not codes:
        return
    for locale in Locale.objects.filter(language_code__in=codes):
        if existing_translation(page, locale) is None:
            yield ListingButton(
                _("Translate into %(language)s") % {"language": locale.get_display_name()},
                start_url(type(page), page.pk, locale.language_code),
                priority=61,
                icon_name="site",
            )


hooks.register("register_page_header_buttons", start_buttons)
hooks.register("register_page_listing_more_buttons", start_buttons)

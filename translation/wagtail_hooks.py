"""Admin hooks: translators stay in their language, translations go through approval, and the
agency exchange (XLIFF) and the "Übersetzungsstatus" report get their URLs, menu entry and
dashboard panel.

The guards run before wagtail-localize's own hooks (`order=-10`), so a request is checked before
wagtail-localize's editor takes it over.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize import wagtail_hooks as _localize_hooks  # noqa: F401 - registered first

from .approval.review import approve_translation
from .approval.workflow import enabled_translation, handle_editor_action
from .exchange import views as exchange_views
from .guards import boundaries, sources, views
from .guards.permissions import may_handle, may_handle_language
from .status.panel import TranslationStatusMenuItem, TranslationStatusPanel
from .status.report import TranslationStatusReportView
from .work.start import start_buttons, start_translation_view
from .work.worklist import WorkToTranslatePanel

FIRST = -10


@hooks.register("register_admin_urls", order=FIRST)
def guard_wagtail_localize_urls():
    """The same paths as wagtail-localize's, registered first, so these views answer them."""
    translate = "localize/translate/<int:translation_id>/"
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            views.update_translations_view,
            name="translation_update_translations",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            views.submit_page_translation,
            name="translation_submit_page",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.submit_snippet_translation,
            name="translation_submit_snippet",
        ),
        path(
            translate + "strings/<int:string_segment_id>/edit/",
            views.edit_string_translation,
            name="translation_edit_string",
        ),
        path(
            translate + "overrides/<int:overridable_segment_id>/edit/",
            views.edit_override,
            name="translation_edit_override",
        ),
        path(translate + "pofile/download/", views.download_pofile, name="translation_po_download"),
        path(
            translate + "pofile/upload/",
            exchange_views.upload_pofile,  # checked completely before anything is stored
            name="translation_po_upload",
        ),
        path(
            translate + "machine_translate/",
            views.machine_translate,
            name="translation_machine_translate",
        ),
        path(translate + "preview/", views.preview_translation, name="translation_preview"),
        path(
            translate + "preview/<str:mode>/",
            views.preview_translation,
            name="translation_preview_mode",
        ),
        path(translate + "disable/", views.stop_translation, name="translation_stop"),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.convert_to_alias,
            name="translation_convert_to_alias",
        ),
    ]


@hooks.register("before_edit_page", order=FIRST)
def submit_page_translations_for_approval(request, page):
    if request.method != "POST":
        return None
    translation = enabled_translation(page)
    if translation is None:
        return None
    return handle_editor_action(request, translation, page)


@hooks.register("before_edit_snippet", order=FIRST)
def translators_edit_snippets_in_their_language(request, instance):
    if not isinstance(instance, TranslatableMixin):
        return None
    if not may_handle(request.user, instance, "change"):
        raise PermissionDenied
    if request.method != "POST":
        return None
    translation = enabled_translation(instance)
    if translation is None:
        return None
    return handle_editor_action(request, translation, instance)


@hooks.register("before_create_snippet", order=FIRST)
def translators_create_snippets_in_their_language(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale") or Locale.get_default().language_code
    if not may_handle_language(request.user, model, code, "add"):
        raise PermissionDenied
    return None


@hooks.register("before_delete_snippet", order=FIRST)
def translators_delete_snippets_in_their_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_handle(
            request.user, instance, "delete"
        ):
            raise PermissionDenied
    return None


@hooks.register("register_admin_urls")
def register_exchange_and_report_urls():
    translate = "localize/translate/<int:translation_id>/"
    return [
        path(
            translate + "xliff/download/",
            exchange_views.download_xliff,
            name="translation_xliff_download",
        ),
        path(
            translate + "xliff/upload/",
            exchange_views.upload_xliff,
            name="translation_xliff_upload",
        ),
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="translation_status_report",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="site",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


# --- Translators start their own work; approval saves the reviewer's edits -----------------------


@hooks.register("register_admin_urls")
def register_start_and_approve_urls():
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


hooks.register("register_page_header_buttons", start_buttons)
hooks.register("register_page_listing_more_buttons", start_buttons)


# --- Boundaries: translators delete nothing; a language serves only its own pages ---------------


@hooks.register("before_delete_page")
def translators_delete_no_pages(request, page):
    if boundaries.is_translator_only(request.user):
        raise PermissionDenied


@hooks.register("construct_page_action_menu")
def hide_delete_from_translators(menu_items, request, context):
    if boundaries.is_translator_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-delete"]


@hooks.register("construct_page_listing_buttons")
def hide_delete_buttons_from_translators(buttons, page, user, context=None):
    if boundaries.is_translator_only(user):
        boundaries.drop_delete_buttons(buttons)


hooks.register("before_serve_page", boundaries.serve_only_pages_of_the_requested_language)


@hooks.register("construct_snippet_listing_buttons")
def no_translate_buttons_for_unsubmitted_drafts(buttons, snippet, user):
    if not sources.may_translate_from(snippet):
        sources.drop_translation_buttons(buttons)


sources.install()


@hooks.register("register_group_permission_panel")
def translator_languages_panel():
    from .group_languages import TranslatorLanguagesForm

    return TranslatorLanguagesForm

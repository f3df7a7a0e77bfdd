"""Admin hooks for the agency exchange (XLIFF, strict PO import) and the "Übersetzungsstatus"
report: its URLs, its entry in the reports menu and its panel on the dashboard.

`wagtail_hooks.py` imports this module, so Wagtail registers these hooks with the others.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .exchange import views as exchange_views
from .status.compute import IN_PROGRESS, MISSING, OUTDATED
from .status.report import TranslationStatusReportView, may_view_report


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


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="site",
        order=150,
    )


class TranslationStatusPanel(Component):
    """A dashboard panel with links into the report, filtered by status. It queries nothing
    beyond the permission check; the report itself counts."""

    name = "translation_status"
    order = 130
    template_name = "translation/panels/translation_status.html"

    def get_context_data(self, parent_context):
        url = reverse("translation_status_report")
        return {
            "report_url": url,
            "links": [
                (_("Outdated translations"), f"{url}?status={OUTDATED}"),
                (_("Translations in progress"), f"{url}?status={IN_PROGRESS}"),
                (_("Missing translations"), f"{url}?status={MISSING}"),
            ],
        }

    def render_html(self, parent_context=None):
        if not may_view_report(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())

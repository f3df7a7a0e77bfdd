"""The "Übersetzungsstatus" report in the admin: its entry in the reports menu and its panel
on the dashboard (registered in `translation.wagtail_hooks`)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .compute import IN_PROGRESS, MISSING, OUTDATED
from .report import may_view_report


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_report(request.user)


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

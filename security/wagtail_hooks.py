from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .documents import KeyedDocumentLinkHandler
from .lockouts import LockoutReportView, may_manage_lockouts, unlock


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("reports/locked-logins/", LockoutReportView.as_view(), name="security_lockouts"),
        path(
            "reports/locked-logins/results/",
            LockoutReportView.as_view(results_only=True),
            name="security_lockouts_results",
        ),
        path("reports/locked-logins/<int:pk>/unlock/", unlock, name="security_unlock"),
    ]


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_lockouts(request.user)


@hooks.register("register_reports_menu_item")
def register_lockout_menu_item():
    return LockoutMenuItem(
        _("Locked logins"), reverse("security_lockouts"), icon_name="lock", order=900
    )


# After wagtail.documents' own hook (order 0), which registers the numbered link type.
@hooks.register("register_rich_text_features", order=100)
def register_keyed_document_links(features):
    features.register_link_type(KeyedDocumentLinkHandler)

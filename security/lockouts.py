"""Failed logins and lockouts, listed to administrators in the Wagtail admin ("Berichte" →
"Gesperrte Anmeldungen"), where a lock can be lifted before it runs out."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.db.models import F
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.reports import ReportView


def may_manage_lockouts(user):
    """Administrators: superusers and whoever manages user accounts."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user.has_perm("auth.change_user"))
    )


def locked_until(attempt):
    """When the lock of `attempt` ends, or None if it is not (or no longer) locked."""
    if attempt.failures_since_start < settings.AXES_FAILURE_LIMIT:
        return None
    cool_off = settings.AXES_COOLOFF_TIME
    if not cool_off:
        return timezone.now() + timezone.timedelta(days=36500)
    until = attempt.attempt_time + cool_off
    return until if until > timezone.now() else None


class LockoutReportView(ReportView):
    page_title = gettext_lazy("Locked logins")
    header_icon = "lock"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "security/lockouts_results.html"
    index_url_name = "security_lockouts"
    index_results_url_name = "security_lockouts_results"
    export_filename = "failed-logins"
    list_export = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info"]
    export_headings = {
        "username": gettext_lazy("User name"),
        "ip_address": gettext_lazy("Address"),
        "failures_since_start": gettext_lazy("Failed attempts"),
        "attempt_time": gettext_lazy("Last attempt"),
        "path_info": gettext_lazy("Login page"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_lockouts(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AccessAttempt.objects.order_by(
            F("failures_since_start").desc(), "-attempt_time"
        ).only(*self.list_export, "user_agent")

    def decorate_paginated_queryset(self, object_list):
        for attempt in object_list:
            attempt.locked_until = locked_until(attempt)
        return object_list


@require_POST
def unlock(request, pk):
    if not may_manage_lockouts(request.user):
        return permission_denied(request)
    attempt = AccessAttempt.objects.filter(pk=pk).first()
    if attempt is not None:
        # Every record of this user name and address, whatever browser it came from.
        AccessAttempt.objects.filter(
            username=attempt.username, ip_address=attempt.ip_address
        ).delete()
        messages.success(
            request,
            _("The login of “%(username)s” from %(address)s is unlocked.")
            % {"username": attempt.username, "address": attempt.ip_address},
        )
    return redirect(reverse("security_lockouts"))

"""The admin's logout and password reset, with two doors closed.

- Wagtail's logout view answers a GET with 405 but still deletes the session cookie (and
  queues "successfully logged out"), while the session stays valid on the server; a link or
  image on another site could make an editor believe they had logged out. A GET is refused
  here before Wagtail's view runs (editorial/UPSTREAM.md).
- A password reset sends a mail each time it is asked for. It is limited per e-mail address
  (whether or not an account has it, so the limit tells nobody which addresses exist) and
  per client address.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LogoutView, PasswordResetView

from .ratelimit import is_over_limit, is_rate_limited

wagtail_logout = LogoutView.as_view()


def logout(request):
    if request.method != "POST":
        response = HttpResponseNotAllowed(["POST"])
        add_never_cache_headers(response)
        return response
    return wagtail_logout(request)


class LimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        mails, mails_period = settings.PASSWORD_RESET_MAILS_PER_ADDRESS
        requests, requests_period = settings.PASSWORD_RESET_REQUESTS_PER_CLIENT
        email = form.cleaned_data["email"].strip().lower()
        limited = is_rate_limited(self.request, "password-reset", requests, requests_period)
        limited = is_over_limit("password-reset-mail", email, mails, mails_period) or limited
        if not limited:
            return super().form_valid(form)
        form.add_error(None, _(
            "A password reset was asked for too often. Please check your "
            "inbox, including the spam folder, or try again in an hour."
        ))
        response = self.form_invalid(form)
        response.status_code = 429
        return response


# Before Wagtail's admin URLs (site/urls.py), under the same names.
urlpatterns = [
    path("admin/logout/", logout, name="wagtailadmin_logout"),
    path("admin/password_reset/", LimitedPasswordResetView.as_view(),
         name="wagtailadmin_password_reset"),
]

"""/.well-known/security.txt (RFC 9116): where to report a vulnerability."""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# RFC 9116 asks for an expiry date less than a year ahead; the file is always re-dated.
EXPIRES_AFTER = timedelta(days=180)


def contact_uri(value):
    value = value.strip()
    if not value:
        return ""
    if "@" in value and not value.startswith(("mailto:", "https://")):
        return f"mailto:{value}"
    return value


@require_safe
@cache_control(public=True, max_age=86400)
def security_txt(request):
    contact = contact_uri(settings.SECURITY_CONTACT or settings.DEFAULT_FROM_EMAIL)
    if not contact:
        raise Http404("No security contact configured")
    expires = (timezone.now() + EXPIRES_AFTER).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: de, en",
        # From the settings, not from the request's Host header.
        f"Canonical: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

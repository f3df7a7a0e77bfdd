"""The address a request comes from, the same for login throttling and form rate limits.

`X-Forwarded-For` can be written by anyone, so it is only believed when the site says how
many proxies of its own stand in front of it (`TRUSTED_PROXY_COUNT`): with one proxy
(e.g. nginx), the last address in the header is the one that proxy saw. Without that
setting the direct peer (`REMOTE_ADDR`) counts, and a forged header changes nothing.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's IP address as a normalised string, or None when there is none."""
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote

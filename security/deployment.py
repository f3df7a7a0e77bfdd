"""Settings that production must not run with: the checks behind `siteconfig.settings.production`
(which refuses to start) and `manage.py check --deploy` (security/checks.py).

The functions take plain values, so that the settings module can call them before Django is
set up.
"""

import ipaddress
from urllib.parse import urlsplit

PLACEHOLDER_DOMAINS = {"localhost.localdomain", "localdomain"}


def proxy_problems(frontend_cache_urls, trusted_proxy_count):
    """Behind Varnish every request comes from Varnish's address: without TRUSTED_PROXY_COUNT
    one reader's wrong passwords would lock a user name for everyone, and all readers would
    share one rate limit."""
    if frontend_cache_urls and trusted_proxy_count <= 0:
        return [
            "FRONTEND_CACHE_URLS is set, so the app stands behind Varnish, but "
            "TRUSTED_PROXY_COUNT is 0: every reader would have Varnish's address. Set "
            "TRUSTED_PROXY_COUNT=1 (deploy/varnish/default.vcl hands over the reader's address)."
        ]
    return []


def _is_public_name(host):
    """A host name on the Internet: not localhost, not an address, not a bare name."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "." in host and host not in PLACEHOLDER_DOMAINS
    return False


def _domain(contact):
    address = contact.removeprefix("mailto:")
    if "@" in address and "://" not in address:
        return address.rpartition("@")[2].lower()
    return (urlsplit(contact).hostname or "").lower()


def security_txt_problems(contact, base_url):
    """security.txt must name a real contact and an https address of the site."""
    problems = []
    contact = (contact or "").strip()
    domain = _domain(contact)
    if not contact:
        problems.append("SECURITY_CONTACT must be set: security.txt names it.")
    elif contact.startswith("http") and not contact.startswith("https://"):
        problems.append("SECURITY_CONTACT must be an e-mail address or an https:// address.")
    elif not _is_public_name(domain):
        problems.append(
            f"SECURITY_CONTACT is a placeholder ({contact}); name the address where "
            "vulnerabilities are reported."
        )
    parts = urlsplit(base_url or "")
    if parts.scheme != "https" or not _is_public_name(parts.hostname or ""):
        problems.append(
            f"WAGTAILADMIN_BASE_URL must be the site's https:// address, not {base_url!r}: "
            "security.txt and notification e-mails use it."
        )
    return problems

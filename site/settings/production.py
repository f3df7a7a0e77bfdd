"""Production settings: refuse to start without a real secret key and database."""

import os

from django.core.exceptions import ImproperlyConfigured

from security.deployment import proxy_problems, security_txt_problems

from .base import *  # noqa: F403
from .base import env_bool

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-")):  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50 characters or more.")
if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names.")
# Every app server and the worker must share one cache: the change mark and the fragments live
# there. Per-process memory would serve each process's own, stale view of the site.
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL must point at the Redis that all app servers and the worker share."
    )
# The demo content (fixed logins, a superuser) is no part of a production site. The bench, which
# runs the production stack on a throwaway database, asks for it with DEMO_CONTENT=1.
if not env_bool("DEMO_CONTENT"):
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "demo"]  # noqa: F405
# Behind Varnish, lockouts and rate limits need the reader's address; security.txt must not
# name a placeholder.
_problems = [
    *proxy_problems(FRONTEND_CACHE_URLS, TRUSTED_PROXY_COUNT),  # noqa: F405
    *security_txt_problems(SECURITY_CONTACT or DEFAULT_FROM_EMAIL, WAGTAILADMIN_BASE_URL),  # noqa: F405
]
if _problems:
    raise ImproperlyConfigured(" ".join(_problems))

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Ready for the browsers' HSTS preload list (every subdomain must then speak HTTPS). A site
# that cannot promise that sets SECURE_HSTS_PRELOAD=false; the check's reminder is then moot.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

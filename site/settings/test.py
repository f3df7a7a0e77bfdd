import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# App servers started by a test (caching/tests/test_two_instances.py) share one Redis cache, as
# production's do: fragment caches and the content version must agree between them.
if os.environ.get("TEST_SHARED_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["TEST_SHARED_CACHE_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "test"),
        }
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as `make run` has, not memory: the live server's threads then each have a
    # connection of their own. An in-memory database is one connection shared by every thread,
    # and a browser's parallel requests lock its tables. Each xdist worker gets its own file.
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A statement that waits a minute for a lock is a bug in a test (a transaction left open by
    # a live server's thread): it fails with PostgreSQL's message instead of hanging the run.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c lock_timeout=60s"  # noqa: F405

# CI must test against PostgreSQL and must never fall back to SQLite quietly.
if os.environ.get("REQUIRE_POSTGRES") and DATABASES["default"]["ENGINE"] != (  # noqa: F405
    "django.db.backends.postgresql"
):
    raise ImproperlyConfigured("REQUIRE_POSTGRES is set, but DATABASE_URL is not PostgreSQL.")

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run at once, inside the request or test that queues them; core/tests proves the
# database worker separately.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Production sends each front-cache purge again two seconds later (caching/frontend.py); a test
# that wants the second purge turns it on.
FRONTEND_CACHE_PURGE_AGAIN_AFTER = 0

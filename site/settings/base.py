"""Settings shared by every environment. Values that differ come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.storage import media_storage, serves_media_from_files
from translation.conf import DEFAULT_SITE_LANGUAGES, machine_translator, site_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "topics",
    "videos",
    "news",
    "events",
    "editorial",
    "translation",
    "search",
    "pages",
    "caching",
    "security",
    "ops",
    "typo3import",
    "newsletter",
    "demo",
    "wagtail_localize",
    "wagtail.locales",  # not wagtail_localize.locales: its "Sync from" publishes aliases
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # German for "vor 10 Sekunden" (Wagtail's naturaltime filter uses humanize's catalogue).
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "security.middleware.RefuseTraceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.csp.ContentSecurityPolicyMiddleware",
    "security.middleware.PermissionsPolicyMiddleware",
    "core.middleware.StagingNoIndexMiddleware",
    # NUL and bytes that are not UTF-8 in a URL: 404 before any view or database sees them.
    "security.middleware.MalformedUrlMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session and locale middleware, so that it sees (and drops) their Vary.
    "caching.middleware.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Old TYPO3 URLs (?tx_news_pi1[news]=…) answer 301 before any page is looked for.
    "typo3import.legacy.OldUrlMiddleware",
    "caching.routes.RouteCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last: each form sent is one transaction, all or nothing (core/transactions.py).
    "core.transactions.AtomicWritesMiddleware",
]

ROOT_URLCONF = "siteconfig.urls"
WSGI_APPLICATION = "siteconfig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database for a small newsroom (README, "The embedded default"): readers never
    # wait for writers (WAL); a write transaction takes the lock when it begins, so two editors
    # publishing at once queue instead of failing halfway; a writer waits up to 20 s for another.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Full-text search fields (search/models.py) are declared on every database; on SQLite this
# app does nothing.
INSTALLED_APPS.append("django.contrib.postgres")

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "site"),
            # A cache that is down or slow is a miss, not an error page: pages are then
            # rendered in full.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1,
                        "SOCKET_TIMEOUT": 1},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "caching.redis"
else:
    # Without Redis (the embedded default), files that the web server, the worker and every
    # command share: a change made by one process (a scheduled publication, a privacy setting)
    # reaches the others' fragments and tags at once. Per-process memory could not.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "site"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. German is the source language and is served without a URL prefix;
# every other language lives under its own prefix (/en/ …). SITE_LANGUAGES adds languages
# without a code change ("de,en,ar"; German always comes first), then
# `manage.py add_language <code>` makes its locale, draft page tree and translators' group.
LANGUAGE_CODE = "de"
LANGUAGES = site_languages(os.environ.get("SITE_LANGUAGES", DEFAULT_SITE_LANGUAGES))
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
FORMAT_MODULE_PATH = ["siteconfig.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Connective Cities"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's own search (the admin's) uses its database backend. The public search has its own
# index with each language's stemmer (search/models.py); after deploying a change to it, run
# `manage.py rebuild_search_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.admin_backend", "SEARCH_CONFIG": "german"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "vtt", "xlsx", "zip"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "jpeg": "webp", "png": "webp"}
# Videos are rendered from their stored URL behind a consent placeholder; nothing is
# fetched from a provider, so the oEmbed finders are switched off.
WAGTAILEMBEDS_FINDERS = []
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The admin's date and time fields, as the Redaktion writes dates ("05.12.2026 10:00", not
# "2026-12-05"); every admin language accepts them (siteconfig/formats/*/formats.py).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "redaktion@localhost")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SITE_TITLE = _("Connective Cities")

# Where this instance runs: "production" (the default) or "staging". A staging site stays out
# of search engines: robots.txt disallows everything, and every response says noindex
# (header X-Robots-Tag and meta robots). A typo must not let a staging site be indexed.
SITE_ENVIRONMENT = os.environ.get("SITE_ENVIRONMENT", "production").strip().lower()
if SITE_ENVIRONMENT not in {"production", "staging"}:
    raise ImproperlyConfigured(
        f"SITE_ENVIRONMENT must be 'production' or 'staging', not {SITE_ENVIRONMENT!r}."
    )

# A translation is never published by submitting or syncing it: it starts as a draft and goes
# through the same approval as any page (see wagtail-localize issue #743).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in wagtail-localize's editor: DeepL when DEEPL_API_KEY is set, otherwise
# an offline translator that copies the text marked "[EN] …". Its output is a draft, too.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(DEEPL_API_KEY)
# Approving a translation publishes it with the reviewer's edits from the translation editor.
WAGTAIL_FINISH_WORKFLOW_ACTION = "translation.approval.finish.publish_workflow_state"


# --- Editorial workflow (editorial/) -----------------------------------------------------------
# Roles, the workflow "Redaktionelle Freigabe", scheduled publishing and the editors' dashboard.
# Every page and contact goes through approval by the Redaktion before it is published.
WAGTAIL_WORKFLOW_ENABLED = True
# Editing something that is in moderation asks for approval again, from the first task.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Editorial safety, on and configured: comments, locking, concurrent-editing notices (how often
# an open editor reports itself, in ms), live preview (refresh interval, in ms), revisions.
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILADMIN_GLOBAL_EDIT_LOCK = False
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10_000
WAGTAIL_AUTO_UPDATE_PREVIEW_INTERVAL = 500
WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT = 10
# The content checks (accessibility, readability) are on by default; they need the admin's base
# URL, which is set above. No request leaves the server for Wagtail's update check.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Notifications: the Redaktion on submission, the author on approval or rejection (with the
# comment). Submissions go to the reviewing group, not to every superuser as well.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL
)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# `manage.py run_scheduler` publishes and expires scheduled content this often (seconds, ≤ 60).
EDITORIAL_SCHEDULER_INTERVAL = int(os.environ.get("EDITORIAL_SCHEDULER_INTERVAL", "30"))
# No avatars from Gravatar (it would send a hash of each editor's e-mail address to a US
# service): initials, or a picture uploaded in the account settings.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Slugs are ASCII, with German transliteration (core.forms): "geöffnet" → "geoeffnet".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# --- End of editorial workflow -----------------------------------------------------------------


# --- HTTP caching and the front cache (caching/) -----------------------------------------------
# FRONTEND_CACHE_URLS lists the Varnish instances to purge on publish (comma-separated, their
# "purge" listen addresses, e.g. http://127.0.0.1:6091); unset, nothing is purged.
# HTTP_CACHE_MAX_AGE and HTTP_CACHE_S_MAXAGE (seconds) set how long browsers and shared caches
# keep public pages.
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URLS")
# --- End of HTTP caching ------------------------------------------------------------------------


# --- Speed and scale-out (core/) ---------------------------------------------------------------
# Background work runs as tasks in the database, picked up by `manage.py run_worker`: search
# and reference indexing, image renditions, front-cache purging, scheduled publishing.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Finished task results are kept this many days, then pruned once a day.
TASK_RESULTS_KEEP_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_DAYS", "7"))
PERIODIC_TASKS = {
    "editorial.tasks.publish_scheduled": EDITORIAL_SCHEDULER_INTERVAL,
    "core.tasks.prune_task_results": 24 * 60 * 60,
    # An event that ended moves from "upcoming" to the archive (events/tasks.py).
    "events.tasks.retire_ended_events": 60,
    # Newsletter: scheduled sends, retries and sends whose worker died; unconfirmed requests.
    "newsletter.tasks.run_due_deliveries": 30,
    "newsletter.tasks.delete_unconfirmed_requests": 60 * 60,
}
# Media: S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set, otherwise files
# under MEDIA_ROOT, which production serves at MEDIA_URL (core/media.py, deploy/nginx/).
STORAGES["default"] = media_storage(os.environ)
# The app's /media/ view (core/media.py). Behind nginx (deploy/nginx/media.conf) it answers only
# the images awaiting approval that nginx passes on; SERVE_MEDIA=false turns it off.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True) and serves_media_from_files(STORAGES)
# --- End of speed and scale-out ----------------------------------------------------------------
# --- Security (security/) ----------------------------------------------------------------------
# Logins: django-axes locks out a user name from one address after AXES_FAILURE_LIMIT wrong
# passwords, for AXES_COOLOFF_TIME; other addresses (the rest of an office behind another
# connection) can still log in as that user. Lockouts are listed under Einstellungen →
# "Gesperrte Anmeldungen" and can be lifted there.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, where a translators' group without a language grants nothing.
    "translation.guards.grants.TranslatorAwareModelBackend",
]
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "security.clientip.client_ip"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# How many reverse proxies of our own stand in front of the app (nginx, Varnish …); only then
# is X-Forwarded-For believed, for login lockouts and form rate limits (security/clientip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Password reset mails: (how many, per seconds) to one e-mail address, and requests from one
# client address (security/accounts.py).
PASSWORD_RESET_MAILS_PER_ADDRESS = (3, 3600)
PASSWORD_RESET_REQUESTS_PER_CLIENT = (10, 3600)

# Content-Security-Policy: see security/csp.py for the public and the admin policy.
# No avatars from Gravatar: the admin would send a hash of every editor's e-mail address there.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
X_FRAME_OPTIONS = "DENY"

# Uploads: size and pixel limits; types are checked by their content (security/uploads.py).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Authors' images and documents stay in the private collection "Zur Freigabe" until the
# Redaktion publishes a page that uses them or releases them (security/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.ImageForm"
# Where to report a vulnerability, for /.well-known/security.txt (an e-mail address or URL).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "")
# --- End of security ---------------------------------------------------------------------------


# --- Newsletter (newsletter/) -------------------------------------------------------------------
# Mail goes through EMAIL_BACKEND (SMTP unless set; the console under `make run`). For a provider,
# set EMAIL_BACKEND to its django-anymail backend (e.g. anymail.backends.postmark.EmailBackend),
# ANYMAIL_<PROVIDER>_… credentials as anymail names them, and ANYMAIL_WEBHOOK_SECRET
# ("user:password"): only then are the bounce and complaint webhooks served, at
# /anymail/<provider>/tracking/, and every call without that secret (or, for providers that sign
# their calls, without a valid signature) is refused.
INSTALLED_APPS += ["anymail"]
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_")
}
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# Mails per batch (the lease is renewed after each), attempts for a temporary failure, and the
# first pause before a retry (doubled each time).
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
NEWSLETTER_MAX_ATTEMPTS = int(os.environ.get("NEWSLETTER_MAX_ATTEMPTS", "5"))
NEWSLETTER_RETRY_MINUTES = int(os.environ.get("NEWSLETTER_RETRY_MINUTES", "1"))
# --- End of newsletter --------------------------------------------------------------------------

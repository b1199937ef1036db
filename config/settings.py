"""Study Hall settings: one file, driven by environment variables (see README)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=1 for local development (make run does this)."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-on"  # noqa: S105 (debug only)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
CONTENT_DIR = Path(os.environ.get("STUDYHALL_CONTENT_DIR", BASE_DIR / "content"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "accounts",
    "courses",
    "quiz",
    "cohorts",
    "django_tasks",
    "django_tasks_db",
    "reports",
]

MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",  # /healthz, /readyz: before host checks and sessions
    "courses.http.ResourcePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: precompressed, never re-gzipped
    "django.middleware.gzip.GZipMiddleware",  # HTML; BREACH mitigation: see README, Performance
    "courses.shared_pages.SharedPageMiddleware",  # public pages replayed to cookie-less readers
    "courses.http.PersonalCacheMiddleware",  # outside sessions, CSRF and messages: sees cookies
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "courses.csp.SitePolicyMiddleware",  # django-csp, the policy built once
    "courses.charset.RequestCharsetMiddleware",  # after the header middlewares, before any parse
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "config.bodylimit.BodySizeLimitMiddleware",  # last: its 413 page gets every header above
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "courses.context_processors.site",
                "cohorts.context_processors.teaching",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=600, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + IMMEDIATE + busy timeout: concurrent writers wait instead of failing with "locked".
    # Connections persist (with health checks) as on PostgreSQL: opening one and running the
    # pragmas cost more than a whole cached page.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }
    # File-backed test database (WAL needs a file); a separate path lets test runs go in parallel.
    test_db = os.environ.get("STUDYHALL_TEST_DB", str(BASE_DIR / ".test-db.sqlite3"))
    DATABASES["default"]["TEST"] = {"NAME": test_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # throttles failed logins before checking passwords
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "courses:progress"
LOGOUT_REDIRECT_URL = "courses:home"

# Failed logins: 10 for one username from one address, then a 15-minute cool-off.
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("STUDYHALL_LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# Email: printed to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Study Hall <noreply@localhost>")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False  # English only; skips per-request language lookups
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STUDYHALL_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

# Security headers. Secure cookies and HSTS whenever DEBUG is off (production).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "manifest-src": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_ENGINE = "courses.sessions"  # database sessions; malformed cookies never reach a query
CSRF_FAILURE_VIEW = "courses.csrf.failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Abuse limits, client address, password-reset policy, body size (issue 12) -------------------
# The client address: REMOTE_ADDR, or behind DJANGO_PROXY_COUNT proxies the X-Forwarded-For entry
# the outermost trusted proxy appended (entries further left are client-written and ignored).


def env_count(name: str, default: int) -> int:
    """Read a whole number >= 0 from the environment, with a clear error otherwise."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number (0 or more), not {value!r}.")
    return int(value)


STUDYHALL_PROXY_COUNT = env_count("DJANGO_PROXY_COUNT", 1 if env_bool("DJANGO_BEHIND_PROXY") else 0)
AXES_CLIENT_IP_CALLABLE = "accounts.clientip.client_ip"
# (count, window in seconds), counted per client address or mailbox in the shared cache (CACHES).
STUDYHALL_LIMITS = {
    "login_failures_per_address": (env_count("STUDYHALL_LOGIN_FAILURES_PER_ADDRESS", 30), 900),
    "signups_per_address": (env_count("STUDYHALL_SIGNUPS_PER_ADDRESS", 10), 3600),
    "resets_per_address": (env_count("STUDYHALL_RESETS_PER_ADDRESS", 10), 3600),
    "resets_per_email": (env_count("STUDYHALL_RESETS_PER_EMAIL", 3), 3600),
}
# Password reset needs real email in production (system check accounts.E001); 0 turns it off.
STUDYHALL_PASSWORD_RESET = env_bool("STUDYHALL_PASSWORD_RESET", default=True)
# Bodies: small forms only, no file uploads; larger bodies get a 413 page (config/bodylimit.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
DATA_UPLOAD_MAX_NUMBER_FILES = 1
# The only upload: an instructor's roster CSV (1 MB, checked again by the roster parser).
STUDYHALL_UPLOAD_LIMITS = {r"^/teach/cohorts/\d+/roster/preview/$": 1_100_000}
# --- end of issue 12 block -----------------------------------------------------------------------

# --- Several app servers (c-infra) -------------------------------------------------------------
# With REDIS_URL set, the cache (fragment caches, rate-limit counters) lives in Redis so every app
# server shares it, and sessions are cached in Redis in front of the database (`cached_db`).
# Without it, one machine runs on the local-memory cache and database sessions.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("STUDYHALL_CACHE_PREFIX", "studyhall"),
            "TIMEOUT": 3600,
        }
    }
    SESSION_ENGINE = "courses.cached_sessions"  # cached_db, malformed cookies refused
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Load balancers probe these over plain HTTP: no HTTPS redirect (HealthCheckMiddleware answers
# them before SecurityMiddleware; this keeps that true if the middleware order changes).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# --- end several app servers -------------------------------------------------------------------

MEDIA_ROOT = Path(os.environ.get("STUDYHALL_MEDIA_ROOT", BASE_DIR / "media"))
"""Export files; never served directly (downloads go through a view that checks the owner)."""

# Background work: django-tasks with its database backend (`manage.py db_worker` runs tasks).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
STUDYHALL_EXPORT_TTL_HOURS = int(os.environ.get("STUDYHALL_EXPORT_TTL_HOURS", "24"))
# A cohort overview may show a report this many seconds old while the worker computes the new one
# (reports/cohort_cache.py); 0 computes every change in the request.
STUDYHALL_REPORT_STALE_SECONDS = int(os.environ.get("STUDYHALL_REPORT_STALE_SECONDS", "600"))

# xAPI: statements name this site; sent to an LRS only when its URL and credentials are set.
STUDYHALL_SITE_URL = os.environ.get("STUDYHALL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
XAPI_ACTOR_KEY = os.environ.get("XAPI_ACTOR_KEY", SECRET_KEY)
XAPI_LRS_URL = os.environ.get("XAPI_LRS_URL", "").rstrip("/")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
XAPI_LRS_TIMEOUT = float(os.environ.get("XAPI_LRS_TIMEOUT", "10"))
XAPI_PASSING_SCALED = float(os.environ.get("XAPI_PASSING_SCALED", "0.7"))
"""Share correct that counts as `success` in an assessment's completed statement."""
XAPI_BATCH_SIZE = int(os.environ.get("XAPI_BATCH_SIZE", "100"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

"""One settings module, driven by environment variables (healthchecks style).

Every variable is listed in README.md under "Configuration". Production is
the default: DEBUG is off unless asked for, and the web entry point
(config/wsgi.py) refuses to start without SECRET_KEY and ALLOWED_HOSTS.
Management commands such as ``screen`` still work without them, because
legal-aid partners script the rules engine from a bare checkout.
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from typing import Literal

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def envlist(name: str) -> list[str]:
    return [
        item.strip() for item in os.environ.get(name, "").split(",") if item.strip()
    ]


DEBUG = envbool("DEBUG", False)
# The suite talks plain HTTP to its own test servers; nothing else changes.
RUNNING_TESTS = "pytest" in sys.modules

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Without a key, a random per-process one keeps commands and tests working;
# config/wsgi.py refuses to serve with it outside DEBUG.
SECRET_KEY_FROM_ENVIRONMENT = bool(SECRET_KEY)
if not SECRET_KEY:
    SECRET_KEY = secrets.token_urlsafe(64)

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "formtools",
    "core",
    "screener",
    "petitions",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Single-use backup codes for staff who lose their authenticator
    # (``manage.py staff_backup_codes``).
    "django_otp.plugins.otp_static",
    "axes",
    "intake",
    "rapsheet",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the app server, compressed, before any
    # middleware that might touch the database (docs/deploy.md).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.SafetyHeadersMiddleware",
    # Before sessions: "Exit this page" works even with the database away.
    "screener.middleware.ExitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.visitor_store.VisitorKeyMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Signed-in staff never reach the survivor's results, packet or hand-off.
    "intake.boundary.StaffBoundaryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

# Staff and attorneys only (intake/); survivors never log in. Axes first so
# a locked-out name is refused before its password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The suite signs staff in hundreds of times; PBKDF2's deliberate slowness
# there buys nothing (intake tests 45 s -> a few). Never outside tests.
if RUNNING_TESTS:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "intake:login"
LOGIN_REDIRECT_URL = "intake:queue"
# Five wrong passwords lock that name from that address for 15 minutes,
# never forever (the default would let anyone lock staff out for good).
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "intake/locked_out.html"
# Behind a load balancer, trust X-Forwarded-For from that many proxies only;
# without one, the header is the client's to forge, so it is ignored. The
# same address keys every rate limit (core/ratelimit.py says why it is
# not django-ipware's reading; intake/checks.py proves the setting works).
PROXY_COUNT = envint("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
# Password spraying: failed sign-ins from one address, whatever the
# usernames, before that address must wait out the cool-off.
SIGN_IN_FAILURES_PER_ADDRESS = envint("SIGN_IN_FAILURES_PER_ADDRESS", 20)
# The name an authenticator app shows beside the staff member's codes
# (the otpauth link's issuer).
OTP_TOTP_ISSUER = (
    os.environ.get("STAFF_OTP_ISSUER", "").strip() or "Legal aid workspace"
)
# The intake data keys: comma-separated Fernet keys, newest first. Never
# derived from SECRET_KEY (see intake/crypto.py).
INTAKE_ENCRYPTION_KEYS = envlist("INTAKE_ENCRYPTION_KEYS")
# A staff login lasts at most this long, however active (idle expiry is
# SESSION_IDLE_SECONDS, as for everyone).
INTAKE_SESSION_MAX_HOURS = envint("INTAKE_SESSION_MAX_HOURS", 10)

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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "core.context_processors.safety",
            ],
        },
    }
]

# SQLite is the embedded default so `make run` needs nothing else;
# DATABASE_URL (postgres://...) selects PostgreSQL, as in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections (one per server thread) save a PostgreSQL
        # connection set-up on every page; health checks drop a dead one
        # after a database restart instead of failing a request with it.
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions hold wizard answers server-side. Session cookies only: nothing
# outlives the browser, and CSRF lives in the session, not in a cookie.
# Django's database sessions, each page's row read and written in one
# statement (core/session_backend.py says why).
SESSION_ENGINE = "core.session_backend"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = envint("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE: Literal["Lax", "Strict", "None", False] = "Lax"
SESSION_COOKIE_NAME = "s"
CSRF_USE_SESSIONS = True
# A hand-off resent after its answer was lost fails the CSRF check (sending
# flushed the session); it lands on its confirmation (intake/handoff.py).
CSRF_FAILURE_VIEW = "intake.handoff.csrf_failure"
LANGUAGE_COOKIE_AGE = None
# Where "Exit this page" sends the visitor: a neutral, busy site that looks
# like an ordinary search (screener/views.py reads it).
EXIT_URL = os.environ.get("EXIT_URL", "https://www.google.com/search?q=weather")

SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG and not RUNNING_TESTS)
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG and not RUNNING_TESTS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# same-origin, not no-referrer: Chromium sends "Origin: null" on form posts
# under no-referrer and Django's CSRF check then refuses every answer.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The 10 MB body cap of the safety requirements; Django refuses larger bodies.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# `manage.py collectstatic` writes gzip and brotli copies once; WhiteNoise
# serves them. Static files are no-store like every page: a cached stylesheet
# is a trace of this site on a shared phone (core/middleware.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}


def _static_no_store(headers, path: str, url: str) -> None:
    headers["Cache-Control"] = "no-store"


WHITENOISE_ADD_HEADERS_FUNCTION = _static_no_store
# Tests and `make run` serve straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG or RUNNING_TESTS
WHITENOISE_AUTOREFRESH = DEBUG

# Rate limit for the anonymous screening API, per client address per minute.
SCREEN_API_RATE_PER_MINUTE = envint("SCREEN_API_RATE_PER_MINUTE", 60)

# Rate limits live in the cache, and the cache must be one that every server
# process shares: a per-process memory would give each gunicorn worker its
# own budget (60/min x workers). By default Django's database cache (a table
# made by `migrate`, intake/migrations/0005); CACHE_URL=redis://host:6379/0
# for Redis, which is faster once there are several app servers
# (docs/deploy.md).
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
CACHE_TABLE = "rate_limit_cache"
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
        if CACHE_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Counters for every address of the last window; Django's default
            # (300) would cull live counters under a crowd and undercount.
            # Expired rows are culled first. Increments are read-then-write:
            # a burst of simultaneous requests may be undercounted by the
            # number in flight, which Redis (CACHE_URL) does not do.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
}

# Hand-offs to legal aid, per ten minutes: cases made from one address, and
# posts of the form from one session (intake/handoff.py).
HANDOFF_PER_ADDRESS = envint("HANDOFF_PER_ADDRESS", 5)
HANDOFF_POSTS_PER_SESSION = envint("HANDOFF_POSTS_PER_SESSION", 10)

# Petition packets are the one heavy page (about half a second of CPU each).
# At most this many render at once across every server sharing the database
# (PostgreSQL advisory locks; per process elsewhere), and each visitor or
# staff member may ask for this many a minute. A burst of downloads then
# waits its turn with a calm "try again in a few seconds" page and never
# starves the question pages (petitions/throttle.py).
PETITION_RENDERS_AT_ONCE = envint("PETITION_RENDERS_AT_ONCE", 1)
PETITION_RATE_PER_MINUTE = envint("PETITION_RATE_PER_MINUTE", 6)
PETITION_RATE_PER_ADDRESS = envint("PETITION_RATE_PER_ADDRESS", 20)
# While a packet of more records renders, a packet of at most this many may
# take one extra (express) slot: a small packet never waits behind a large one.
PETITION_LIGHT_RECORDS = envint("PETITION_LIGHT_RECORDS", 3)

# Nothing that identifies a person or an answer is logged: request bodies
# and query strings never reach a handler, and 4xx noise is dropped.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR"},
        "django.server": {"handlers": ["console"], "level": "ERROR"},
    },
}

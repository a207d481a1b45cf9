"""Kinwell settings, all from environment variables (see README "Configuration").

SQLite in var/ by default; PostgreSQL when DATABASE_URL is set. Production mode
(KINWELL_ENV=production) switches on secure cookies, HSTS and HTTPS redirects.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from kinwell.secrets import generate_fernet_key, generate_secret_key, key_from_env_or_file

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KINWELL_VAR_DIR", BASE_DIR / "var"))
SHARED_DATA_DIR = Path(os.environ.get("KINWELL_SHARED_DATA", BASE_DIR.parent / "shared" / "data"))
# The national directory the project carries (data/README.md); `make run` loads it once,
# in the background worker, and again only when the file changes. "0" to skip it.
DIRECTORY_BUNDLED_FILE = BASE_DIR / "data" / "samhsa" / "National_Directory_MH_Facilities_2022.xlsx"
DIRECTORY_LOAD_BUNDLED = os.environ.get("KINWELL_LOAD_DIRECTORY", "1") != "0"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("KINWELL_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", default=not PRODUCTION)

if PRODUCTION:
    # Several app servers must agree on these, and nothing lives on an app server's disk.
    missing = [name for name in ("SECRET_KEY",) if not os.environ.get(name)]
    if not (os.environ.get("KINWELL_ENCRYPTION_KEYS") or os.environ.get("KINWELL_ENCRYPTION_KEY")):
        missing.append("KINWELL_ENCRYPTION_KEY")
    if missing:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"Production mode needs these environment variables: {', '.join(missing)}")

SECRET_KEY = key_from_env_or_file(
    env_name="SECRET_KEY", path=VAR_DIR / "secret_key", generate=generate_secret_key
)
# Personal text is encrypted with these Fernet keys. The first encrypts; all decrypt,
# so a new key can be put in front and the old ones retired after re-encryption.
ENCRYPTION_KEYS = env_list("KINWELL_ENCRYPTION_KEYS") or [
    key_from_env_or_file(
        env_name="KINWELL_ENCRYPTION_KEY",
        path=VAR_DIR / "encryption_key",
        generate=generate_fernet_key,
    )
]

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if not PRODUCTION else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "kinwell.core",
    "kinwell.accounts",
    "kinwell.circles",
    "kinwell.safety",
    "kinwell.checkins",
    "kinwell.screening",
    "kinwell.journal",
    "kinwell.connect",
    "kinwell.talk",
    "kinwell.directory",
    "kinwell.library",
    "kinwell.moderation",
    "kinwell.support",
    "kinwell.summary",
    # --- daily question (issue 18) ---
    "kinwell.daily",
    # --- end daily question ---
    # --- On your phone (issue 19): the installable app and push notifications ---
    "kinwell.pwa",
    "kinwell.push",
    # --- end on your phone ---
    # --- notifications (issue 19) ---
    "kinwell.notifications",
    # Conversation card decks (issue 18)
    "kinwell.cards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Wraps everything below, so every answer under /api/ and /hsds/ is JSON.
    "kinwell.core.json_api.JsonApiErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kinwell.accounts.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kinwell.accounts.middleware.SharedDeviceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kinwell.core.middleware.PrivacyHeadersMiddleware",
    # Last, as django-axes asks, so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kinwell.urls"
WSGI_APPLICATION = "kinwell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kinwell" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinwell.core.context_processors.site",
                "kinwell.safety.panel.context_processor",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "kinwell.sqlite3",
            "OPTIONS": {
                # The web server and the task worker share one file: WAL lets readers and a
                # writer work at once, the busy timeout waits instead of failing, and
                # IMMEDIATE transactions take the write lock up front so two writers
                # never deadlock half-way through. secure_delete zeroes the space deleted
                # rows leave, so a deleted person's text does not stay readable in the file
                # (some SQLite builds, Debian's among them, have it on already; others not).
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
                ),
            },
        }
    }
# --- Optional read replica (issue 22): see kinwell/core/replica.py ------------------
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
if DATABASE_URL and DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True),
        "TEST": {"MIRROR": "default"},  # tests read the one test database through it
    }
DATABASE_ROUTERS = ["kinwell.core.replica.ReplicaRouter"]
# --- end of the optional read replica ---------------------------------------------
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis when REDIS_URL is set -------------------
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks --------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("KINWELL_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Accounts ------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out person before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# django-axes keeps its counts in the database, so every app server sees the same
# failures. Five wrong passwords for one account from one address lock that pair for
# 15 minutes; many failures from one address, whatever the accounts, lock the address
# (see accounts/throttle.py for why there is no lock on an account alone).
AXES_HANDLER = "kinwell.accounts.throttle.LoginThrottle"
AXES_FAILURE_LIMIT = int(os.environ.get("KINWELL_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("KINWELL_LOGIN_ADDRESS_FAILURE_LIMIT", "50"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# How many proxies of ours stand in front of the app servers (nginx: 1). The client's
# address is then read from X-Forwarded-For, that many entries from the right; with 0
# (the default) only REMOTE_ADDR counts, and X-Forwarded-For is ignored.
TRUSTED_PROXIES = int(os.environ.get("KINWELL_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "kinwell.accounts.throttle.client_address"

# Which country's crisis resources to show (see kinwell/safety/resources.py).
CRISIS_COUNTRY = os.environ.get("KINWELL_CRISIS_COUNTRY", "US").upper()

# Where "Leave this page quickly" goes: an ordinary site that gives nothing away on a
# shared screen. Only a web address will do (a typo must not strand someone in danger).
QUICK_EXIT_URL = os.environ.get("KINWELL_QUICK_EXIT_URL", "https://www.weather.gov/").strip()
if not QUICK_EXIT_URL.startswith(("https://", "http://")):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("KINWELL_QUICK_EXIT_URL must be a web address starting with https://")

# The resources library's Markdown articles (kinwell/library/articles.py reads them).
LIBRARY_ARTICLES_DIR = Path(os.environ.get("KINWELL_ARTICLES_DIR", BASE_DIR / "kinwell" / "library" / "articles"))

# --- daily question (issue 18): the bank of questions (kinwell/daily/bank.py reads it) ---
DAILY_QUESTIONS_DIR = Path(
    os.environ.get("KINWELL_DAILY_QUESTIONS_DIR", BASE_DIR / "kinwell" / "daily" / "data" / "questions")
)
# --- end daily question ---

# Directory imports refuse files that expand past this (zip bombs; see directory/file_limits.py).
DIRECTORY_IMPORT_MAX_BYTES = int(os.environ.get("KINWELL_IMPORT_MAX_MB", "256")) * 1024 * 1024

INVITATION_DAYS = int(os.environ.get("KINWELL_INVITATION_DAYS", "7"))

# --- On your phone: push notifications (kinwell/push/keys.py) ---------------------
# The VAPID private key is KINWELL_VAPID_PRIVATE_KEY or generated into var/ on first
# use; the subject is who push services may contact about our pushes.
VAPID_SUBJECT = os.environ.get("KINWELL_VAPID_SUBJECT", "").strip()
# --- end on your phone ---

# --- Email: printed to the console unless an SMTP server is configured -------------
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kinwell <hello@kinwell.invalid>")

# --- Language and time ------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "kinwell" / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
# --- Date and number formats (Spanish, complete) ---
# Each language's dates, times and decimals, including Kinwell's named formats
# (kinwell.core.dates): "jueves, 3 de diciembre de 2026", 13.5, 5:56 p. m.
FORMAT_MODULE_PATH = ["kinwell.formats"]
# --- end date and number formats ---

# --- Static files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Outside production, serve straight from the apps' static folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Security --------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    # Behind a proxy that terminates TLS and sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CSRF_FAILURE_VIEW = "kinwell.core.views.csrf_failure"
NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

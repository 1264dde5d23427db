"""Settings for Assurance: one module, driven by environment variables.

ASSURANCE_ENV selects the profile: "development" (default), "test" or "production".
See README.md for the variables that production needs.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from assurance.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

ENVIRONMENT = env_str("ASSURANCE_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"ASSURANCE_ENV={ENVIRONMENT!r}: use development, test or production."
    )
PRODUCTION = ENVIRONMENT == "production"
TESTING = ENVIRONMENT == "test"

DEBUG = env_bool("DEBUG", default=ENVIRONMENT == "development")

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters in production.")
else:
    SECRET_KEY = env_str(
        "SECRET_KEY", "development-only-secret-key-never-used-in-production-0123456789abcdef"
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "assurance.core",
    "assurance.accounts",
    "assurance.partnerships",
    "assurance.frameworks",
    "assurance.audits",
    "assurance.improvement",
    "assurance.search",
    "assurance.dataset",
    "assurance.selfassessment",
    "assurance.voice",
    "assurance.reviews",
    "assurance.training",
    "assurance.annualreport",
    "assurance.operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "assurance.partnerships.middleware.RequestedPartnershipMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "assurance.accounts.middleware.IdleSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "assurance.urls"
WSGI_APPLICATION = "assurance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "assurance" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "assurance.core.context_processors.service",
            ],
        },
    }
]
FORM_RENDERER = "assurance.core.forms.GovukFormRenderer"

# Database: SQLite under var/ by default; PostgreSQL when DATABASE_URL is set.
VAR_DIR.mkdir(exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if env_bool("DATABASE_PREPARED_READS", True):
        # The compiled reads (core/compiled.py) are prepared statements; Django's own queries
        # stay bound in the client. Off behind a pooler in transaction mode older than
        # PgBouncer 1.21 (ADR 052).
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["prepare_threshold"] = 5
        # Their plans made once per connection and statement (a generic plan), not again for
        # each run's values: they are reads of one shape bound to ids and a search's words, and
        # planning was half of what the search cost the database (ADR 054). A pooler that
        # drops this startup parameter only loses the saving.
        options.setdefault("options", "-c plan_cache_mode=force_generic_plan")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(VAR_DIR / "assurance.sqlite3")),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Where `manage.py backup` writes (see README: Backups).
BACKUP_DIR = env_str("BACKUP_DIR", str(VAR_DIR / "backups"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "assurance.accounts.authentication.PasswordBackend",
    "assurance.accounts.oidc.backend.OrganisationAccountBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Hashing cost is not what the tests are about; production always uses Argon2.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after inactivity: activity renews the expiry (after a tenth of the idle time, at
# most once a minute, see accounts.middleware.IdleSessionMiddleware, so that a page view is not a
# database write).
# The session is kept in the database as Django keeps it, read by a compiled query
# (assurance/accounts/sessions.py)
SESSION_ENGINE = "assurance.accounts.sessions"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Lock out after repeated failed sign-ins (django-axes).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "assurance.accounts.authentication.axes_username"  # case, spaces
AXES_WHITELIST_CALLABLE = "assurance.accounts.authentication.axes_never_counted"  # OIDC
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Assurance"

# The access log (who opened a case's or a return's page): kept this many days, then removed by
# `manage.py prune_access_log`, run daily.
ACCESS_LOG_RETENTION_DAYS = env_int("ACCESS_LOG_RETENTION_DAYS", 730)
if ACCESS_LOG_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("ACCESS_LOG_RETENTION_DAYS must be at least 1 (days).")

# Training bookings: practitioners' and managers' names and e-mails are removed this many days
# after the session (`manage.py remove_training_details`, run daily); at least 120, for the
# three-month evaluation and its reminders.
TRAINING_RETENTION_DAYS = env_int("TRAINING_RETENTION_DAYS", 183)
if TRAINING_RETENTION_DAYS < 120:
    raise ImproperlyConfigured("TRAINING_RETENTION_DAYS must be at least 120 (days).")

# Sign-in with an organisation's account (OpenID Connect: Microsoft Entra ID or any provider),
# offered beside e-mail and password when OIDC_DISCOVERY_URL and OIDC_CLIENT_ID are set. See
# README.md and docs/adr/017. People are found by their verified e-mail address, never created.
OIDC_DISCOVERY_URL = env_str("OIDC_DISCOVERY_URL", "")
OIDC_ISSUER = env_str("OIDC_ISSUER", "")  # only where it differs from the discovery URL's
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "")
OIDC_BUTTON_LABEL = env_str("OIDC_BUTTON_LABEL", "Sign in with your organisation's account")
OIDC_RP_SCOPES = env_str("OIDC_SCOPES", "openid email profile")
# The provider's amr values that count as two-factor sign-in (RFC 8176).
OIDC_MFA_AMR_VALUES = env_list("OIDC_MFA_AMR_VALUES", ["mfa"])
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
LOGIN_REDIRECT_URL_FAILURE = "accounts:login"
if OIDC_DISCOVERY_URL:
    if not OIDC_RP_CLIENT_ID or (PRODUCTION and not OIDC_RP_CLIENT_SECRET):
        raise ImproperlyConfigured(
            "OIDC_DISCOVERY_URL is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too (from the "
            "app registration at your identity provider)."
        )
    if PRODUCTION and not OIDC_DISCOVERY_URL.startswith("https://"):
        raise ImproperlyConfigured("OIDC_DISCOVERY_URL must be an https:// address in production.")

# E-mail: console by default; GOV.UK Notify when NOTIFY_API_KEY is set, SMTP when EMAIL_HOST is
# set (one or the other). Production needs one of them: the console backend writes every
# message, password-reset and invitation links included, into the server's log.
EMAIL_HOST = env_str("EMAIL_HOST", "")
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = env_str("NOTIFY_TEMPLATE_ID", "")
NOTIFY_REPLY_TO_ID = env_str("NOTIFY_REPLY_TO_ID", "")
NOTIFY_BASE_URL = env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
if EMAIL_HOST and NOTIFY_API_KEY:
    raise ImproperlyConfigured(
        "Both EMAIL_HOST and NOTIFY_API_KEY are set: choose one way to send e-mail, SMTP "
        "(EMAIL_HOST) or GOV.UK Notify (NOTIFY_API_KEY)."
    )
if PRODUCTION and not (EMAIL_HOST or NOTIFY_API_KEY):
    raise ImproperlyConfigured(
        "EMAIL_HOST must be set in production, or NOTIFY_API_KEY to send through GOV.UK Notify: "
        "without either, password-reset and invitation links would be written to the log."
    )
if NOTIFY_API_KEY:
    from assurance.core.notify import check_settings

    check_settings(
        api_key=NOTIFY_API_KEY, template_id=NOTIFY_TEMPLATE_ID, reply_to_id=NOTIFY_REPLY_TO_ID
    )
if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
elif NOTIFY_API_KEY:
    EMAIL_BACKEND = "assurance.core.notify.NotifyEmailBackend"
elif EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Assurance <no-reply@assurance.example>")

# Background work: Django's tasks framework (django-tasks backport).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING or not env_bool("TASKS_USE_DATABASE", PRODUCTION)
            else "django_tasks_db.backend.DatabaseBackend"
        )
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "assurance" / "static_build"]
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
MEDIA_ROOT = env_str("MEDIA_ROOT", str(VAR_DIR / "media"))
WHITENOISE_USE_FINDERS = not PRODUCTION

# Security headers. The CSP has no 'unsafe-inline' anywhere.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading puts the whole domain into browsers' built-in HTTPS-only lists, which is hard
        # to undo: the operator opts in with SECURE_HSTS_PRELOAD=true. Until then the deploy
        # check's reminder (W021) is a deliberate choice, not an oversight.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

REST_FRAMEWORK = {
    # The session, then a personal token; a request with neither is a 401 with a challenge
    # (see accounts.authentication).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "assurance.accounts.authentication.SessionAuthentication",
        "assurance.accounts.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # DRF's parsers, JSON bounded in depth; errors in JSON (a 400 or 413, never a 500).
    "EXCEPTION_HANDLER": "assurance.core.json_api.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "assurance.core.json_api.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Assurance API",
    "DESCRIPTION": (
        "The JSON API of Assurance. Every endpoint uses the same permission layer as the web "
        "pages: you see only the partnerships you belong to. Authenticate with your session or "
        "with a personal token (header `Authorization: Token <key>`)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # One name for choice sets that several fields share (agency sector, indicator's sector).
    "ENUM_NAME_OVERRIDES": {
        "SectorEnum": "assurance.partnerships.tenant.models.Sector",
        # a rapid review's information request and a self-assessment participant move through
        # the same three states
        "ProgressStatusEnum": ["not_started", "in_progress", "submitted"],
        # a review's stage, in the reviews list and in one review (with its agencies' answers)
        "ReviewStageEnum": "assurance.reviews.board.timeline.STAGES",
        # a self-assessment round's participant, in the completion and staff survey APIs
        "ParticipantKindEnum": ["agency", "setting"],
    },
}

# Demo logins (never used in production: the demo command refuses to run there).
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "northfield-demo-2026")

SERVICE_NAME = "Assurance"
SERVICE_PHASE = "Beta"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_on_one_line": {"()": "assurance.core.logfilters.RefusalsOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        "assurance.audit": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # a 403 is one line, without its traceback
        "django.request": {"filters": ["refusals_on_one_line"]},
    },
}
CSRF_FAILURE_VIEW = "assurance.core.views.csrf_failure"

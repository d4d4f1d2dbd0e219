"""Configuration read from environment variables.

Every setting has a development default so that a first run needs nothing;
production sets them in the environment.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = Path(os.environ.get("LINTAS_INSTANCE", ROOT / "instance"))

# The URL locales, in the order the switcher shows them, with the Babel locale
# each one maps to. Written lower case in URLs.
LOCALES: dict[str, str] = {
    "en": "en",
    "zh-hans": "zh_Hans",
    "zh-hant": "zh_Hant",
    "ja": "ja",
    "ko": "ko",
    "de": "de",
    "es": "es",
    "fr": "fr",
    "pt": "pt",
    "ru": "ru",
    "ar": "ar",
    "id": "id",
    "it": "it",
    "ms": "ms",
    "th": "th",
    "vi": "vi",
    "my": "my",
}


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int | None) -> int | None:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return int(value)


class Config:
    PLATFORM_DOMAIN = os.environ.get("PLATFORM_DOMAIN", "localhost").strip().lower().rstrip(".")
    CNAME_TARGET = os.environ.get("CNAME_TARGET") or f"stores.{PLATFORM_DOMAIN}"
    PUBLIC_URL_SCHEME = os.environ.get("PUBLIC_URL_SCHEME", "http")
    PUBLIC_PORT = _int("PUBLIC_PORT", None)
    PLATFORM_NAME = os.environ.get("PLATFORM_NAME", "Lintas")
    PLATFORM_CURRENCY = os.environ.get("PLATFORM_CURRENCY", "USD")
    PLATFORM_TIMEZONE = os.environ.get("PLATFORM_TIMEZONE", "UTC")

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-change-me")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE / 'lintas.db'}"
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    REDIS_URL = os.environ.get("REDIS_URL") or None

    # Sessions: one cookie per host (no SESSION_COOKIE_DOMAIN).
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = PUBLIC_URL_SCHEME == "https"
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    WTF_CSRF_HEADERS = ["X-CSRFToken"]
    WTF_CSRF_SSL_STRICT = False  # the hosts differ by design; SameSite + token protect

    # Locales
    LOCALES = LOCALES
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")

    # Mail: "file" writes each message under instance/mail/, "smtp" sends it.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "file")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = _int("MAIL_PORT", 25)
    MAIL_USE_TLS = _bool("MAIL_USE_TLS")  # STARTTLS
    MAIL_USE_SSL = _bool("MAIL_USE_SSL")  # implicit TLS
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME") or None
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or None
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Lintas <no-reply@lintas.example>")
    MAIL_DIR = os.environ.get("MAIL_DIR") or str(INSTANCE / "mail")

    # SMS: "log" writes to the log and instance/sms/, "http" posts to a provider.
    SMS_BACKEND = os.environ.get("SMS_BACKEND", "log")
    SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL") or None
    SMS_HTTP_TOKEN = os.environ.get("SMS_HTTP_TOKEN") or None
    SMS_SENDER = os.environ.get("SMS_SENDER", "Lintas")
    SMS_DIR = os.environ.get("SMS_DIR") or str(INSTANCE / "sms")

    # Sign-in throttling: failures allowed per window.
    LOGIN_MAX_PER_ACCOUNT = _int("LOGIN_MAX_PER_ACCOUNT", 5)
    LOGIN_MAX_PER_IP = _int("LOGIN_MAX_PER_IP", 30)
    LOGIN_WINDOW_SECONDS = _int("LOGIN_WINDOW_SECONDS", 15 * 60)

    PASSWORD_RESET_MAX_AGE = 60 * 60  # one hour
    EMAIL_VERIFY_MAX_AGE = 60 * 60 * 24 * 3
    INVITATION_MAX_AGE = 60 * 60 * 24 * 7

    TENANT_CACHE_TTL = float(os.environ.get("TENANT_CACHE_TTL", "5"))
    FRAGMENT_CACHE_TTL = float(os.environ.get("FRAGMENT_CACHE_TTL", "30"))
    # Category tree, brands and exchange rates, per process (cleared at once by the process that changes them).
    CATALOG_CACHE_TTL = float(os.environ.get("CATALOG_CACHE_TTL", "5"))
    # Shopper listing pages: products per page.
    PAGE_SIZE = int(os.environ.get("PAGE_SIZE", "24"))
    # Whole shopper pages for visitors without a session, per process (app/web/page_cache.py); 0 turns it off.
    PAGE_CACHE_TTL = float(os.environ.get("PAGE_CACHE_TTL", "10"))
    # A listing's total and filter counts, per process (the products shown are always current).
    LISTING_COUNTS_TTL = float(os.environ.get("LISTING_COUNTS_TTL", "60"))
    JOBS_INLINE = not bool(REDIS_URL)
    TENANTS_DIR = str(ROOT / "tenants")

    # Uploaded media (app/media): "local" keeps files under MEDIA_ROOT, served at /media/.
    MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
    MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or str(INSTANCE / "media")
    MAX_UPLOAD_BYTES = _int("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)  # per uploaded file
    # A whole request: up to 12 images of MAX_UPLOAD_BYTES each plus the form; larger bodies get a 413.
    MAX_CONTENT_LENGTH = _int("MAX_CONTENT_LENGTH", 13 * MAX_UPLOAD_BYTES)

    # Product search (app/search): the Whoosh index folder; how often a process looks
    # for index changes (seconds); how long a writer waits for the index lock.
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR") or str(INSTANCE / "search")
    SEARCH_REFRESH_SECONDS = float(os.environ.get("SEARCH_REFRESH_SECONDS", "1"))
    SEARCH_WRITE_TIMEOUT = float(os.environ.get("SEARCH_WRITE_TIMEOUT", "30"))
    # Processes a full rebuild of a large index analyses documents in (default: the cores, at most 4).
    SEARCH_REBUILD_PROCS = _int("SEARCH_REBUILD_PROCS", min(os.cpu_count() or 1, 4))


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    REDIS_URL = None
    JOBS_INLINE = True
    MAIL_BACKEND = "memory"
    SMS_BACKEND = "memory"
    TENANT_CACHE_TTL = 0.0
    FRAGMENT_CACHE_TTL = 0.0
    PAGE_CACHE_TTL = 0.0
    LISTING_COUNTS_TTL = 0.0
    # One media folder per test process (created on first write), never the instance's.
    MEDIA_ROOT = os.path.join(tempfile.gettempdir(), f"lintas-test-media-{os.getpid()}")
    SEARCH_INDEX_DIR = os.path.join(tempfile.gettempdir(), f"lintas-test-search-{os.getpid()}")
    SEARCH_REFRESH_SECONDS = 0.0
    SEARCH_WRITE_TIMEOUT = 10.0

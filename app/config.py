"""Configuration: defaults that work with no setup, overridden by the environment."""
from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if not value else value.strip().lower() not in ("0", "false", "no", "off")


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _env_pairs(name: str) -> dict[str, str]:
    """`name:secret,other:secret2` as a dict; an item without both parts is left out."""
    pairs = (item.split(":", 1) for item in _env_list(name) if ":" in item)
    return {key.strip(): value.strip() for key, value in pairs if key.strip() and value.strip()}


def _default_database_url() -> str:
    return f"sqlite:///{ROOT / 'instance' / 'troubleshooter.sqlite3'}"


def _normalise_database_url(url: str) -> str:
    """Accept the common `postgres://` and `postgresql://` forms and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    """Defaults for a single-host SQLite deployment; environment variables override."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-change-me")
    SQLALCHEMY_DATABASE_URI = _normalise_database_url(
        os.environ.get("DATABASE_URL") or _default_database_url())
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    MIGRATIONS_DIR = str(ROOT / "migrations")
    KNOWLEDGE_DIR = os.environ.get("KNOWLEDGE_DIR", str(ROOT / "knowledge" / "entries"))
    SOURCES_DIR = os.environ.get("SOURCES_DIR", str(ROOT / "knowledge" / "sources"))
    CATALOG_PATH = os.environ.get("CATALOG_PATH", str(ROOT / "knowledge" / "catalog.md"))

    # Matching
    MATCH_THRESHOLD = float(os.environ.get("MATCH_THRESHOLD", "50"))
    MATCH_AMBIGUITY_MARGIN = float(os.environ.get("MATCH_AMBIGUITY_MARGIN", "6"))
    MATCH_MAX_QUERY_CHARS = _env_int("MATCH_MAX_QUERY_CHARS", 8000)
    KNOWLEDGE_RELOAD_SECONDS = float(os.environ.get("KNOWLEDGE_RELOAD_SECONDS", "5"))

    # API
    MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 256 * 1024)
    API_PAGE_SIZE_MAX = 100
    FEEDBACK_COMMENT_MAX = 2000
    QUERY_LOG_STORE_TEXT = _env_flag("QUERY_LOG_STORE_TEXT", True)
    QUERY_LOG_TEXT_MAX_CHARS = _env_int("QUERY_LOG_TEXT_MAX_CHARS", 8000)
    API_KEYS = _env_pairs("API_KEYS")
    CORS_ORIGINS = _env_list("CORS_ORIGINS")
    # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted;
    # without it every client behind a proxy shares the proxy's address and its rate limit.
    TRUSTED_PROXIES = _env_int("TRUSTED_PROXIES", 0)

    # Rate limits (Flask-Limiter): per API key, else per client address; Redis shares the
    # counters between gunicorn workers and hosts, and an outage falls back to per-process limits.
    RATELIMIT_DEFAULT = os.environ.get("RATELIMIT_DEFAULT", "120 per minute")
    RATELIMIT_API_KEY = os.environ.get("RATELIMIT_API_KEY", "600 per minute")
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL") or "memory://"
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "troubleshooter")
    RATELIMIT_ENABLED = _env_flag("RATELIMIT_ENABLED", True)
    RATELIMIT_HEADERS_ENABLED = True
    # Callers on this host (health checks, ops scripts, evaluation runs) are not limited; set
    # it to an empty value to limit them too. Behind a proxy, set TRUSTED_PROXIES so the
    # proxy's own loopback address is never what the limiter sees.
    RATELIMIT_EXEMPT_ADDRESSES = (_env_list("RATELIMIT_EXEMPT_ADDRESSES")
                                  if "RATELIMIT_EXEMPT_ADDRESSES" in os.environ else ["127.0.0.1", "::1"])
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True

    # Web chat: the conversation id lives in the signed session cookie (set SESSION_COOKIE_SECURE=1 behind HTTPS)
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_flag("SESSION_COOKIE_SECURE", False)

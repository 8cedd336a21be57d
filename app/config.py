"""Configuration: defaults that work with no setup, overridden by the environment."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


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
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    MIGRATIONS_DIR = ROOT / "migrations"
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
    QUERY_LOG_STORE_TEXT = os.environ.get("QUERY_LOG_STORE_TEXT", "1") not in ("0", "false", "no")
    API_KEYS = dict(pair.split(":", 1) for pair in _env_list("API_KEYS") if ":" in pair)
    RATELIMIT_DEFAULT = os.environ.get("RATELIMIT_DEFAULT", "120 per minute")
    RATELIMIT_API_KEY = os.environ.get("RATELIMIT_API_KEY", "600 per minute")
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL") or "memory://"
    RATELIMIT_ENABLED = True
    CORS_ORIGINS = _env_list("CORS_ORIGINS")

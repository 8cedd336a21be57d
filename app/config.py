"""Configuration: defaults that work with no setup, overridden by the environment.

Reading this module reads only the environment. The one file the configuration can need,
the instance's SECRET_KEY, is read (or created) by `instance_secret_key`, which
app/bootstrap.py calls when the server starts (`wsgi.py`), never the app factory.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import stat
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("INSTANCE_DIR") or ROOT / "instance")
"""The instance folder: the default SQLite file and the generated SECRET_KEY live here."""
SECRET_KEY_FILE = "secret_key"
PUBLIC_SECRET_KEYS = frozenset({"dev-only-change-me"})
"""Keys that were ever published as defaults: whoever read them can sign anyone's session."""
SECRET_KEY_WAIT_SECONDS = 5.0

log = logging.getLogger(__name__)


class InsecureSecretKey(RuntimeError):
    """SECRET_KEY is a value published in this repository; the app refuses to start with it."""


def check_secret_key(value: object) -> None:
    """Refuse a SECRET_KEY that was ever a public default (and so signs nothing safely)."""
    if isinstance(value, str) and value.strip() in PUBLIC_SECRET_KEYS:
        raise InsecureSecretKey(
            f"SECRET_KEY is set to the public default {value.strip()!r}, which anyone can use to forge "
            "session cookies and CSRF tokens. Unset it (a random key is then created once in "
            f"{INSTANCE_DIR / SECRET_KEY_FILE}) or set your own, e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`.")


def _secret_key_from_environment() -> str | None:
    """SECRET_KEY from the environment (None when unset); reading the module reads no file."""
    value = os.environ.get("SECRET_KEY") or None
    check_secret_key(value)
    return value


def _read_key(path: Path) -> str | None:
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if key and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s can be read by other users; `chmod 600 %s`", path, path)
    return key or None


def instance_secret_key(folder: Path = INSTANCE_DIR) -> str:
    """The instance's own SECRET_KEY: read from `folder/secret_key`, created there on first use.

    Called when the server starts (app/bootstrap.py, from wsgi.py), not by the app factory.
    Created once, with owner-only permissions, and race-free: the key is written in full to a
    temporary file opened with O_CREAT | O_EXCL and mode 0600, then published with a hard
    link, which fails when another process (a second gunicorn worker starting at the same
    moment) published its key first; every process then reads the one file that won. Where
    hard links are not supported the file itself is created with O_EXCL, and readers wait
    for it to be written.
    """
    path = folder / SECRET_KEY_FILE
    key = _read_key(path)
    if key is not None:
        return key
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fresh = secrets.token_urlsafe(48) + "\n"
    temporary = folder / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(8)}"
    try:
        _write_new(temporary, fresh)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: its key is the instance's key
        except OSError:  # no hard links here: create the file itself, exclusively
            with contextlib.suppress(FileExistsError):
                _write_new(path, fresh)
    finally:
        temporary.unlink(missing_ok=True)
    deadline = time.monotonic() + SECRET_KEY_WAIT_SECONDS
    while (key := _read_key(path)) is None:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path} exists but holds no key; delete it to have a new one created")
        time.sleep(0.05)
    log.info("SECRET_KEY is not set: using the instance's key in %s", path)
    return key


def _write_new(path: Path, content: str) -> None:
    """Create `path` (it must not exist yet) readable by the owner only, with `content` on disk."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


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


def _match_params() -> dict:
    """Overrides of the fitted scoring parameters: MATCH_PARAMS as a JSON object, and the two
    everyday ones by name (MATCH_THRESHOLD, MATCH_AMBIGUITY_MARGIN)."""
    values = json.loads(os.environ.get("MATCH_PARAMS") or "{}")
    if "MATCH_THRESHOLD" in os.environ:
        values["threshold"] = float(os.environ["MATCH_THRESHOLD"])
    if "MATCH_AMBIGUITY_MARGIN" in os.environ:
        values["ambiguity_margin"] = float(os.environ["MATCH_AMBIGUITY_MARGIN"])
    return values


def _default_database_url() -> str:
    return f"sqlite:///{INSTANCE_DIR / 'troubleshooter.sqlite3'}"


def _normalise_database_url(url: str) -> str:
    """Accept the common `postgres://` and `postgresql://` forms and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    """Defaults for a single-host SQLite deployment; environment variables override."""

    # Signs session cookies and CSRF tokens. Unset, the server uses the instance's own random
    # key (instance/secret_key, created on first start: see app/bootstrap.py); a public default refuses to start.
    SECRET_KEY = _secret_key_from_environment()
    INSTANCE_DIR = str(INSTANCE_DIR)
    SQLALCHEMY_DATABASE_URI = _normalise_database_url(
        os.environ.get("DATABASE_URL") or _default_database_url())
    # Connections each worker keeps: under gevent a worker serves many requests at once, and a
    # request waits at most DATABASE_POOL_TIMEOUT seconds for one (then 503, retry later).
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {
        "pool_pre_ping": True, "pool_size": _env_int("DATABASE_POOL_SIZE", 10),
        "max_overflow": _env_int("DATABASE_POOL_OVERFLOW", 10),
        "pool_timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10"))}
    MIGRATIONS_DIR = str(ROOT / "migrations")
    KNOWLEDGE_DIR = os.environ.get("KNOWLEDGE_DIR", str(ROOT / "knowledge" / "entries"))
    SOURCES_DIR = os.environ.get("SOURCES_DIR", str(ROOT / "knowledge" / "sources"))
    CATALOG_PATH = os.environ.get("CATALOG_PATH", str(ROOT / "knowledge" / "catalog.md"))

    # Matching
    MATCH_PARAMS = _match_params()
    MATCH_SEMANTIC = _env_flag("MATCH_SEMANTIC", True)
    SEMANTIC_CACHE_DIR = os.environ.get("SEMANTIC_CACHE_DIR", str(ROOT / "instance" / "cache"))
    MATCH_MAX_QUERY_CHARS = _env_int("MATCH_MAX_QUERY_CHARS", 8000)
    KNOWLEDGE_RELOAD_SECONDS = float(os.environ.get("KNOWLEDGE_RELOAD_SECONDS", "5"))

    # API
    MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 256 * 1024)
    API_PAGE_SIZE_MAX = 100
    FEEDBACK_COMMENT_MAX = 2000
    QUERY_LOG_STORE_TEXT = _env_flag("QUERY_LOG_STORE_TEXT", True)
    QUERY_LOG_TEXT_MAX_CHARS = _env_int("QUERY_LOG_TEXT_MAX_CHARS", 8000)
    # The log is written in batches off the request path (app/querylog/recorder.py): rows wait
    # at most QUERY_LOG_FLUSH_SECONDS; past QUERY_LOG_BUFFER_SIZE waiting rows, new ones are dropped and counted.
    # /metrics (Prometheus) asks for this bearer token when set; logs as JSON lines with LOG_FORMAT=json.
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    QUERY_LOG_FLUSH_SECONDS = float(os.environ.get("QUERY_LOG_FLUSH_SECONDS", "0.25"))
    QUERY_LOG_BATCH_SIZE = _env_int("QUERY_LOG_BATCH_SIZE", 500)
    QUERY_LOG_BUFFER_SIZE = _env_int("QUERY_LOG_BUFFER_SIZE", 20000)
    # Feedback may name a match another worker has not flushed yet: it is waited for this long.
    QUERY_LOG_FEEDBACK_GRACE_SECONDS = float(os.environ.get("QUERY_LOG_FEEDBACK_GRACE_SECONDS", "3"))
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

    # Support desk (/desk): answers whose top score is below the band count as gaps, like no match at all.
    DESK_CONFIDENCE_BAND = float(os.environ.get("DESK_CONFIDENCE_BAND", "60"))
    DESK_SESSION_HOURS = float(os.environ.get("DESK_SESSION_HOURS", "8"))
    DESK_SIGNIN_RATE_LIMIT = os.environ.get("DESK_SIGNIN_RATE_LIMIT", "10 per minute")
    DESK_SIGNIN_ACCOUNT_RATE_LIMIT = os.environ.get("DESK_SIGNIN_ACCOUNT_RATE_LIMIT", "5 per minute")
    # Known pastes a proposal is re-evaluated on: the tuning sets (never the frozen test sets) and recent traffic.
    DESK_REEVAL_SETS = _env_list("DESK_REEVAL_SETS") or [
        str(ROOT / "benchmarks" / "eval" / "tune.jsonl"), str(ROOT / "benchmarks" / "eval" / "tune_neighbours.jsonl")]
    DESK_REEVAL_TRAFFIC_LIMIT = _env_int("DESK_REEVAL_TRAFFIC_LIMIT", 300)
    # `flask maintenance purge` deletes query-log rows, conversations and feedback text older than this.
    RETENTION_DAYS = _env_int("RETENTION_DAYS", 90)

    # Bots' conversations (POST /api/v1/conversations) expire when unused this long (each message renews it)
    CONVERSATION_TTL_SECONDS = _env_int("CONVERSATION_TTL_SECONDS", 24 * 3600)

    # Web chat: the conversation id lives in the signed session cookie (set SESSION_COOKIE_SECURE=1 behind HTTPS)
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_flag("SESSION_COOKIE_SECURE", False)

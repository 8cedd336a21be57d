"""Who a request counts against for rate limiting: its API key when it has a valid one, else its IP."""
from __future__ import annotations

from flask import current_app, request
from flask_limiter.util import get_remote_address


def api_key_name() -> str | None:
    """The configured name of the request's API key, or None (no key, or an unknown key)."""
    key = request.headers.get("X-API-Key", "")
    if not key:
        return None
    for name, secret in current_app.config.get("API_KEYS", {}).items():
        if secret == key:
            return name
    return None


def rate_limit_key() -> str:
    name = api_key_name()
    return f"key:{name}" if name else f"ip:{get_remote_address()}"


def current_limit() -> str:
    """Keyed bots get their own, larger budget; everyone else shares the per-IP default."""
    config = current_app.config
    return config["RATELIMIT_API_KEY"] if api_key_name() else config["RATELIMIT_DEFAULT"]

"""Who a request counts against for rate limiting: its API key when it has a valid one, else its IP."""
from __future__ import annotations

import hmac
import threading

from flask import current_app, request
from flask_limiter.util import get_remote_address
from limits.storage import MemoryStorage

API_KEY_HEADER = "X-API-Key"
EXPIRY_SWEEP_SECONDS = 1.0
"""How soon the in-memory storage frees the counters of windows that have ended."""


class SweptMemoryStorage(MemoryStorage):
    """The `memory://` rate-limit storage (it takes the scheme over when this module is imported),
    with expired counters swept once a second instead of every 10 ms.

    The library's storage starts a new timer thread for its sweep on any hit that comes more
    than 10 ms after the last sweep: that is most requests of a lightly loaded worker, about
    0.1 ms each. Counting is unchanged: a counter whose window has ended is dropped when it is
    read, whether or not the sweep has run yet; the sweep only gives the memory back.
    """

    STORAGE_SCHEME = ["memory"]  # noqa: RUF012 (the library declares it a plain list)

    def _MemoryStorage__schedule_expiry(self) -> None:  # the library's private hook, called on every hit
        if not self.timer.is_alive():
            self.timer = threading.Timer(EXPIRY_SWEEP_SECONDS, self._MemoryStorage__expire_events)  # type: ignore[attr-defined]
            self.timer.daemon = True
            self.timer.start()


def presented_api_key() -> str:
    return request.headers.get(API_KEY_HEADER, "")


def api_key_name() -> str | None:
    """The configured name of the request's API key, or None (no key, or an unknown key).

    Every secret is compared in constant time, so response timing does not leak a key's prefix.
    """
    key = presented_api_key().encode()
    if not key:
        return None
    found = None
    for name, secret in current_app.config.get("API_KEYS", {}).items():
        if hmac.compare_digest(secret.encode(), key):
            found = name
    return found


def rate_limit_key() -> str:
    name = api_key_name()
    return f"key:{name}" if name else f"ip:{get_remote_address()}"


def current_limit() -> str:
    """Keyed bots get their own, larger budget; everyone else shares the per-IP default."""
    config = current_app.config
    return config["RATELIMIT_API_KEY"] if api_key_name() else config["RATELIMIT_DEFAULT"]


def is_preflight() -> bool:
    """CORS preflights are sent by browsers on their own; they must not spend the caller's budget."""
    return request.method == "OPTIONS"


def is_exempt_client() -> bool:
    """Requests from the configured addresses (this host, by default) are never limited."""
    return request.remote_addr in current_app.config["RATELIMIT_EXEMPT_ADDRESSES"]

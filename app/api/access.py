"""Who may call the API and from where: optional API keys, and a CORS allow-list for browsers."""
from __future__ import annotations

from flask import Response, current_app, request

from app.errors import ApiError, is_api_path
from app.ratelimit import API_KEY_HEADER, api_key_name, presented_api_key

CORS_ALLOWED_HEADERS = f"Content-Type, Accept, {API_KEY_HEADER}"
CORS_EXPOSED_HEADERS = "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Match-Id"
CORS_MAX_AGE_SECONDS = 600


def reject_unknown_api_key() -> None:
    """A key that is sent must be valid: a typo should fail loudly, not quietly fall back to the
    anonymous budget."""
    if presented_api_key() and api_key_name() is None:
        raise ApiError(401, "invalid_api_key",
                       f"The {API_KEY_HEADER} header does not match any configured key; send a valid key or none.")


def _allowed_origin(origin: str) -> str | None:
    allowed = [item.rstrip("/") for item in current_app.config["CORS_ORIGINS"]]
    if "*" in allowed:
        return "*"
    return origin if origin.rstrip("/") in allowed else None


def add_cors_headers(response: Response) -> Response:
    """Browsers on an allow-listed origin may call /api/; other pages of the app stay same-origin."""
    if not is_api_path(request.path) or not current_app.config["CORS_ORIGINS"]:
        return response
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    allowed = _allowed_origin(origin) if origin else None
    if allowed is None:
        return response
    response.headers["Access-Control-Allow-Origin"] = allowed
    response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED_HEADERS
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers and response.allow:
        response.headers["Access-Control-Allow-Methods"] = ", ".join(sorted(response.allow))
        response.headers["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = str(CORS_MAX_AGE_SECONDS)
    return response

"""One JSON error shape under /api/, a plain HTML page elsewhere; the security headers every response carries.

HTML error pages get the same headers as the other pages (CONTENT_SECURITY_POLICY, nosniff,
Referrer-Policy): a 404 for an unknown URL belongs to no blueprint, so the pages'
`after_request` never sees it. Every response, API JSON and JSON errors included, says
`X-Content-Type-Options: nosniff` (an app-wide `after_request`), so no browser sniffs a body
that echoes user input into another type.
"""
from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, make_response, render_template, request
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError, RequestURITooLarge, ServiceUnavailable

from app.extensions import db

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}
DATABASE_RETRY_SECONDS = 5
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
"""Every asset comes from the app itself, and no inline script can run: a second wall behind
escaping, should user text ever reach a page as HTML."""


def page_security_headers(response: Response) -> Response:
    """The headers of every HTML page (a page may set its own policy first, like the API docs)."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _no_sniffing(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


class ApiError(HTTPException):
    """An error with a machine-readable code and a message meant for the integrator."""

    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(description=message)
        self.code = status
        self.error_code = code
        self.extra = extra


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def wants_json() -> bool:
    return is_api_path(request.path)


def error_response(status: int, code: str, message: str, **extra):
    body = {"error": {"code": code, "message": message, **extra}}
    return jsonify(body), status


def _api_message(exc: HTTPException) -> str:
    """Werkzeug's generic texts rewritten to tell an integrator what to change."""
    status = exc.code
    path = request.path[:200]
    if status == 404:
        return f"There is no API endpoint at {path}; the endpoints are listed at /api/v1/docs."
    if status == 405:
        return f"{request.method} is not allowed on {path}; the Allow header lists the methods that are."
    if status == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return f"The request body is larger than the {limit} bytes this API accepts." if limit \
            else "The request body is larger than this API accepts."
    if status == 429:
        return (f"Too many requests: the limit is {exc.description}. "
                "Retry after the number of seconds in the Retry-After header.")
    return exc.description or exc.name


def _handle_http(exc: HTTPException):
    status = exc.code or 500
    code = getattr(exc, "error_code", None) or ERROR_CODES.get(status, "error")
    if wants_json():
        message = (exc.description or exc.name) if isinstance(exc, ApiError) else _api_message(exc)
        response, status = error_response(status, code, message, **getattr(exc, "extra", {}))
    else:
        response = page_security_headers(make_response(render_template(
            "error.html", status=status, title=exc.name, message=exc.description or exc.name)))
    return _with_headers(response, exc), status


def _with_headers(response, exc: HTTPException):
    response = make_response(response)
    for name, value in exc.get_headers():
        if name.lower() not in ("content-type", "content-length"):
            response.headers[name] = value
    return response


def _handle_database_down(exc: OperationalError | PoolTimeout):
    """A database that cannot be reached, or no free connection in time (every one busy under a
    burst), is the server's trouble, but a temporary one: 503, retry."""
    db.session.rollback()
    current_app.logger.error("database unavailable on %s %s: %s", request.method, request.path,
                             getattr(exc, "orig", None) or exc)
    unavailable = ServiceUnavailable("The database is unavailable; try again shortly.",
                                     retry_after=DATABASE_RETRY_SECONDS)
    unavailable.error_code = "database_unavailable"  # type: ignore[attr-defined]
    return _handle_http(unavailable)


def _handle_unexpected(exc: Exception):
    """Never an HTML traceback or a stack in JSON: a short message, the details go to the log."""
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return _handle_http(InternalServerError("The server hit an unexpected error; it has been logged."))


MAX_URL_CHARS = 4096
"""Longer URLs are refused with 414 by the app, so API callers get the JSON error shape; gunicorn's
own limit (limit_request_line, set to its maximum) only stops what is longer still."""


def _refuse_long_urls() -> None:
    if len(request.full_path) > MAX_URL_CHARS:
        raise RequestURITooLarge()


def register(app: Flask) -> None:
    app.before_request(_refuse_long_urls)
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(OperationalError, _handle_database_down)
    app.register_error_handler(PoolTimeout, _handle_database_down)
    app.register_error_handler(Exception, _handle_unexpected)
    app.after_request(_no_sniffing)

"""One JSON error shape under /api/, a plain HTML page elsewhere."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

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


class ApiError(HTTPException):
    """An error with a machine-readable code and a message meant for the integrator."""

    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(description=message)
        self.code = status
        self.error_code = code
        self.extra = extra


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, code: str, message: str, **extra):
    body = {"error": {"code": code, "message": message, **extra}}
    return jsonify(body), status


def _handle_http(exc: HTTPException):
    status = exc.code or 500
    code = getattr(exc, "error_code", None) or ERROR_CODES.get(status, "error")
    message = exc.description or exc.name
    if wants_json():
        response, status = error_response(status, code, message, **getattr(exc, "extra", {}))
    else:
        response = render_template("error.html", status=status, title=exc.name, message=message)
    response = _with_headers(response, exc)
    return response, status


def _with_headers(response, exc: HTTPException):
    from flask import make_response
    response = make_response(response)
    for name, value in exc.get_headers():
        if name.lower() not in ("content-type", "content-length"):
            response.headers[name] = value
    return response


def _handle_unexpected(exc: Exception):
    """Never an HTML traceback or a stack in JSON: a short message, the details go to the log."""
    from flask import current_app
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return _handle_http(InternalServerError("The server hit an unexpected error; it has been logged."))


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(Exception, _handle_unexpected)

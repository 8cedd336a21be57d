"""A request id on every response and every log line; logs as JSON lines when configured.

The caller's X-Request-ID is kept when it is well-formed (a proxy or a bot correlating its
own logs), otherwise one is made, so a support ticket can quote the id of the failing call.
"""
from __future__ import annotations

import json
import logging
import re
import time
import uuid

from flask import Flask, Response, g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-ID"
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
"""Letters, digits and a few separators, at most 128 characters: nothing that can forge a log line."""


def request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


def _assign() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if WELL_FORMED_ID.fullmatch(given) else uuid.uuid4().hex


def _echo(response: Response) -> Response:
    if "request_id" in g:
        response.headers[REQUEST_ID_HEADER] = g.request_id
    return response


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (None outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id()
        return True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
                + f".{int(record.msecs):03d}Z",
                "level": record.levelname, "logger": record.name, "message": record.getMessage(),
                "request_id": getattr(record, "request_id", None)}
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure_logging(app: Flask) -> None:
    """LOG_FORMAT=json: the app's records (and gunicorn's, when it runs us) as JSON lines."""
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    if app.config["LOG_FORMAT"] == "json":
        handler.setFormatter(JsonLinesFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
    logger = logging.getLogger("app")  # the package's loggers and Flask's app.logger (named after it)
    logger.handlers[:] = [handler]
    logger.setLevel(app.config["LOG_LEVEL"])


def init_app(app: Flask) -> None:
    app.before_request(_assign)
    app.after_request(_echo)
    configure_logging(app)

"""Reading a request's JSON body by one set of rules, for the API and the chat alike.

Strict on purpose: a body that is not JSON in UTF-8, holds NaN or Infinity, nests too deep,
is not an object, arrives with broken chunked framing or is larger than MAX_CONTENT_LENGTH
is refused with a status and a code the caller puts in its own error shape.
"""
from __future__ import annotations

import json
from typing import Any, NoReturn

from flask import current_app, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge


class BodyError(Exception):
    """The body cannot be used; `status` and `code` say why (for the caller's error shape)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
"""`json.loads(text, parse_constant=...)` builds a decoder on every call; one does for every body."""


def read_body() -> bytes:
    """The raw body. Werkzeug refuses a Content-Length over MAX_CONTENT_LENGTH but cuts a chunked
    body at the limit, so a chunked body that reaches it is refused here. A body the server
    cannot read (malformed chunk sizes, a missing terminator, a client that stopped sending)
    is the client's mistake: 400, never a 500. The servers' framing errors share no base class."""
    try:
        raw = request.get_data(cache=True)
    except HTTPException:
        raise
    except Exception:
        raise BodyError(400, "invalid_body", "The request body could not be read (broken chunked framing?).") \
            from None
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is None and limit is not None and len(raw) >= limit:
        raise RequestEntityTooLarge()
    return raw


def json_object() -> dict[str, Any]:
    """The request's JSON object, or a BodyError that says exactly what is wrong."""
    if request.mimetype != "application/json":
        raise BodyError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.")
    raw = read_body()
    try:
        data = _DECODER.decode(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BodyError(400, "invalid_json", "The body is not valid JSON in UTF-8.") from None
    if not isinstance(data, dict):
        raise BodyError(400, "invalid_json", "The JSON body must be an object.")
    return data

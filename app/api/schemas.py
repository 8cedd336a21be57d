"""Request parsing and response shapes of API v1, kept apart from the views.

Parsing is strict: a field of the wrong type, an unknown field or a value out of range
is a 400 that names the field, never a silent default, so a bot's mistake shows up in
its first test run instead of as odd answers.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, NoReturn

from flask import current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from app.errors import ApiError
from app.feedback.models import REASONS, Feedback
from app.input_text import is_clean_text, is_readable_paste
from app.knowledge.localize import localized
from app.knowledge.model import FAMILIES, ID_RE, LANGS
from app.matching.extract import canonical_error_code

MATCH_LIMIT_MAX = 20
MATCH_LIMIT_DEFAULT = 5
PAGE_MAX = 1_000_000
PER_PAGE_DEFAULT = 20
SEARCH_MAX_CHARS = 200
ENTRY_ID_MAX_CHARS = 120
FORMATS = ("json", "markdown")
_ABSENT = object()
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HTTP_STATUS = re.compile(r"^(?:http[ _-]?)?([1-5][0-9]{2})$", re.I)


@dataclass(frozen=True)
class MatchRequest:
    query: str
    lang: str | None
    limit: int


@dataclass(frozen=True)
class FeedbackRequest:
    helpful: bool
    match_id: str | None
    entry_id: str | None
    reason: str | None
    comment: str | None


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _body() -> bytes:
    """The raw body. Werkzeug refuses a Content-Length over MAX_CONTENT_LENGTH but cuts a chunked
    body at the limit, so a chunked body that reaches it is refused here."""
    raw = request.get_data(cache=True)
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is None and limit is not None and len(raw) >= limit:
        raise RequestEntityTooLarge()
    return raw


def json_body() -> dict:
    """The request's JSON object, or a 415/400 that says exactly what is wrong."""
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.")
    try:
        data = json.loads(_body().decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ApiError(400, "invalid_json", "The body is not valid JSON in UTF-8.") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "The JSON body must be an object.")
    return data


def _reject_unknown_fields(data: dict, allowed: tuple[str, ...]) -> None:
    unknown = sorted(str(key) for key in data if key not in allowed)
    if unknown:
        raise ApiError(400, "unknown_field", f"Unknown field(s): {', '.join(unknown)[:200]}. "
                                             f"Allowed: {', '.join(allowed)}.")


def _strict_int(value: Any, field: str, low: int, high: int, default: int) -> int:
    """A JSON integer: `"5"`, `5.0`, `true` and `null` are mistakes worth reporting, not values to coerce."""
    if value is _ABSENT:
        return default
    if type(value) is not int or not low <= value <= high:
        raise ApiError(400, f"invalid_{field}", f"'{field}' must be an integer from {low} to {high}.")
    return value


def _lang(value: Any) -> str:
    if value not in LANGS:
        raise ApiError(400, "invalid_lang", f"'lang' must be one of {', '.join(LANGS)}.")
    return value


def lang_param(value: str | None) -> str | None:
    """A query parameter: absent means no preference; present, it must be a language code."""
    return None if value is None else _lang(value)


def match_request(data: dict) -> MatchRequest:
    _reject_unknown_fields(data, ("query", "lang", "limit"))
    query = data.get("query")
    if query is None or (isinstance(query, str) and not query.strip()):
        raise ApiError(400, "missing_query", "'query' must be a non-empty string.")
    if not isinstance(query, str):
        raise ApiError(400, "invalid_query", "'query' must be a string.")
    if not is_readable_paste(query):
        raise ApiError(400, "invalid_query", "'query' must be readable text, not binary data.")
    lang = _lang(data["lang"]) if "lang" in data else None
    limit = _strict_int(data.get("limit", _ABSENT), "limit", 1, MATCH_LIMIT_MAX, MATCH_LIMIT_DEFAULT)
    return MatchRequest(query=query, lang=lang, limit=limit)


def feedback_request(data: dict) -> FeedbackRequest:
    _reject_unknown_fields(data, ("match_id", "entry_id", "helpful", "reason", "comment"))
    if "match_id" not in data and "entry_id" not in data:
        raise ApiError(400, "missing_target", "Give 'match_id' (from POST /api/v1/match), 'entry_id', or both.")
    match_id, entry_id = data.get("match_id"), data.get("entry_id")
    if "match_id" in data and not (isinstance(match_id, str) and _UUID.match(match_id)):
        raise ApiError(400, "invalid_match_id", "'match_id' must be the match_id string a match returned.")
    if "entry_id" in data and not is_entry_id(entry_id):
        raise ApiError(400, "invalid_entry_id", "'entry_id' must be an entry id such as err_1100-not-enough-quota.")
    helpful = data.get("helpful")
    if not isinstance(helpful, bool):
        raise ApiError(400, "invalid_helpful", "'helpful' is required and must be true or false.")
    reason = data.get("reason")
    if "reason" in data and reason not in REASONS:
        raise ApiError(400, "invalid_reason", f"'reason' must be one of {', '.join(REASONS)}.")
    return FeedbackRequest(helpful=helpful, match_id=match_id, entry_id=entry_id, reason=reason,
                           comment=_comment(data["comment"]) if "comment" in data else None)


def is_entry_id(value: Any) -> bool:
    """Whether `value` can be an entry id at all (anything else is not found without a query)."""
    return isinstance(value, str) and len(value) <= ENTRY_ID_MAX_CHARS and bool(ID_RE.match(value))


def _comment(value: Any) -> str | None:
    limit = current_app.config["FEEDBACK_COMMENT_MAX"]
    if not isinstance(value, str) or not is_clean_text(value) or len(value) > limit:
        raise ApiError(400, "invalid_comment", f"'comment' must be plain text of at most {limit} characters.")
    return value.strip() or None


def query_int(name: str, low: int, high: int, default: int | None) -> int | None:
    """An integer query parameter written in plain ASCII digits."""
    value = request.args.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit() and low <= int(value) <= high):
        raise ApiError(400, f"invalid_{name}", f"'{name}' must be an integer from {low} to {high}.")
    return int(value)


def family_param(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in FAMILIES:
        raise ApiError(400, "invalid_family", f"'family' must be one of {', '.join(FAMILIES)}.")
    return value


def code_param(value: str | None) -> str | None:
    if value is None:
        return None
    code = canonical_error_code(value) if len(value) <= 40 else None
    if code is None:
        raise ApiError(400, "invalid_code", "'code' must be an error code such as ERR_1100.")
    return code


def search_param(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > SEARCH_MAX_CHARS or not is_clean_text(text):
        raise ApiError(400, "invalid_q", f"'q' must be plain text of at most {SEARCH_MAX_CHARS} characters.")
    return text


def lookup_param(raw: str) -> tuple[str | None, int | None]:
    """`ERR_1100`, `err-1100` or `429` (also `HTTP 429`) → (code, None) or (None, status)."""
    text = raw.strip()
    code = canonical_error_code(text) if len(text) <= 40 else None
    if code:
        return code, None
    status = _HTTP_STATUS.match(text)
    if status:
        return None, int(status.group(1))
    raise ApiError(400, "invalid_code",
                   "Look up an error code such as ERR_1100 (or err-1100) or an HTTP status such as 429.")


def response_format() -> str:
    """`?format=markdown` or `Accept: text/markdown` asks for a ready-to-post message; JSON otherwise."""
    value = request.args.get("format")
    if value is not None:
        if value not in FORMATS:
            raise ApiError(400, "invalid_format", f"'format' must be one of {', '.join(FORMATS)}.")
        return value
    best = request.accept_mimetypes.best_match(["application/json", "text/markdown"])
    return "markdown" if best == "text/markdown" else "json"


def page_size_max() -> int:
    return current_app.config["API_PAGE_SIZE_MAX"]


def entry_summary(entry: dict, lang: str | None) -> dict:
    view = localized(entry, lang)
    return {key: view[key] for key in ("id", "family", "kind", "lang", "fallback", "title",
                                       "error_codes", "http_statuses", "available_langs")}


def entry_page(entries: list[dict], total: int, page: int, per_page: int, lang: str | None) -> dict:
    return {"items": [entry_summary(entry, lang) for entry in entries], "total": total,
            "page": page, "per_page": per_page, "pages": (total + per_page - 1) // per_page}


def lookup_result(query: str, code: str | None, status: int | None, entries: list[dict],
                  lang: str | None) -> dict:
    return {"query": query, "code": code, "http_status": status,
            "entries": [localized(entry, lang) for entry in entries]}


def feedback_created(row: Feedback) -> dict:
    return {"id": row.id, "match_id": row.match_id, "entry_id": row.entry_id,
            "helpful": row.helpful, "reason": row.reason}

"""Request parsing and response shapes of API v1, kept apart from the views."""
from __future__ import annotations

from typing import Any

from flask import current_app, request

from app.errors import ApiError
from app.knowledge.localize import localized
from app.knowledge.schema import FAMILIES, LANGS
from app.matching.extract import canonical_error_code


def json_body() -> dict:
    """The request's JSON object, or a 415/400 that says exactly what is wrong."""
    if not request.mimetype or request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.")
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "invalid_json", "The body is not valid JSON (UTF-8).")
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "The JSON body must be an object.")
    return data


def lang_param(value: Any, field: str = "lang") -> str | None:
    if value is None or value == "":
        return None
    if value not in LANGS:
        raise ApiError(400, "invalid_lang", f"'{field}' must be one of {', '.join(LANGS)}.")
    return value


def int_param(value: Any, field: str, low: int, high: int, default: int) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise ApiError(400, f"invalid_{field}", f"'{field}' must be an integer from {low} to {high}.")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ApiError(400, f"invalid_{field}", f"'{field}' must be an integer from {low} to {high}.") from None
    if not low <= number <= high or (isinstance(value, float) and value != number):
        raise ApiError(400, f"invalid_{field}", f"'{field}' must be an integer from {low} to {high}.")
    return number


def family_param(value: str | None) -> str | None:
    if not value:
        return None
    if value not in FAMILIES:
        raise ApiError(400, "invalid_family", f"'family' must be one of {', '.join(FAMILIES)}.")
    return value


def code_param(value: str | None) -> str | None:
    if not value:
        return None
    code = canonical_error_code(value)
    if code is None:
        raise ApiError(400, "invalid_code", "'code' must be an error code such as ERR_1100.")
    return code


def entry_summary(entry: dict, lang: str | None) -> dict:
    view = localized(entry, lang)
    return {key: view[key] for key in ("id", "family", "kind", "lang", "fallback", "title",
                                       "error_codes", "http_statuses", "available_langs")}


def entry_detail(entry: dict, lang: str | None) -> dict:
    view = localized(entry, lang)
    view["url"] = f"/entries/{entry['id']}?lang={view['lang']}"
    return view


def page_size_max() -> int:
    return current_app.config["API_PAGE_SIZE_MAX"]


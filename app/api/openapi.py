"""The OpenAPI 3.1 document of API v1, written by hand next to the code it describes.

Tests keep the two together: every route of the API blueprint (plus the health probes)
is documented here and every documented path exists, and schemathesis checks live
responses against these schemas.
"""
from __future__ import annotations

from typing import Any

from flask import current_app

from app.api.schemas import (
    ENTRY_ID_MAX_CHARS,
    FORMATS,
    MATCH_LIMIT_DEFAULT,
    MATCH_LIMIT_MAX,
    PAGE_MAX,
    PER_PAGE_DEFAULT,
    SEARCH_MAX_CHARS,
)
from app.feedback.models import REASONS
from app.knowledge.model import FAMILIES, KINDS, LANGS, TOOLS

API_VERSION = "1.0.0"
_LANG = {"type": "string", "enum": list(LANGS)}
_STRING_LIST = {"type": "array", "items": {"type": "string"}}
_ENTRY_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_\\-]*$", "maxLength": ENTRY_ID_MAX_CHARS}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict[str, Any], required: list[str] | None = None, closed: bool = True) -> dict:
    schema: dict[str, Any] = {"type": "object", "properties": properties,
                              "required": list(properties) if required is None else required}
    if closed:
        schema["additionalProperties"] = False
    return schema


def _json(schema: dict, description: str, example: Any = None) -> dict:
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"description": description, "content": {"application/json": media}}


def _errors(*statuses: int) -> dict[str, dict]:
    return {str(status): {"$ref": f"#/components/responses/E{status}"} for status in statuses}


def _query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


_FORMAT_PARAM = _query("format", {"type": "string", "enum": list(FORMATS)},
                       "`markdown` returns a ready-to-post message (as does `Accept: text/markdown`).")
_LANG_PARAM = _query("lang", _LANG, "Language to show entries in; English (or the source language) "
                                    "when the entry has none in it, with `fallback: true`.")
_MARKDOWN = {"text/markdown": {"schema": {"type": "string"}}}
_RATE_HEADERS = {
    "X-RateLimit-Limit": {"description": "Requests allowed in the current window.", "schema": {"type": "integer"}},
    "X-RateLimit-Remaining": {"description": "Requests left in the current window.", "schema": {"type": "integer"}},
    "X-RateLimit-Reset": {"description": "Unix time at which the window resets.", "schema": {"type": "integer"}},
}


def _schemas() -> dict[str, dict]:
    comment_max = current_app.config["FEEDBACK_COMMENT_MAX"]
    command = _object({"tool": {"type": "string", "enum": list(TOOLS)}, "command": {"type": "string"},
                       "description": {"type": "string"}})
    source = _object({"doc": {"type": "string"}, "anchor": {"type": "string"}, "lang": _LANG,
                      "date": {"type": "string"}})
    entry_fields = {
        "id": {"type": "string"}, "family": {"type": "string", "enum": list(FAMILIES)},
        "kind": {"type": "string", "enum": list(KINDS)}, "lang": _LANG,
        "fallback": {"type": "boolean", "description": "True when the entry is not in the requested language."},
        "title": {"type": "string"},
    }
    detail_fields = {
        **entry_fields,
        "available_langs": {"type": "array", "items": _LANG},
        "cause": {"type": "string"},
        "steps": {"type": "string", "description": "Markdown ordered list."},
        "commands": {"type": "array", "items": _ref("Command")},
        "error_codes": _STRING_LIST,
        "http_statuses": {"type": "array", "items": {"type": "integer"}},
        "sources": {"type": "array", "items": _ref("Source")},
        "related": _STRING_LIST,
        "url": {"type": "string", "description": "Path of the entry's web page."},
    }
    match = _object({
        "id": detail_fields["id"],
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        **{key: detail_fields[key] for key in ("lang", "fallback", "title", "cause", "steps", "commands", "sources")},
        "reasons": {"type": "array", "description": "Why the entry was chosen: code, signature, alias, ...",
                    "items": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}}}},
        **{key: detail_fields[key] for key in ("family", "kind", "related", "url")},
    })
    return {
        "Error": _object({"error": {"type": "object", "required": ["code", "message"],
                                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}),
        "Command": command,
        "Source": source,
        "MatchRequest": _object({
            "query": {"type": "string", "minLength": 1, "pattern": "\\S",
                      "description": "The pasted error output or a description, in any of the four languages. "
                                     "A text longer than MATCH_MAX_QUERY_CHARS is analysed on its most "
                                     "informative lines and the answer says `truncated: true`."},
            "lang": {**_LANG, "description": "Language of the answer; defaults to the query's language."},
            "limit": {"type": "integer", "minimum": 1, "maximum": MATCH_LIMIT_MAX, "default": MATCH_LIMIT_DEFAULT},
        }, required=["query"]),
        "Match": match,
        "MatchResponse": _object({
            "match_id": {"type": "string", "format": "uuid", "description": "Refer to it in POST /api/v1/feedback."},
            "matches": {"type": "array", "items": _ref("Match"), "maxItems": MATCH_LIMIT_MAX},
            "query_lang": {"type": ["string", "null"], "enum": [*LANGS, None],
                           "description": "Detected language; null for a bare code."},
            "answer_lang": _LANG,
            "detected": _object({"codes": _STRING_LIST, "http_status": {"type": "array", "items": {"type": "integer"}}}),
            "ambiguous": {"type": "boolean", "description": "The best two matches score about the same."},
            "truncated": {"type": "boolean", "description": "Only the most informative part was analysed."},
        }),
        "EntrySummary": _object({**entry_fields, **{key: detail_fields[key] for key in (
            "error_codes", "http_statuses", "available_langs")}}),
        "EntryDetail": _object(detail_fields),
        "EntryList": _object({"items": {"type": "array", "items": _ref("EntrySummary")},
                              "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer", "minimum": 1},
                              "per_page": {"type": "integer", "minimum": 1},
                              "pages": {"type": "integer", "minimum": 0}}),
        "Lookup": _object({"query": {"type": "string"}, "code": {"type": ["string", "null"]},
                           "http_status": {"type": ["integer", "null"]},
                           "entries": {"type": "array", "items": _ref("EntryDetail"), "minItems": 1}}),
        "FeedbackRequest": {
            **_object({"match_id": {"type": "string", "format": "uuid"}, "entry_id": _ENTRY_ID,
                       "helpful": {"type": "boolean"},
                       "reason": {"type": "string", "enum": list(REASONS)},
                       "comment": {"type": "string", "maxLength": comment_max,
                                   "description": "Free text; secrets in it are redacted before it is stored."}},
                      required=["helpful"]),
            "anyOf": [{"required": ["match_id"]}, {"required": ["entry_id"]}],
        },
        "FeedbackCreated": _object({"id": {"type": "integer"}, "match_id": {"type": ["string", "null"]},
                                    "entry_id": {"type": ["string", "null"]}, "helpful": {"type": "boolean"},
                                    "reason": {"type": ["string", "null"], "enum": [*REASONS, None]}}),
        "Health": _object({"status": {"type": "string", "const": "ok"}}),
        "Readiness": _object({
            "status": {"type": "string", "enum": ["ok", "unavailable"]},
            "database": {"type": "string", "enum": ["ok", "unreachable"]},
            "detail": {"type": "string"},
            "knowledge": _object({"entries": {"type": "integer", "minimum": 0},
                                  "languages": {"type": "object", "additionalProperties": {"type": "integer"}}}),
        }, required=["status", "database"]),
    }


def _responses() -> dict[str, dict]:
    def error(description: str, headers: dict | None = None) -> dict:
        response = _json(_ref("Error"), description)
        if headers:
            response["headers"] = headers
        return response

    return {
        "E400": error("The request is malformed: broken JSON, a missing or invalid field, a bad parameter."),
        "E401": error("The X-API-Key header does not match any configured key."),
        "E404": error("No such entry, match, code or endpoint."),
        "E413": error("The body is larger than MAX_CONTENT_LENGTH."),
        "E415": error("The body is not sent as application/json."),
        "E429": error("Rate limit exceeded.", {
            "Retry-After": {"description": "Seconds to wait.", "required": True, "schema": {"type": "integer"}},
            **_RATE_HEADERS}),
        "E503": error("The database is unavailable; retry later.", {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}),
    }


def _ok(schema_name: str, description: str, markdown: bool = False, headers: dict | None = None) -> dict:
    response = _json(_ref(schema_name), description)
    if markdown:
        response["content"].update(_MARKDOWN)
    response["headers"] = {**_RATE_HEADERS, **(headers or {})}
    return response


def _paths() -> dict[str, dict]:
    page_max = current_app.config["API_PAGE_SIZE_MAX"]
    match_id_header = {"X-Match-Id": {"description": "The match_id, also in Markdown replies.",
                                      "required": True, "schema": {"type": "string", "format": "uuid"}}}
    return {
        "/api/v1/match": {"post": {
            "operationId": "match", "tags": ["matching"], "summary": "Find the entries that answer a pasted error",
            "description": "Every call is logged (redacted) for the support desk and returns a `match_id` "
                           "that feedback can refer to.",
            "parameters": [_FORMAT_PARAM],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _ref("MatchRequest"),
                "example": {"query": "ERR_1100: Not enough quota to create the deployment", "lang": "en", "limit": 3}}}},
            "responses": {"200": _ok("MatchResponse", "The matches, best first (empty when nothing fits).",
                                     markdown=True, headers=match_id_header),
                          **_errors(400, 401, 413, 415, 429, 503)},
        }},
        "/api/v1/entries": {"get": {
            "operationId": "listEntries", "tags": ["knowledge"], "summary": "List entries, filtered and paginated",
            "description": "Filters combine with AND. Entries are ordered by id, so pages are stable.",
            "parameters": [
                _query("family", {"type": "string", "enum": list(FAMILIES)}, "Deployment family."),
                _query("code", {"type": "string", "minLength": 1, "maxLength": 40}, "Error code, e.g. ERR_1100 or err-1100."),
                _query("status", {"type": "integer", "minimum": 100, "maximum": 599}, "HTTP status an entry answers."),
                _LANG_PARAM,
                _query("q", {"type": "string", "maxLength": SEARCH_MAX_CHARS}, "Text in the id, a title or an alias."),
                _query("page", {"type": "integer", "minimum": 1, "maximum": PAGE_MAX, "default": 1}, "Page number."),
                _query("per_page", {"type": "integer", "minimum": 1, "maximum": page_max,
                                    "default": PER_PAGE_DEFAULT}, "Entries per page."),
            ],
            "responses": {"200": _ok("EntryList", "One page of entries."), **_errors(400, 401, 429, 503)},
        }},
        "/api/v1/entries/{entry_id}": {"get": {
            "operationId": "getEntry", "tags": ["knowledge"], "summary": "One entry in one language",
            "parameters": [{"name": "entry_id", "in": "path", "required": True, "schema": _ENTRY_ID},
                           _LANG_PARAM, _FORMAT_PARAM],
            "responses": {"200": _ok("EntryDetail", "The entry.", markdown=True), **_errors(400, 401, 404, 429, 503)},
        }},
        "/api/v1/lookup/{code}": {"get": {
            "operationId": "lookup", "tags": ["knowledge"], "summary": "The entries that answer an error code or status",
            "description": "`ERR_1100`, `err-1100` or an HTTP status such as `429`; several entries can answer one "
                           "status (424, 429, 500).",
            "parameters": [{"name": "code", "in": "path", "required": True,
                            "schema": {"type": "string", "minLength": 1, "maxLength": 40}},
                           _LANG_PARAM, _FORMAT_PARAM],
            "responses": {"200": _ok("Lookup", "The entries, in id order.", markdown=True),
                          **_errors(400, 401, 404, 429, 503)},
        }},
        "/api/v1/feedback": {"post": {
            "operationId": "feedback", "tags": ["feedback"], "summary": "Say whether an answer helped",
            "description": "Stored durably before the 201 is sent.",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _ref("FeedbackRequest"),
                "example": {"entry_id": "err_1100-not-enough-quota", "helpful": False, "reason": "outdated"}}}},
            "responses": {"201": _ok("FeedbackCreated", "Stored."), **_errors(400, 401, 404, 413, 415, 429, 503)},
        }},
        "/api/v1/openapi.json": {"get": {
            "operationId": "openapi", "tags": ["meta"], "summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.1 document.", "headers": _RATE_HEADERS,
                                  "content": {"application/json": {"schema": {"type": "object"}}}},
                          **_errors(401, 429)},
        }},
        "/api/v1/docs": {"get": {
            "operationId": "docs", "tags": ["meta"], "summary": "This document as a web page",
            "responses": {"200": {"description": "HTML, rendered on the server.", "headers": _RATE_HEADERS,
                                  "content": {"text/html": {"schema": {"type": "string"}}}},
                          **_errors(401, 429)},
        }},
        "/healthz": {"get": {
            "operationId": "healthz", "tags": ["health"], "summary": "Liveness: the process serves requests",
            "security": [{}],
            "responses": {"200": _json(_ref("Health"), "Alive.")},
        }},
        "/readyz": {"get": {
            "operationId": "readyz", "tags": ["health"],
            "summary": "Readiness: the database answers and knowledge is loaded",
            "security": [{}],
            "responses": {"200": _json(_ref("Readiness"), "Ready, with entry counts per language."),
                          "503": _json(_ref("Readiness"), "Not ready: database unreachable or no knowledge loaded.")},
        }},
    }


def openapi_document() -> dict:
    """The document for the running app (limits come from its config)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Azure ML deployment troubleshooter API",
            "version": API_VERSION,
            "description": "Match pasted Azure Machine Learning deployment errors (English, Korean, Chinese, "
                           "Russian) to troubleshooting entries, look up codes, and send feedback. "
                           "Errors always look like `{\"error\": {\"code\", \"message\"}}`. Anonymous calls are "
                           "limited per client address; an X-API-Key gets its own, larger budget.",
        },
        "servers": [{"url": "/"}],
        "security": [{}, {"ApiKey": []}],
        "tags": [{"name": "matching"}, {"name": "knowledge"}, {"name": "feedback"}, {"name": "meta"},
                 {"name": "health"}],
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "responses": _responses(),
            "securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                           "description": "Keys are configured on the server as `API_KEYS=name:secret,...`."}},
        },
    }

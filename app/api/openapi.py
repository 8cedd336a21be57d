"""The OpenAPI 3.1 document of API v1, generated from the request and response models.

Only what models cannot say is written here: which operation takes which model, the
responses each can give, and the prose. Tests keep routes and document in step, and
schemathesis checks live responses against it.
"""
from __future__ import annotations

from typing import Any

from flask import current_app
from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import models_json_schema

from app.api.models import (
    UUID_PATTERN,
    ConversationCreated,
    EntriesQuery,
    EntryDetail,
    EntryIdPath,
    EntryList,
    Error,
    FeedbackCreated,
    FeedbackRequest,
    FormatQuery,
    Health,
    Lookup,
    LookupPath,
    MatchInConversation,
    MatchRequest,
    MatchResponse,
    Readiness,
    ViewQuery,
)

API_VERSION = "1.0.0"
REF_TEMPLATE = "#/components/schemas/{model}"
REQUEST_MODELS: tuple[type[BaseModel], ...] = (MatchRequest, FeedbackRequest)
RESPONSE_MODELS: tuple[type[BaseModel], ...] = (Error, MatchResponse, MatchInConversation, EntryList, EntryDetail,
                                                Lookup, FeedbackCreated, ConversationCreated, Health, Readiness)


def _ref(model: type[BaseModel]) -> dict:
    return {"$ref": REF_TEMPLATE.format(model=model.__name__)}


def _json(schema: dict, description: str, example: Any = None) -> dict:
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"description": description, "content": {"application/json": media}}


def _errors(*statuses: int) -> dict[str, dict]:
    return {str(status): {"$ref": f"#/components/responses/E{status}"} for status in statuses}


_MARKDOWN = {"text/markdown": {"schema": {"type": "string"}}}
_RATE_HEADERS = {
    "X-RateLimit-Limit": {"description": "Requests allowed in the current window.", "schema": {"type": "integer"}},
    "X-RateLimit-Remaining": {"description": "Requests left in the current window.", "schema": {"type": "integer"}},
    "X-RateLimit-Reset": {"description": "Unix time at which the window resets.", "schema": {"type": "integer"}},
}


def _schemas() -> dict[str, dict]:
    """Every request and response model as JSON Schema, references between them kept."""
    _, defs = models_json_schema(
        [(model, "validation") for model in REQUEST_MODELS] + [(model, "serialization") for model in RESPONSE_MODELS],
        ref_template=REF_TEMPLATE)
    schemas = defs["$defs"]
    config = current_app.config
    schemas["FeedbackRequest"]["properties"]["comment"]["maxLength"] = config["FEEDBACK_COMMENT_MAX"]
    return schemas


def _parameters(model: type[BaseModel]) -> list[dict]:
    """A query model's fields as OpenAPI query parameters."""
    schema = model.model_json_schema(ref_template=REF_TEMPLATE)
    parameters = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        description = prop.pop("description", "")
        prop.pop("title", None)
        if name == "per_page":
            prop["maximum"] = current_app.config["API_PAGE_SIZE_MAX"]
        parameters.append({"name": name, "in": "query", "required": False, "schema": prop,
                           "description": description})
    return parameters


def _path_parameter(name: str, annotation: Any) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": TypeAdapter(annotation).json_schema()}


def _responses() -> dict[str, dict]:
    def error(description: str, headers: dict | None = None) -> dict:
        response = _json(_ref(Error), description)
        if headers:
            response["headers"] = headers
        return response

    return {
        "E400": error("The request is malformed: broken JSON, a missing or invalid field, a bad parameter."),
        "E401": error("The X-API-Key header does not match any configured key."),
        "E404": error("No such entry, match, code, conversation or endpoint."),
        "E413": error("The body is larger than MAX_CONTENT_LENGTH."),
        "E415": error("The body is not sent as application/json."),
        "E429": error("Rate limit exceeded.", {
            "Retry-After": {"description": "Seconds to wait.", "required": True, "schema": {"type": "integer"}},
            **_RATE_HEADERS}),
        "E503": error("The database is unavailable; retry later.", {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}),
    }


def _ok(model: type[BaseModel], description: str, markdown: bool = False, headers: dict | None = None) -> dict:
    response = _json(_ref(model), description)
    if markdown:
        response["content"].update(_MARKDOWN)
    response["headers"] = {**_RATE_HEADERS, **(headers or {})}
    return response


def _match_ok(headers: dict) -> dict:
    """A match without `conversation_id` is a MatchResponse, as always; with one, a MatchInConversation."""
    response = _ok(MatchResponse, "The matches, best first (empty when nothing fits). With `conversation_id`, "
                                  "also how the message was read (`turn`) and what the reply shows (`reply`).",
                   markdown=True, headers=headers)
    response["content"]["application/json"]["schema"] = {"oneOf": [_ref(MatchResponse), _ref(MatchInConversation)]}
    return response


def _conversation_parameter() -> dict:
    return {"name": "conversation_id", "in": "path", "required": True,
            "schema": {"type": "string", "format": "uuid", "pattern": UUID_PATTERN}}


def _paths() -> dict[str, dict]:
    match_id_header = {"X-Match-Id": {"description": "The match_id, also in Markdown replies.",
                                      "required": True, "schema": {"type": "string", "format": "uuid"}}}
    return {
        "/api/v1/match": {"post": {
            "operationId": "match", "tags": ["matching"], "summary": "Find the entries that answer a pasted error",
            "description": "Every call is logged (redacted) for the support desk and returns a `match_id` "
                           "that feedback can refer to.",
            "parameters": _parameters(FormatQuery),
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _ref(MatchRequest),
                "example": {"query": "ERR_1100: Not enough quota to create the deployment", "lang": "en", "limit": 3}}}},
            "responses": {"200": _match_ok(match_id_header), **_errors(400, 401, 404, 413, 415, 429, 503)},
        }},
        "/api/v1/conversations": {"post": {
            "operationId": "createConversation", "tags": ["conversations"],
            "summary": "Start a conversation for a chat thread",
            "description": "A bot in Slack or Teams creates one conversation per thread and sends its "
                           "`conversation_id` with each POST /api/v1/match, so \"how do I see its logs?\", "
                           "\"that didn't help\" or \"in Korean please\" are read in context. The id is opaque, "
                           "belongs to the API key that created it (or to anonymous callers), and expires after "
                           "CONVERSATION_TTL_SECONDS unused.",
            "responses": {"201": _ok(ConversationCreated, "Created."), **_errors(401, 429, 503)},
        }},
        "/api/v1/conversations/{conversation_id}/transcript": {"get": {
            "operationId": "conversationTranscript", "tags": ["conversations"],
            "summary": "The conversation as Markdown, for a support ticket",
            "description": "Each message (secrets redacted) and each answer with its entry's title, link and "
                           "confidence: what to attach when the assistant has nothing left to offer.",
            "parameters": [_conversation_parameter()],
            "responses": {"200": {"description": "Markdown.", "headers": _RATE_HEADERS,
                                  "content": {"text/markdown": {"schema": {"type": "string"}}}},
                          **_errors(401, 404, 429, 503)},
        }},
        "/api/v1/conversations/{conversation_id}": {"delete": {
            "operationId": "deleteConversation", "tags": ["conversations"],
            "summary": "Delete a conversation and its messages",
            "parameters": [_conversation_parameter()],
            "responses": {"204": {"description": "Deleted.", "headers": _RATE_HEADERS},
                          **_errors(401, 404, 429, 503)},
        }},
        "/api/v1/entries": {"get": {
            "operationId": "listEntries", "tags": ["knowledge"], "summary": "List entries, filtered and paginated",
            "description": "Filters combine with AND. Entries are ordered by id, so pages are stable.",
            "parameters": _parameters(EntriesQuery),
            "responses": {"200": _ok(EntryList, "One page of entries."), **_errors(400, 401, 429, 503)},
        }},
        "/api/v1/entries/{entry_id}": {"get": {
            "operationId": "getEntry", "tags": ["knowledge"], "summary": "One entry in one language",
            "parameters": [_path_parameter("entry_id", EntryIdPath), *_parameters(ViewQuery)],
            "responses": {"200": _ok(EntryDetail, "The entry.", markdown=True), **_errors(400, 401, 404, 429, 503)},
        }},
        "/api/v1/lookup/{code}": {"get": {
            "operationId": "lookup", "tags": ["knowledge"], "summary": "The entries that answer an error code or status",
            "description": "`ERR_1100`, `err-1100` or an HTTP status such as `429`; several entries can answer one "
                           "status (424, 429, 500).",
            "parameters": [_path_parameter("code", LookupPath), *_parameters(ViewQuery)],
            "responses": {"200": _ok(Lookup, "The entries, in id order.", markdown=True),
                          **_errors(400, 401, 404, 429, 503)},
        }},
        "/api/v1/feedback": {"post": {
            "operationId": "feedback", "tags": ["feedback"], "summary": "Say whether an answer helped",
            "description": "Stored durably before the 201 is sent.",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _ref(FeedbackRequest),
                "example": {"entry_id": "err_1100-not-enough-quota", "helpful": False, "reason": "outdated"}}}},
            "responses": {"201": _ok(FeedbackCreated, "Stored."), **_errors(400, 401, 404, 413, 415, 429, 503)},
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
            "responses": {"200": _json(_ref(Health), "Alive.")},
        }},
        "/readyz": {"get": {
            "operationId": "readyz", "tags": ["health"],
            "summary": "Readiness: the database answers and knowledge is loaded",
            "security": [{}],
            "responses": {"200": _json(_ref(Readiness), "Ready, with entry counts per language."),
                          "503": _json(_ref(Readiness), "Not ready: database unreachable or no knowledge loaded.")},
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
        "tags": [{"name": "matching"}, {"name": "conversations"}, {"name": "knowledge"}, {"name": "feedback"},
                 {"name": "meta"}, {"name": "health"}],
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "responses": _responses(),
            "securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                           "description": "Keys are configured on the server as `API_KEYS=name:secret,...`."}},
        },
    }

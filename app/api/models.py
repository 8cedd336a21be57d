"""API v1 request and response models: validation and the OpenAPI document both come from these.

Parsing is strict: a field of the wrong type, an unknown field or a value out of range is a
400 that names the field, never a silent default, so a bot's mistake shows up in its first
test run instead of as odd answers. Entry parts (languages, families, kinds, tools, sources)
are the knowledge model's own types.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, TypeVar

from flask import current_app, request
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from app.errors import ApiError
from app.feedback.models import REASONS
from app.input_text import PASTE_PATTERN, is_clean_text, is_readable_paste
from app.knowledge.model import FAMILIES, ID_PATTERN, ID_RE, LANGS, Family, Generation, Kind, Lang, Tool
from app.matching.extract import canonical_error_code
from app.request_body import BodyError, json_object

LANG_MESSAGE = f"'lang' must be one of {', '.join(LANGS)}."
MATCH_LIMIT_MAX = 20
MATCH_LIMIT_DEFAULT = 5
PAGE_MAX = 1_000_000
PER_PAGE_DEFAULT = 20
SEARCH_MAX_CHARS = 200
ENTRY_ID_MAX_CHARS = 120
CODE_MAX_CHARS = 40
FORMATS = ("json", "markdown")
JSON_ACCEPTS = frozenset({"", "*/*", "application/json"})
"""Accept headers (curl's, HTTP libraries', a bot's) that plainly ask for JSON, or anything."""
ERROR_CODE_PARAM_PATTERN = r"^[eE][rR][rR](?:[oO][rR])?[ _\-:#]?(?=[0-9oO]*[0-9])[0-9oO]{4}$"
"""What `canonical_error_code` accepts (`ERR_1100`, `err-1100`, `ERR 12OO`), stated for the document."""
LOOKUP_PARAM_PATTERN = (r"^\s*(?:[eE][rR][rR][\s_-]?[0-9oO]{4}|(?:[hH][tT][tT][pP][ _-]?)?[1-5][0-9]{2})\s*$")
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_HTTP_STATUS = re.compile(r"^(?:http[ _-]?)?([1-5][0-9]{2})$", re.I)
_NO_NUL = r"^[^\u0000]*$"
M = TypeVar("M", bound=BaseModel)


def _json_integer(value: Any) -> Any:
    """JSON Schema's integer: 5 and 5.0 are both integers; true, "5" and 5.5 are not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _refuse_null(value: Any) -> Any:
    """An optional field is left out, not sent as null: null is a mistake worth naming."""
    if value is None:
        raise PydanticCustomError("null", "null is not a value here")
    return value


def _query_integer(value: Any) -> Any:
    """A query parameter written in plain ASCII digits; anything else stays a string and fails."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return value




class _Request(BaseModel):
    """Unknown fields are errors; `messages` says, per field, what a valid value is."""

    model_config = ConfigDict(extra="forbid", strict=True)
    messages: ClassVar[dict[str, str]] = {}


class MatchRequest(_Request):
    query: Annotated[str, Field(
        min_length=1, json_schema_extra={"pattern": PASTE_PATTERN},
        description="The pasted error output or a description, in any of the four languages. A text longer "
                    "than MATCH_MAX_QUERY_CHARS is analysed on its most informative lines and the answer "
                    "says `truncated: true`.")]
    lang: Annotated[Lang | None, Field(description="Language of the answer; defaults to the query's language."),
                    WithJsonSchema({"type": "string", "enum": list(LANGS),
                                    "description": "Language of the answer; defaults to the query's language."})
                    ] = None
    limit: Annotated[int, Field(ge=1, le=MATCH_LIMIT_MAX)] = MATCH_LIMIT_DEFAULT
    conversation_id: Annotated[str | None, Field(pattern=UUID_PATTERN), WithJsonSchema({
        "type": "string", "format": "uuid",
        "description": "A conversation from POST /api/v1/conversations (one per chat thread): the query is read "
                       "against it, as a follow-up, feedback (\"that didn't help\"), a language request or small "
                       "talk, and the reply says which in `turn`. Left out, every query is matched on its own."})
    ] = None

    messages: ClassVar[dict[str, str]] = {
        "query": "'query' must be a string.",
        "lang": LANG_MESSAGE,
        "limit": f"'limit' must be an integer from 1 to {MATCH_LIMIT_MAX}.",
        "conversation_id": "'conversation_id' must be the conversation_id that POST /api/v1/conversations returned.",
    }

    _integral_limit = field_validator("limit", mode="before")(_json_integer)
    _lang_not_null = field_validator("lang", "conversation_id", mode="before")(_refuse_null)

    @field_validator("query")
    @classmethod
    def _readable(cls, value: str) -> str:
        if not value.strip():
            raise PydanticCustomError("missing_query", "'query' must be a non-empty string.")
        if not is_readable_paste(value):
            raise PydanticCustomError("invalid_query", "'query' must be readable text, not binary data.")
        return value


class FeedbackRequest(_Request):
    match_id: Annotated[str | None, Field(pattern=UUID_PATTERN, description="The match_id a match returned."),
                        WithJsonSchema({"type": "string", "format": "uuid",
                                        "description": "The match_id a match returned."})] = None
    entry_id: Annotated[str | None, Field(pattern=ID_PATTERN, max_length=ENTRY_ID_MAX_CHARS),
                        WithJsonSchema({"type": "string", "pattern": ID_PATTERN,
                                        "maxLength": ENTRY_ID_MAX_CHARS})] = None
    helpful: bool
    reason: Annotated[str | None, WithJsonSchema({"type": "string", "enum": list(REASONS)})] = None
    comment: Annotated[str | None, WithJsonSchema({
        "type": "string", "pattern": _NO_NUL,
        "description": "Free text; secrets in it are redacted before it is stored."})] = None

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={
        "anyOf": [{"required": ["match_id"]}, {"required": ["entry_id"]}]})
    messages: ClassVar[dict[str, str]] = {
        "match_id": "'match_id' must be the match_id string a match returned.",
        "entry_id": "'entry_id' must be an entry id such as err_1100-not-enough-quota.",
        "helpful": "'helpful' is required and must be true or false.",
        "reason": f"'reason' must be one of {', '.join(REASONS)}.",
        "comment": "'comment' must be plain text of at most {comment_max} characters.",
    }

    @model_validator(mode="before")
    @classmethod
    def _has_target(cls, data: Any) -> Any:
        if isinstance(data, dict) and "match_id" not in data and "entry_id" not in data:
            raise PydanticCustomError("missing_target",
                                      "Give 'match_id' (from POST /api/v1/match), 'entry_id', or both.")
        return data

    _not_null = field_validator("match_id", "entry_id", "reason", "comment", mode="before")(_refuse_null)

    @field_validator("reason")
    @classmethod
    def _known_reason(cls, value: str | None) -> str | None:
        if value is not None and value not in REASONS:
            raise PydanticCustomError("invalid_reason", FeedbackRequest.messages["reason"])
        return value

    @field_validator("comment")
    @classmethod
    def _plain_comment(cls, value: str | None) -> str | None:
        if value is not None and (not is_clean_text(value) or len(value) > current_app.config["FEEDBACK_COMMENT_MAX"]):
            raise PydanticCustomError("invalid_comment", "comment")
        return value.strip() or None if value is not None else None


class EntriesQuery(_Request):
    """Filters of GET /api/v1/entries; all optional and combined with AND."""

    family: Annotated[Family | None, Field(description="Deployment family."),
                      WithJsonSchema({"type": "string", "enum": list(FAMILIES),
                                      "description": "Deployment family."})] = None
    code: Annotated[str | None, WithJsonSchema({
        "type": "string", "pattern": ERROR_CODE_PARAM_PATTERN + "|^$",
        "description": "Error code, e.g. ERR_1100 or err-1100."})] = None
    status: Annotated[int | None, WithJsonSchema({
        "type": "integer", "minimum": 100, "maximum": 599,
        "description": "HTTP status an entry answers."}), Field(ge=100, le=599)] = None
    lang: Annotated[Lang | None, WithJsonSchema({
        "type": "string", "enum": list(LANGS),
        "description": "Language to show entries in; English (or the source language) when the entry has "
                       "none in it, with `fallback: true`."})] = None
    q: Annotated[str | None, WithJsonSchema({
        "type": "string", "maxLength": SEARCH_MAX_CHARS, "pattern": _NO_NUL,
        "description": "Text in the id, a title or an alias."})] = None
    page: Annotated[int, Field(ge=1, le=PAGE_MAX, description="Page number.")] = 1
    per_page: Annotated[int, Field(ge=1, description="Entries per page.")] = PER_PAGE_DEFAULT

    model_config = ConfigDict(extra="ignore", strict=True)
    messages: ClassVar[dict[str, str]] = {
        "family": "'family' must be one of managed-online-endpoints, batch-endpoints, docker-aci-aks.",
        "code": "'code' must be an error code such as ERR_1100.",
        "status": "'status' must be an integer from 100 to 599.",
        "lang": LANG_MESSAGE,
        "q": f"'q' must be plain text of at most {SEARCH_MAX_CHARS} characters.",
        "page": f"'page' must be an integer from 1 to {PAGE_MAX}.",
        "per_page": "'per_page' must be an integer from 1 to {per_page_max}.",
    }

    _query_integers = field_validator("status", "page", "per_page", mode="before")(_query_integer)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str | None) -> str | None:
        if not value:
            return None  # `?code=` filters nothing, as an empty `q` does
        code = canonical_error_code(value) if len(value) <= CODE_MAX_CHARS and value == value.strip() else None
        if code is None:
            raise PydanticCustomError("invalid_code", EntriesQuery.messages["code"])
        return code

    @field_validator("q")
    @classmethod
    def _search(cls, value: str | None) -> str | None:
        text = (value or "").strip()
        if not text:
            return None
        if len(text) > SEARCH_MAX_CHARS or not is_clean_text(text):
            raise PydanticCustomError("invalid_q", EntriesQuery.messages["q"])
        return text

    @field_validator("per_page")
    @classmethod
    def _page_size(cls, value: int) -> int:
        if value > current_app.config["API_PAGE_SIZE_MAX"]:
            raise PydanticCustomError("invalid_per_page", "per_page")
        return value


class ViewQuery(_Request):
    """`lang` and `format` of the entry and lookup views."""

    lang: Annotated[Lang | None, WithJsonSchema(EntriesQuery.model_json_schema()["properties"]["lang"])] = None
    format: Annotated[str | None, WithJsonSchema({
        "type": "string", "enum": list(FORMATS),
        "description": "`markdown` returns a ready-to-post message (as does `Accept: text/markdown`)."})] = None

    model_config = ConfigDict(extra="ignore", strict=True)
    messages: ClassVar[dict[str, str]] = {"lang": EntriesQuery.messages["lang"]}


class FormatQuery(_Request):
    """`format` of POST /api/v1/match."""

    format: Annotated[str | None, WithJsonSchema(ViewQuery.model_json_schema()["properties"]["format"])] = None
    model_config = ConfigDict(extra="ignore", strict=True)


EntryIdPath = Annotated[str, WithJsonSchema({"type": "string", "pattern": ID_PATTERN,
                                             "maxLength": ENTRY_ID_MAX_CHARS})]
LookupPath = Annotated[str, WithJsonSchema({"type": "string", "pattern": LOOKUP_PARAM_PATTERN,
                                            "maxLength": CODE_MAX_CHARS})]


# Responses ----------------------------------------------------------------------------------------------

class _Response(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Command(_Response):
    """A command as shown: its description in the answer's language; today's commands first."""

    tool: Tool
    command: str
    description: str
    generation: Generation = Field(description=(
        "cli-v2 / sdk-v2: today's Azure ML CLI and SDK; cli-v1-preview: the 2021 articles' `az ml endpoint` "
        "group, which no longer exists; cli-v1 / sdk-v1: out of support; general: another tool, unaffected."))
    current: bool = Field(description="Works with today's tools; false for the articles' older commands, "
                                      "which clients should show folded, after the current ones.")
    source: int | None = Field(description="Index in `sources` of where the command comes from.")


class Source(_Response):
    """Where the facts come from: an article file (`doc`) or a web page (`url`, `title`)."""

    doc: str | None
    url: str | None
    title: str | None
    anchor: str
    lang: Lang
    date: str = Field(description="YYYY-MM-DD")
    note: str | None = Field(description="What to know about the source itself (e.g. a mistake in it).")


class Reason(BaseModel):
    """Why the entry was chosen: code, signature, alias, ... (more keys per type)."""

    model_config = ConfigDict(extra="allow")
    type: str


class EntrySummary(_Response):
    id: str
    family: Family
    kind: Kind
    lang: Lang
    fallback: bool = Field(description="True when the entry is not in the requested language.")
    title: str
    error_codes: list[str]
    http_statuses: list[int]
    available_langs: list[Lang]


class EntryDetail(EntrySummary):
    cause: str
    steps: str = Field(description="Markdown ordered list.")
    history: str | None = Field(description="The source article's older advice where today's docs changed it.")
    commands: list[Command]
    sources: list[Source]
    related: list[str]
    url: str = Field(description="Path of the entry's web page.")


class Match(_Response):
    id: str
    score: float = Field(ge=0, le=100)
    lang: Lang
    fallback: bool
    title: str
    cause: str
    steps: str
    history: str | None
    commands: list[Command]
    sources: list[Source]
    reasons: list[Reason]
    family: Family
    kind: Kind
    related: list[str]
    url: str


class Detected(_Response):
    codes: list[str]
    http_status: list[int]


class Docs(_Response):
    url: str
    title: str
    date: str = Field(description="When the page was checked (YYYY-MM-DD).")


class OutOfScope(_Response):
    """No entry, because the paste is about a part of Azure ML this assistant does not cover."""

    topic: str = Field(description="Stable id of the neighbouring topic, e.g. compute-cluster, automl.")
    label: str = Field(description="The topic's name in the answer's language.")
    message: str = Field(description="A sentence saying so, in the answer's language.")
    docs: Docs = Field(description="Where to read about the topic instead.")


class MatchResponse(_Response):
    match_id: str = Field(description="Refer to it in POST /api/v1/feedback.", json_schema_extra={"format": "uuid"})
    matches: list[Match] = Field(max_length=MATCH_LIMIT_MAX)
    query_lang: Lang | None = Field(description="Detected language; null for a bare code.")
    answer_lang: Lang
    detected: Detected
    ambiguous: bool = Field(description="The best two matches score about the same.")
    truncated: bool = Field(description="Only the most informative part was analysed.")
    out_of_scope: OutOfScope | None = Field(description=(
        "Set when `matches` is empty because the paste is about a neighbouring Azure ML topic "
        "(compute, training, AutoML, pipelines, CLI installation, sign-in, data, the studio portal)."))


TURNS = ("new_topic", "follow_up", "feedback", "language", "small_talk")
REPLY_KINDS = ("answer", "no_match", "alternatives", "nothing_left", "no_context", "small_talk")


class ConversationReply(_Response):
    """What the reply to a message in a conversation shows, and what to say with it."""

    kind: str = Field(json_schema_extra={"enum": list(REPLY_KINDS)}, description=(
        "answer: `matches` answers the message (first is best); no_match: nothing fits; alternatives: the entry "
        "shown did not help and `matches` are other entries of the topic to choose from; nothing_left: none is "
        "left, hand the conversation to a person (`transcript_url`); no_context: nothing was shown yet to give "
        "feedback on or re-render; small_talk: a greeting, thanks, a question about the assistant, or off-topic."))
    message: str | None = Field(description="A sentence to post (small talk, alternatives, nothing left), in "
                                            "`answer_lang`; null when the matches speak for themselves.")
    rejected_entry: str | None = Field(description="The entry recorded as not helpful (feedback turns).")
    transcript_url: str | None = Field(description="Where the conversation's Markdown transcript is, for a ticket.")


class MatchInConversation(MatchResponse):
    """POST /api/v1/match with a `conversation_id`: the same answer, read in the conversation."""

    conversation_id: str = Field(json_schema_extra={"format": "uuid"})
    turn: str = Field(json_schema_extra={"enum": list(TURNS)}, description=(
        "How the message was read: new_topic (matched on its own), follow_up (resolved with the conversation's "
        "entry and family), feedback (\"that didn't help\": recorded as negative feedback on the entry shown), "
        "language (the last answer re-rendered in the language asked for), small_talk."))
    reply: ConversationReply


class ConversationCreated(_Response):
    conversation_id: str = Field(json_schema_extra={"format": "uuid"},
                                 description="Opaque; send it with each POST /api/v1/match of the thread.")
    expires_at: str = Field(description="UTC, ISO 8601; each message renews it by `ttl_seconds`.")
    ttl_seconds: int = Field(ge=1)


class EntryList(_Response):
    items: list[EntrySummary]
    total: int = Field(ge=0)
    page: int = Field(ge=1)
    per_page: int = Field(ge=1)
    pages: int = Field(ge=0)


class Lookup(_Response):
    query: str
    code: str | None
    http_status: int | None
    entries: list[EntryDetail] = Field(min_length=1)


class FeedbackCreated(_Response):
    id: int
    match_id: str | None
    entry_id: str | None
    helpful: bool
    reason: str | None


class ErrorBody(_Response):
    code: str
    message: str


class Error(_Response):
    error: ErrorBody


class Health(_Response):
    status: str = Field(json_schema_extra={"const": "ok"})


class KnowledgeCounts(_Response):
    entries: int = Field(ge=0)
    languages: dict[str, int]


class Readiness(_Response):
    status: str = Field(json_schema_extra={"enum": ["ok", "unavailable"]})
    database: str = Field(json_schema_extra={"enum": ["ok", "unreachable"]})
    detail: str | None = None
    knowledge: KnowledgeCounts | None = None


# Parsing ------------------------------------------------------------------------------------------------

def json_body() -> dict[str, Any]:
    """The request's JSON object, or the API's 415/400 that says exactly what is wrong."""
    try:
        return json_object()
    except BodyError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None


def parse(model: type[M], data: dict[str, Any]) -> M:
    """`data` as `model`, or the first problem as a 400 naming the field (unknown fields first)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _api_error(model, data, exc.errors()) from None


def parse_query(model: type[M]) -> M:
    """The query string as `model` (the first value of a repeated parameter). Most calls have
    none, and parsing an empty one still costs microseconds on every match."""
    return parse(model, request.args.to_dict() if request.query_string else {})


def _api_error(model: type[BaseModel], data: dict[str, Any], errors: list[ErrorDetails]) -> ApiError:
    unknown = sorted(str(key) for key in data if key not in model.model_fields)
    if unknown and model.model_config.get("extra") == "forbid":
        return ApiError(400, "unknown_field", f"Unknown field(s): {', '.join(unknown)[:200]}. "
                                              f"Allowed: {', '.join(model.model_fields)}.")
    whole = [error for error in errors if not error["loc"]]
    if whole:
        return ApiError(400, whole[0]["type"], str(whole[0]["msg"]))
    by_field = {str(error["loc"][0]): error for error in reversed(errors)}
    field = next(name for name in model.model_fields if name in by_field)
    error = by_field[field]
    if field == "query" and (data.get("query") is None
                             or error["type"] in ("string_too_short", "missing_query")):
        return ApiError(400, "missing_query", "'query' must be a non-empty string.")
    if error["type"] == "invalid_query":
        return ApiError(400, "invalid_query", str(error["msg"]))
    message = getattr(model, "messages", {}).get(field) or str(error["msg"])
    return ApiError(400, f"invalid_{field}", message.format(**_limits()))


def _limits() -> dict[str, int]:
    """The limits that come from config, for the messages that state them."""
    config = current_app.config
    return {"per_page_max": config["API_PAGE_SIZE_MAX"], "comment_max": config["FEEDBACK_COMMENT_MAX"]}


def is_entry_id(value: Any) -> bool:
    """Whether `value` can be an entry id at all (anything else is not found without a query)."""
    return isinstance(value, str) and len(value) <= ENTRY_ID_MAX_CHARS and bool(ID_RE.match(value))


def lookup_param(raw: str) -> tuple[str | None, int | None]:
    """`ERR_1100`, `err-1100` or `429` (also `HTTP 429`) → (code, None) or (None, status)."""
    text = raw.strip()
    code = canonical_error_code(text) if len(text) <= CODE_MAX_CHARS else None
    if code:
        return code, None
    status = _HTTP_STATUS.match(text)
    if status:
        return None, int(status.group(1))
    raise ApiError(400, "invalid_code",
                   "Look up an error code such as ERR_1100 (or err-1100) or an HTTP status such as 429.")


def response_format(requested: str | None) -> str:
    """`?format=markdown` or `Accept: text/markdown` asks for a ready-to-post message; JSON otherwise."""
    if requested is not None:
        if requested not in FORMATS:
            raise ApiError(400, "invalid_format", f"'format' must be one of {', '.join(FORMATS)}.")
        return requested
    accept = request.headers.get("Accept")
    if accept is None or accept in JSON_ACCEPTS:  # what clients send by default, read without the parser
        return "json"
    best = request.accept_mimetypes.best_match(["application/json", "text/markdown"])
    return "markdown" if best == "text/markdown" else "json"

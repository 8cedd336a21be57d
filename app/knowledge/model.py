"""The entry model: what a knowledge entry is, as one pydantic description.

Entry files are validated against it (each problem named by file and field, for curators),
the loader stores what it accepts, and the API's response models are built from its parts,
so the OpenAPI document states the same rules. Plain Python: no Flask, no database.
Validate a folder from the command line with `python -m app.knowledge.files knowledge/entries`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

Lang = Literal["en", "ko", "zh", "ru"]
Family = Literal["managed-online-endpoints", "batch-endpoints", "docker-aci-aks"]
Kind = Literal["error-code", "http-status", "symptom", "how-to"]
Tool = Literal["az", "docker", "kubectl", "python", "shell"]
Generation = Literal["cli-v2", "sdk-v2", "cli-v1-preview", "cli-v1", "sdk-v1", "general"]
"""Which Azure ML toolchain a command belongs to. `general` is a command of another tool (docker,
kubectl, az outside `az ml`, a line of the user's own code) that no Azure ML version change affects."""
CURRENT_GENERATIONS: tuple[str, ...] = ("cli-v2", "sdk-v2", "general")
OLDER_GENERATIONS: tuple[str, ...] = ("cli-v1-preview", "cli-v1", "sdk-v1")
LANGS: tuple[str, ...] = get_args(Lang)
FAMILIES: tuple[str, ...] = get_args(Family)
KINDS: tuple[str, ...] = get_args(Kind)
TOOLS: tuple[str, ...] = get_args(Tool)
GENERATIONS: tuple[str, ...] = get_args(Generation)

ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"
ID_RE = re.compile(ID_PATTERN)
ERROR_CODE_PATTERN = r"^ERR_\d{4}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
FENCE_RE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)
HTTP_STATUS_MIN, HTTP_STATUS_MAX = 100, 599


@dataclass(frozen=True)
class SchemaError:
    """One problem in one file, named precisely enough for a curator to fix it."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must be a non-empty string")
    return value


def _no_fence(value: str) -> str:
    if FENCE_RE.search(value):
        raise ValueError("contains a fenced code block: put commands in `commands`")
    return value


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Steps = Annotated[str, AfterValidator(_not_blank), AfterValidator(_no_fence),
                  Field(description="A Markdown ordered list; commands live in `commands`, never in fences.")]
Pattern = Annotated[str, AfterValidator(_not_blank), AfterValidator(_regex)]
ErrorCode = Annotated[str, Field(pattern=ERROR_CODE_PATTERN)]
HttpStatus = Annotated[int, Field(ge=HTTP_STATUS_MIN, le=HTTP_STATUS_MAX)]
EntryId = Annotated[str, Field(pattern=ID_PATTERN)]
IsoDate = Annotated[str, Field(pattern=DATE_PATTERN, description="YYYY-MM-DD")]


class _Strict(BaseModel):
    """No coercion and no unknown fields: a typo in a file is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class EntryText(_Strict):
    title: Text
    cause: Text
    steps: Steps
    history: Annotated[Text | None, Field(description=(
        "What the source article advised where today's documentation changed the remedy; kept for "
        "users still on the older path, shown folded under the current steps."))] = None


class Content(_Strict):
    """An entry's text per language; English is required, the others follow the sources."""

    en: EntryText
    ko: EntryText | None = None
    zh: EntryText | None = None
    ru: EntryText | None = None


class Aliases(_Strict):
    """Phrases people use for the situation, per language."""

    en: list[Text] | None = None
    ko: list[Text] | None = None
    zh: list[Text] | None = None
    ru: list[Text] | None = None


class Description(_Strict):
    en: Text
    ko: Text | None = None
    zh: Text | None = None
    ru: Text | None = None


class Command(_Strict):
    """A command users can copy: az, docker and kubectl commands start with their tool's name;
    `python` is a Python statement, `shell` any other terminal command (pip, curl)."""

    tool: Tool
    command: Text
    description: Description
    generation: Generation
    source: Annotated[int | None, Field(ge=0, description="Index in the entry's `sources` of where it comes from.")
                      ] = None

    @field_validator("command")
    @classmethod
    def _starts_with_tool(cls, command: str, info: ValidationInfo) -> str:
        tool = info.data.get("tool")
        if tool in ("az", "docker", "kubectl") and command.split()[0] != tool:
            raise ValueError(f"a {tool} command must start with '{tool}'")
        return command

    @property
    def is_current(self) -> bool:
        return self.generation in CURRENT_GENERATIONS


class Source(_Strict):
    """Where a fact comes from: one of the articles in knowledge/sources (`doc`), or a page of
    today's documentation (`url` with its `title`); the section anchor, language and date."""

    doc: Text | None = None
    url: Annotated[str | None, Field(pattern=r"^https://\S+$")] = None
    title: Text | None = None
    anchor: Text
    lang: Lang
    date: IsoDate
    note: Annotated[Description | None, Field(description=(
        "What a reader should know about the source itself, e.g. where the article is wrong."))] = None

    @model_validator(mode="after")
    def _names_a_document(self) -> Source:
        if (self.doc is None) == (self.url is None):
            raise ValueError("give either `doc` (a file in knowledge/sources) or `url` (with `title`)")
        if self.url is not None and self.title is None:
            raise ValueError("a `url` source needs the page's `title`")
        return self


class Entry(_Strict):
    """One troubleshooting situation, with its content in every language its sources have."""

    id: EntryId
    family: Family
    kind: Kind
    error_codes: list[ErrorCode] = []
    http_statuses: list[HttpStatus] = []
    signatures: list[Text] = []
    patterns: list[Pattern] = []
    content: Content
    aliases: Aliases
    commands: list[Command] = []
    sources: Annotated[list[Source], Field(min_length=1)]
    related: list[Text] = []

    @model_validator(mode="after")
    def _command_sources_exist(self) -> Entry:
        for command in self.commands:
            if command.source is not None and command.source >= len(self.sources):
                raise ValueError(f"command {command.command!r} cites sources[{command.source}], which does not exist")
        return self


FIELD_ORDER: tuple[str, ...] = tuple(Entry.model_fields)
_MESSAGES = {
    "missing": "missing required field",
    "string_type": "must be a non-empty string",
    "list_type": "must be a list",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "dict_type": "must be a mapping",
    "too_short": "must be a non-empty list",
    "int_type": "must be an integer",
}
_STRING_LISTS = frozenset({"signatures", "patterns", "related", *LANGS})
_LANGUAGE_MAPS = frozenset({"content", "aliases", "description"})


def validate_entry(data: Any, file: str = "<entry>") -> list[SchemaError]:
    """Every schema problem of one parsed entry file (empty list when valid)."""
    if not isinstance(data, dict):
        return [SchemaError(file, "(file)", "must be a mapping of fields")]
    try:
        Entry.model_validate(data)
    except ValidationError as exc:
        return [_problem(file, error) for error in exc.errors()]
    return []


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    """A valid entry with every field present, in the model's order: equal knowledge, equal bytes."""
    return Entry.model_validate(data).model_dump(exclude_none=True)


def _problem(file: str, error: ErrorDetails) -> SchemaError:
    loc = error["loc"] or ("(entry)",)
    if error["type"] == "missing" and loc[-2:] == ("description", "en"):
        return SchemaError(file, _field_name(loc[:-1]), "must map language codes to text, with en")
    return SchemaError(file, _field_name(loc), _message(error, loc))


def _field_name(loc: tuple[int | str, ...]) -> str:
    """`('commands', 0, 'tool')` → `commands[0].tool`, the way curators read a file."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _message(error: ErrorDetails, loc: tuple[int | str, ...]) -> str:
    """The message a curator needs; pydantic's own wording where it already says it."""
    kind, value = error["type"], error.get("input")
    parent = loc[-2] if len(loc) > 1 else None
    if kind == "missing" and loc == ("content", "en"):
        return "missing: every entry needs English content"
    if kind == "extra_forbidden" and parent in _LANGUAGE_MAPS:
        return f"unknown language code (use one of {', '.join(LANGS)})"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "literal_error":
        return f"must be one of {', '.join(str(v).strip(chr(39)) for v in _expected(error))}"
    if kind == "string_pattern_mismatch" and loc[0] == "error_codes":
        return f"{value!r} is not of the form ERR_NNNN"
    if kind == "string_pattern_mismatch" and loc[0] == "id":
        return "must be lowercase letters, digits, '_' or '-'"
    if kind == "string_pattern_mismatch" and loc[-1] == "url":
        return "must be an https:// address"
    if kind == "string_pattern_mismatch":
        return "must be a date written YYYY-MM-DD (quote it in YAML)"
    if loc[0] == "http_statuses" and len(loc) == 2:
        return f"{value!r} is not an HTTP status (integer {HTTP_STATUS_MIN}-{HTTP_STATUS_MAX})"
    if kind == "list_type" and loc[-1] in _STRING_LISTS:
        return "must be a list of strings"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return _MESSAGES.get(kind, str(error["msg"]))


def _expected(error: ErrorDetails) -> list[str]:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    return [part.strip() for part in re.split(r",| or ", expected) if part.strip()]

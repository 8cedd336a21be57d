"""The entry-file schema: what a knowledge file may hold, checked field by field.

Plain Python (no Flask, no database) so curators and tests can validate files alone:
`python -m app.knowledge.model knowledge/entries`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

LANGS = ("en", "ko", "zh", "ru")
FAMILIES = ("managed-online-endpoints", "batch-endpoints", "docker-aci-aks")
KINDS = ("error-code", "http-status", "symptom", "how-to")
TOOLS = ("az", "docker", "kubectl", "python")
TEXT_FIELDS = ("title", "cause", "steps")
REQUIRED = ("id", "family", "kind", "content", "aliases", "sources")
FIELD_ORDER = ("id", "family", "kind", "error_codes", "http_statuses", "signatures", "patterns",
               "content", "aliases", "commands", "sources", "related")
SOURCE_FIELDS = ("doc", "anchor", "lang", "date")
COMMAND_FIELDS = ("tool", "command", "description")

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
ERROR_CODE_RE = re.compile(r"^ERR_\d{4}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FENCE_RE = re.compile(r"^\s*(```|~~~)", re.MULTILINE)


@dataclass(frozen=True)
class SchemaError:
    """One problem in one file, named precisely enough for a curator to fix it."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.errors: list[SchemaError] = []

    def fail(self, field: str, message: str) -> None:
        self.errors.append(SchemaError(self.file, field, message))

    def nonempty_str(self, value: Any, field: str) -> bool:
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "must be a non-empty string")
            return False
        return True

    def str_list(self, value: Any, field: str) -> None:
        if not isinstance(value, list):
            self.fail(field, "must be a list of strings")
            return
        for i, item in enumerate(value):
            self.nonempty_str(item, f"{field}[{i}]")

    def known_keys(self, value: dict, allowed: tuple[str, ...], field: str) -> None:
        for key in value:
            if key not in allowed:
                where = f"{field}.{key}" if field else str(key)
                self.fail(where, f"unknown field (allowed: {', '.join(allowed)})")

    def lang_key(self, lang: Any, field: str) -> bool:
        if lang not in LANGS:
            self.fail(f"{field}.{lang}", f"unknown language code (use one of {', '.join(LANGS)})")
            return False
        return True


def validate_entry(data: Any, file: str = "<entry>") -> list[SchemaError]:
    """Return every schema problem of one parsed entry file (empty list when valid)."""
    check = _Checker(file)
    if not isinstance(data, dict):
        check.fail("(file)", "must be a mapping of fields")
        return check.errors
    check.known_keys(data, FIELD_ORDER, "")
    for field in REQUIRED:
        if field not in data:
            check.fail(field, "missing required field")
    if "id" in data and check.nonempty_str(data["id"], "id") and not ID_RE.match(data["id"]):
        check.fail("id", "must be lowercase letters, digits, '_' or '-'")
    if "family" in data and data["family"] not in FAMILIES:
        check.fail("family", f"must be one of {', '.join(FAMILIES)}")
    if "kind" in data and data["kind"] not in KINDS:
        check.fail("kind", f"must be one of {', '.join(KINDS)}")
    _check_codes(check, data)
    for field in ("signatures", "related"):
        if field in data:
            check.str_list(data[field], field)
    _check_patterns(check, data.get("patterns", []))
    if "content" in data:
        _check_content(check, data["content"])
    if "aliases" in data:
        _check_aliases(check, data["aliases"])
    _check_commands(check, data.get("commands", []))
    if "sources" in data:
        _check_sources(check, data["sources"])
    return check.errors


def _check_codes(check: _Checker, data: dict) -> None:
    codes = data.get("error_codes", [])
    if not isinstance(codes, list):
        check.fail("error_codes", "must be a list")
    else:
        for i, code in enumerate(codes):
            if not isinstance(code, str) or not ERROR_CODE_RE.match(code):
                check.fail(f"error_codes[{i}]", f"{code!r} is not of the form ERR_NNNN")
    statuses = data.get("http_statuses", [])
    if not isinstance(statuses, list):
        check.fail("http_statuses", "must be a list")
        return
    for i, status in enumerate(statuses):
        if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
            check.fail(f"http_statuses[{i}]", f"{status!r} is not an HTTP status (integer 100-599)")


def _check_patterns(check: _Checker, patterns: Any) -> None:
    check.str_list(patterns, "patterns")
    if not isinstance(patterns, list):
        return
    for i, pattern in enumerate(patterns):
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as exc:
                check.fail(f"patterns[{i}]", f"not a valid regular expression: {exc}")


def _check_content(check: _Checker, content: Any) -> None:
    if not isinstance(content, dict):
        check.fail("content", "must map language codes to {title, cause, steps}")
        return
    if "en" not in content:
        check.fail("content.en", "missing: every entry needs English content")
    for lang, text in content.items():
        if not check.lang_key(lang, "content"):
            continue
        field = f"content.{lang}"
        if not isinstance(text, dict):
            check.fail(field, "must be a mapping with title, cause and steps")
            continue
        check.known_keys(text, TEXT_FIELDS, field)
        for name in TEXT_FIELDS:
            if name not in text:
                check.fail(f"{field}.{name}", "missing required field")
            elif check.nonempty_str(text[name], f"{field}.{name}") and name == "steps" \
                    and FENCE_RE.search(text[name]):
                check.fail(f"{field}.steps", "contains a fenced code block: put commands in `commands`")


def _check_aliases(check: _Checker, aliases: Any) -> None:
    if not isinstance(aliases, dict):
        check.fail("aliases", "must map language codes to lists of phrases")
        return
    for lang, phrases in aliases.items():
        if check.lang_key(lang, "aliases"):
            check.str_list(phrases, f"aliases.{lang}")


def _check_commands(check: _Checker, commands: Any) -> None:
    if not isinstance(commands, list):
        check.fail("commands", "must be a list")
        return
    for i, item in enumerate(commands):
        field = f"commands[{i}]"
        if not isinstance(item, dict):
            check.fail(field, "must be a mapping with tool, command and description")
            continue
        check.known_keys(item, COMMAND_FIELDS, field)
        tool = item.get("tool")
        if tool not in TOOLS:
            check.fail(f"{field}.tool", f"must be one of {', '.join(TOOLS)}")
        command = item.get("command")
        if check.nonempty_str(command, f"{field}.command") and tool in TOOLS and tool != "python":
            if command.split()[0] != tool:
                check.fail(f"{field}.command", f"a {tool} command must start with '{tool}'")
        description = item.get("description")
        if not isinstance(description, dict) or "en" not in description:
            check.fail(f"{field}.description", "must map language codes to text, with en")
            continue
        for lang, text in description.items():
            if check.lang_key(lang, f"{field}.description"):
                check.nonempty_str(text, f"{field}.description.{lang}")


def _check_sources(check: _Checker, sources: Any) -> None:
    if not isinstance(sources, list) or not sources:
        check.fail("sources", "must be a non-empty list")
        return
    for i, item in enumerate(sources):
        field = f"sources[{i}]"
        if not isinstance(item, dict):
            check.fail(field, "must be a mapping with doc, anchor, lang and date")
            continue
        check.known_keys(item, SOURCE_FIELDS, field)
        for name in ("doc", "anchor"):
            check.nonempty_str(item.get(name), f"{field}.{name}")
        if item.get("lang") not in LANGS:
            check.fail(f"{field}.lang", f"must be one of {', '.join(LANGS)}")
        date = item.get("date")
        if not isinstance(date, str) or not DATE_RE.match(date):
            check.fail(f"{field}.date", "must be a date written YYYY-MM-DD (quote it in YAML)")

"""Extracting error codes and HTTP statuses from normalised text.

Codes are matched exactly once canonicalised (ERR_1100 never answers ERR_1101), but
the spellings people type are accepted: `ERR 1100`, `err-1100`, `err1100`, and the
letter O typed for a zero from a screenshot. A three-digit number counts as an HTTP
status only where its context says it is one: the words around it, in each language
(`status_before`, `status_after` of `app.matching.languages`).
"""
from __future__ import annotations

import re

from app.matching.languages import LANGUAGES, alternation

_ERR_CODE = re.compile(r"(?<![a-z0-9])err(?:or)?[ _\-:#]?((?=[0-9o]*[0-9])[0-9o]{4})(?![0-9a-z])")

HTTP_REASONS = {
    200: "ok", 201: "created", 202: "accepted", 204: "no content",
    301: "moved permanently", 302: "found", 304: "not modified",
    400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found",
    405: "method not allowed", 406: "not acceptable", 408: "request timeout", 409: "conflict",
    410: "gone", 411: "length required", 413: "payload too large|request entity too large",
    414: "uri too long", 415: "unsupported media type", 418: "i'm a teapot|i’m a teapot",
    422: "unprocessable entity", 424: "failed dependency", 429: "too many requests",
    500: "internal server error", 501: "not implemented", 502: "bad gateway",
    503: "service unavailable", 504: "gateway timeout|gateway time-out",
}
_STATUS = r"([1-5]\d\d)"
_BEFORE_WORDS = alternation(lang.status_before for lang in LANGUAGES)
_AFTER_WORDS = alternation(lang.status_after for lang in LANGUAGES)
_COUNT_WORDS = alternation(lang.count_words for lang in LANGUAGES)
_JOINERS = alternation(lang.status_joiners for lang in LANGUAGES)
_STATUS_BEFORE = re.compile(
    rf"(?<![a-z0-9_/])(?:{_BEFORE_WORDS})\s*[:=#]?\s*\(?{_STATUS}(?!\d|\.\d|[a-z]|-\d|[ \t]*(?:{_COUNT_WORDS}))")
"""A number after "got" or "收到" is a status unless a count's word follows: "got 500 rows" is no 500."""
_STATUS_AFTER = re.compile(rf"(?<![\w.\-/:]){_STATUS}\)?[ \t]*(?:{_AFTER_WORDS})(?![a-z])")
_STATUS_PAREN = re.compile(rf"(?<![a-z0-9_])\(\s*{_STATUS}\s*\)")
"""`error: (413)`, but not a call's argument: `conda.core.link:_execute(502)` in a build log is a line number."""
_STATUS_REPR = re.compile(rf"<response \[{_STATUS}\]>")
"""`<Response [502]>`: how Python's requests prints a response."""
_STATUS_JSON = re.compile(rf"[\"']?(?:status|statuscode|status_code|code|http_status)[\"']?\s*[:=]\s*[\"']?{_STATUS}\b")
_STATUS_REASON = re.compile(
    r"(?<![\w.\-/])([1-5]\d\d)(?:[ \t]+\(?|[ \t]*[\-:][ \t]*)(" + "|".join(
        re.escape(p).replace(r"\|", "|") for phrases in HTTP_REASONS.values() for p in phrases.split("|")) + r")(?![a-z0-9_])")
_STATUS_SERIES = re.compile(
    rf"(?<![\w.\-/]){_STATUS}((?:[ \t]*(?:[,/&]|(?<![a-z])(?:{_JOINERS})(?![a-z]))[ \t]*[1-5]\d\d(?!\d|\.\d|[ \t]*(?:{_COUNT_WORDS})))+)"
    rf"([ \t]*(?:{_AFTER_WORDS})(?![a-z]))?")
"""`HTTP 502 and 503`, `502/503 errors`, `502 或 503`: a status's context is that of every status listed with it."""
_SERIES_MEMBER = re.compile(r"[1-5]\d\d")
_STATUS_ALONE = re.compile(rf"^\s*(?:http\s*)?{_STATUS}\s*[?!.]*\s*$")
_STATUS_NAMES = {phrase.replace(" ", "").replace("-", ""): code
                 for code, phrases in HTTP_REASONS.items() for phrase in phrases.split("|")}
_STATUS_NAMED = re.compile(r"status ?code[\s:=]*[\"']([a-z]+)[\"']")
"""`Operation returned an invalid status code 'Forbidden'`: Azure SDKs name the status instead of numbering it."""


def canonical_error_code(text: str) -> str | None:
    """`err-12OO` → `ERR_1200`; None when the text is not an error code."""
    match = _ERR_CODE.fullmatch(text.strip().casefold())
    return f"ERR_{match.group(1).replace('o', '0')}" if match else None


def error_codes(text: str) -> list[str]:
    """Canonical ERR_NNNN codes in order of first appearance, without repeats."""
    found: dict[str, None] = {}
    for match in _ERR_CODE.finditer(text):
        found[f"ERR_{match.group(1).replace('o', '0')}"] = None
    return list(found)


def _reason_matches(text: str) -> list[int]:
    statuses = []
    for match in _STATUS_REASON.finditer(text):
        code, phrase = int(match.group(1)), match.group(2)
        if phrase in HTTP_REASONS.get(code, "").split("|"):
            statuses.append(code)
    return statuses


def http_statuses(text: str) -> list[int]:
    """HTTP statuses whose context marks them as statuses, in order, without repeats."""
    found: dict[int, None] = {}
    if alone := _STATUS_ALONE.match(text):
        found[int(alone.group(1))] = None
    for pattern in (_STATUS_BEFORE, _STATUS_AFTER, _STATUS_PAREN, _STATUS_REPR, _STATUS_JSON):
        for match in pattern.finditer(text):
            found[int(match.group(1))] = None
    for code in _reason_matches(text):
        found[code] = None
    for match in _STATUS_NAMED.finditer(text):
        if named := _STATUS_NAMES.get(match.group(1)):
            found[named] = None
    for match in _STATUS_SERIES.finditer(text):
        members = [int(match.group(1))] + [int(number) for number in _SERIES_MEMBER.findall(match.group(2))]
        if match.group(3) or any(member in found for member in members):
            found.update(dict.fromkeys(members))
    ordered = sorted(found, key=lambda code: _first_position(text, code))
    return [code for code in ordered if code in HTTP_REASONS or 400 <= code <= 599]


def _first_position(text: str, code: int) -> int:
    position = text.find(str(code))
    return position if position >= 0 else len(text)

"""What a gap group's paste becomes in the knowledge: an alias (people's words) or a signature
(a literal error string the matcher finds verbatim). Plain Python: no Flask, no database."""
from __future__ import annotations

import re

from app.matching.language import detect_language

ALIAS_MAX_CHARS = 200
"""Aliases are phrases; a long paste is cut to its first line and to this length."""
SIGNATURE_MAX_CHARS = 160
_ERROR_NAME = re.compile(
    r"\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+(?:Error|Exception|Failure|Failed|BackOff|NotFound|Denied|Timeout)\b"
    r"|\b[A-Za-z_.]+(?:Error|Exception):"
    r"|\([A-Z][A-Za-z]+\)"
    r"|\"code\"\s*:\s*\"[A-Za-z]+\""
    r"|\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b")
"""How error output looks: `ImagePullBackOff`, `ModuleNotFoundError:`, `(OutOfQuota)`, `"code": "ResourceNotReady"`."""


def is_literal_error(text: str) -> bool:
    """A single short line of English error output, not a sentence in someone's words."""
    line = text.strip()
    return ("\n" not in line and len(line) <= SIGNATURE_MAX_CHARS and detect_language(line) in ("en", None)
            and bool(_ERROR_NAME.search(line)))


def proposed_wording(paste: str) -> tuple[str, str, str]:
    """(kind, text, lang) a curator is offered for a paste: a signature for a literal error
    string, else an alias cut to its first informative line; the language from its script."""
    lines = [line.strip() for line in paste.strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if is_literal_error(first) and len(lines) == 1:
        return "signature", first, "en"
    text = first[:ALIAS_MAX_CHARS].strip()
    return "alias", text, detect_language(text) or "en"

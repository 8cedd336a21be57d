"""Removing secrets from pasted text before anything is stored.

Pasted logs carry bearer tokens, keys, SAS signatures, connection strings and
passwords; each is replaced by a marker naming what was removed.
"""
from __future__ import annotations

import re

_RULES: list[tuple[str, re.Pattern]] = [
    ("private-key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S)),
    ("connection-string", re.compile(
        r"(?:DefaultEndpointsProtocol|AccountName|AccountKey|SharedAccessKey(?:Name)?|Endpoint=sb)"
        r"=[^\s\"']+(?:;[^\s\"';]+=[^\s\"';]*)*", re.I)),
    ("url-credentials", re.compile(r"(?<=://)[^\s/:@\"']+:[^\s/@\"']+(?=@)")),
    ("sas-signature", re.compile(r"(?<=[?&])sig=[^&\s\"']+", re.I)),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    ("bearer-token", re.compile(r"(?<=\bbearer )[A-Za-z0-9._~+/=-]{8,}", re.I)),
    ("secret-assignment", re.compile(
        r"(?P<keep>[\"']?(?:password|passwd|pwd|secret|client_secret|api[_-]?key|apikey|access[_-]?key|"
        r"primary[_-]?key|secondary[_-]?key|token|access_token|account[_-]?key)[\"']?\s{0,3}[:=]\s{0,3})"
        r"[\"']?[^\s\"',;}]{4,}[\"']?", re.I)),
    ("key-header", re.compile(
        r"(?P<keep>\b(?:ocp-apim-subscription-key|x-api-key|api-key|x-functions-key):\s*)\S+", re.I)),
    ("azure-key", re.compile(r"\b[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])|\b[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")),
    ("github-token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b")),
    ("aws-key", re.compile(r"\bAKIA[0-9A-Z]{16}\b")),
]


def _replacer(kind: str):
    def replace(match: re.Match) -> str:
        keep = match.groupdict().get("keep") or ""
        return f"{keep}[REDACTED:{kind}]"
    return replace


def redact(text: str) -> str:
    """The text with every recognised secret replaced by `[REDACTED:<kind>]`."""
    for kind, pattern in _RULES:
        text = pattern.sub(_replacer(kind), text)
    return text

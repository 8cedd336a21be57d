"""The query log's own fingerprint of a paste: the same problem pasted twice groups together.

Kept apart from the matcher's normaliser on purpose: tuning the matcher must not regroup
the log's history. Change these rules only with a new FINGERPRINT_VERSION.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

FINGERPRINT_VERSION = "1"
_VARYING = re.compile(
    r"(?=[\da-f])(?:"  # every kind starts with a digit or a hex letter: other places are passed over at once
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"      # GUIDs
    r"|\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?\b"  # dates
    r"|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b"                                   # times
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"                                   # IP addresses
    r"|(?<![0-9a-z])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}(?![0-9a-z])"  # hex ids
    r"|(?<![\w.])\d{5,}(?![\w.]))")                                             # long numbers
_URL_PATH = re.compile(r"\b((?:https?|wss?)://[^\s/\"'<>)]*)[^\s\"'<>)]*")


def canonical_paste(text: str) -> str:
    """Case, width, whitespace, ids, timestamps, long numbers and URL paths folded away."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if "://" in text:
        text = _URL_PATH.sub(r"\1", text)
    text = _VARYING.sub("#", text)
    return " ".join(text.split())  # runs of whitespace (what `\s` matches) as one space, none at the ends


def fingerprint(redacted: str) -> str:
    """A stable hash of the canonical paste (taken from the redacted text, so it confirms no guess)."""
    return hashlib.sha256(canonical_paste(redacted).encode("utf-8")).hexdigest()

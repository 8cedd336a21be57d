"""What counts as a readable paste: the one rule the API and the chat both apply to text a client sends."""
from __future__ import annotations

import unicodedata

BINARY_CONTROL_SHARE = 0.3
"""Above this share of control characters a text is a file's bytes, not a paste; colour codes stay below it."""


def is_clean_text(value: str) -> bool:
    """No NUL bytes and no lone surrogates: neither can be stored, and neither comes from a paste."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def has_readable_character(value: str) -> bool:
    """At least one visible character (not whitespace, control, format or zero-width)."""
    return any(ch.isprintable() and not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in value)


def looks_binary(value: str) -> bool:
    """Mostly control characters, or nothing readable: a file's bytes, not a paste of text."""
    controls = sum(1 for ch in value if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
    return not has_readable_character(value) or controls > len(value) * BINARY_CONTROL_SHARE


def is_readable_paste(value: str) -> bool:
    """The rule for a query or a chat message: clean, and text rather than binary data."""
    return is_clean_text(value) and not looks_binary(value)

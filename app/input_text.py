"""What counts as a readable paste: the one rule the API and the chat both apply to text a client
sends, written once as a regular expression so the OpenAPI document states exactly what is checked."""
from __future__ import annotations

import re

_NOT_IN_A_PASTE = r"\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f"
"""Control characters (tab, newlines and the escape of terminal colours excepted): a file's bytes,
not text someone pasted. Lone surrogates are refused too (`is_clean_text`): valid UTF-8 cannot
carry them, so the documented pattern need not name them."""
_INVISIBLE = r"\s\x1b\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff"
PASTE_PATTERN = rf"^[^{_NOT_IN_A_PASTE}]*[^{_NOT_IN_A_PASTE}{_INVISIBLE}][^{_NOT_IN_A_PASTE}]*$"
"""No such character anywhere, and at least one visible one (not space, not zero-width)."""
_PASTE = re.compile(PASTE_PATTERN, re.DOTALL)
_CLEAN = re.compile(r"^[^\x00\ud800-\udfff]*$", re.DOTALL)


def is_clean_text(value: str) -> bool:
    """No NUL bytes and no lone surrogates: neither can be stored, and neither comes from a paste."""
    return bool(_CLEAN.match(value))


def is_readable_paste(value: str) -> bool:
    """The rule for a query or a chat message (PASTE_PATTERN, and no lone surrogates)."""
    return is_clean_text(value) and bool(_PASTE.match(value))

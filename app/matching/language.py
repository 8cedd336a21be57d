"""Which of the four languages a paste is written in, from the Unicode scripts it uses.

Pastes mix a question in the user's language with English error output, so any
real run of Hangul, Han or Cyrillic wins over Latin letters.
"""
from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_WORD = re.compile(r"[a-zA-Z]{2,}")
_CODE_ONLY = re.compile(r"^(?:\s|err(?:or)?[ _\-]?[0-9oO]{4}|http(?:/\d(?:\.\d)?)?|[0-9]{3}|[^\w])*$", re.IGNORECASE)


def detect_language(text: str) -> str | None:
    """'ko', 'zh', 'ru' or 'en'; None when the text is only a code or a number."""
    hangul = len(_HANGUL.findall(text))
    han = len(_HAN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    if hangul >= 2 or (hangul and hangul >= han):
        return "ko"
    if han >= 2 or (han and not cyrillic):
        return "zh"
    if cyrillic >= 2:
        return "ru"
    if _CODE_ONLY.match(text) or not _LATIN_WORD.search(text):
        return None
    return "en"

"""Which language a paste is written in, from the Unicode scripts it uses.

Pastes mix a question in the user's language with English error output, so any real run
of another script (each language's `letters` and `detect` in `app.matching.languages`)
wins over Latin letters.
"""
from __future__ import annotations

import re

from app.matching.languages import DETECTION_ORDER

_LETTERS = {lang.code: re.compile(lang.letters) for lang in DETECTION_ORDER if lang.letters}


def detect_language(text: str) -> str | None:
    """'ko', 'zh', 'ru' or 'en'; None when the text is only a code or a number."""
    counts = {code: len(letters.findall(text)) for code, letters in _LETTERS.items()}
    return next((lang.code for lang in DETECTION_ORDER if lang.detect(text, counts)), None)

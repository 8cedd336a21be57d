"""Turning normalised text into comparable features, for every language of the registry.

A paste is cut into tokens by script (Latin, Cyrillic, Hangul, Han: each owned by one
language module in `app.matching.languages`); each token's features come from its
language: stems for words written with spaces, character grams for Korean and Chinese.
Features are prefixed by script (`w:deploy`, `k:배포`), so languages never collide.
"""
from __future__ import annotations

import re

from app.matching.languages import BY_SCRIPT, LANGUAGES

_TOKEN = re.compile("|".join(f"(?P<{lang.script}>{lang.token})" for lang in LANGUAGES))
_TOKEN_TEXT = re.compile("|".join(f"(?:{lang.token})" for lang in LANGUAGES))


def token_texts(text: str) -> list[str]:
    """The tokens of `tokens`, without their script: found in one C call, for the index build."""
    return _TOKEN_TEXT.findall(text)


def tokens(text: str) -> list[tuple[str, str]]:
    """(script, token) pairs in order; the text is expected to be normalised already."""
    out = []
    for match in _TOKEN.finditer(text):
        out.append((match.lastgroup or "", match.group(0)))
    return out


def word_features(script: str, token: str) -> list[str]:
    """Features of one token; stop words give none."""
    lang = BY_SCRIPT.get(script)
    return lang.word_features(token) if lang else []


def features(text: str) -> list[str]:
    """All features of a normalised text, in order, with repeats."""
    out: list[str] = []
    for script, token in tokens(text):
        out.extend(word_features(script, token))
    return out

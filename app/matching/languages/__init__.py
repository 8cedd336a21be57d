"""The languages the matcher reads, one module each, and the registry that joins them.

Like whoosh's per-language analyzers (`whoosh.lang`): each module (`en`, `ko`, `zh`, `ru`)
describes one language and its script as a `Language` (base.py); the matcher's tokenizer,
language detection, HTTP-status extraction and context cues are built from `LANGUAGES`.
A new language is a new module here plus one line in `LANGUAGES` (and its entry texts and
strings elsewhere: `app.knowledge.model.Lang`, `app.i18n`). Its words for Azure ML's neighbouring
topics and for the deployment stage are fields of its `Language` too (`neighbour_cues`,
`deployment_cues`), read by `app.matching.neighbours`.

The scripts of different languages are disjoint, so the order of `LANGUAGES` never changes
what an alternation joined from them matches; detection asks the fallback language last.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from app.matching.languages import en, ko, ru, zh
from app.matching.languages.base import UNIGRAM, Language

__all__ = ["BY_SCRIPT", "DETECTION_ORDER", "LANGUAGES", "SPACED_SCRIPTS", "UNIGRAM", "Language", "alternation",
           "clear_word_caches", "cue"]

LANGUAGES: tuple[Language, ...] = (en.LANGUAGE, ko.LANGUAGE, zh.LANGUAGE, ru.LANGUAGE)
BY_SCRIPT = {lang.script: lang for lang in LANGUAGES}
SPACED_SCRIPTS = frozenset(lang.script for lang in LANGUAGES if lang.spaced)
"""Scripts written with spaces between words: their known words are learnt and typos corrected."""
DETECTION_ORDER: tuple[Language, ...] = tuple(sorted(LANGUAGES, key=lambda lang: lang.fallback))

if len(BY_SCRIPT) != len(LANGUAGES) or len({lang.prefix for lang in LANGUAGES}) != len(LANGUAGES):
    raise ValueError("each language needs its own script and feature prefix")


def alternation(parts: Iterable[str]) -> str:
    """`a|b|c` of the non-empty parts."""
    return "|".join(part for part in parts if part)


def cue(name: str, *extra: str, flags: int = 0) -> re.Pattern[str]:
    """One pattern of every language's cue field `name` (see `Language`), plus language-neutral `extra`."""
    return re.compile(alternation([*(getattr(lang, name) for lang in LANGUAGES), *extra]), flags)


def clear_word_caches() -> None:
    """Empty every language's cache of words. Building the index at 100x knowledge stems a million words no
    query may say again, and the caches' last 65,536 of each, scattered among the build's freed objects, kept
    the interpreter from giving back about 90 MB of its heap."""
    for lang in LANGUAGES:
        lang.clear_cache()

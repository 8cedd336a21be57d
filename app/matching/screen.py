"""A cheap first look before a long alternation of cues reads a paste.

The lexicon's patterns join dozens of words and phrases of every language (`azure functions?|cosmos|\\bnpm\\b|...`).
Most alternatives start with a word boundary or a class, so the regex engine cannot skip ahead: it tries every
alternative at every position, a few hundred microseconds on a 400-character log and more on a long one, a dozen
patterns a paste. Yet every match of an alternative contains some literal run of it (`cosmos`, `npm`, `time`
of `timed? ?out`), and a paste that contains none of them cannot match at all. `Screened` looks for those runs
first, in one scan of a pattern made only of literals (the engine skips along it quickly), and runs the pattern
only when one is there. The answer is the pattern's own, always: the screen only says when it is surely no match.

A pattern that never ignores case is screened in every text, its literals found as written. One that ignores
case is screened in ASCII texts only (most pastes): there a literal matches, in any case, exactly where its lower
case is in the text's lower case. In other scripts case has more forms (Cyrillic's `в` also matches `ᲀ` when case
is ignored), and the pattern reads the text itself.

The literals are read from the pattern as `re.compile` reads it, with `re`'s own parser (which typeshed does
not describe).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
"""Items that consume nothing: the characters on either side of them are neighbours in the match."""
MIN_ANCHOR = 2
"""A screen whose shortest literal is a single character would pass nearly every text: not worth a scan."""


def _has_cased_ascii_twin(char: str) -> bool:
    """A non-ASCII character that matches an ASCII one when case is ignored (`ſ` and `s`, the Kelvin sign and `k`)."""
    return not char.isascii() and any(c.isascii() for c in char.lower() + char.upper() + char.casefold())


def _cover(items: Any) -> list[str] | None:
    """Literals one of which every match of the parsed sequence `items` contains, or None when some match may
    contain none. Of the candidates (each run of literals, and the cover of each alternation or group the sequence
    must go through), the one whose shortest literal is longest."""
    candidates: list[list[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(["".join(run)])
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
        elif op in _ZERO_WIDTH:
            continue
        elif op is sre.SUBPATTERN and len(av[3].data) == 1 and av[3].data[0][0] is sre.LITERAL:
            run.append(chr(av[3].data[0][1]))
        else:
            close_run()
            inner = _required(op, av)
            if inner is not None:
                candidates.append(inner)
    close_run()
    if not candidates:
        return None
    return max(candidates, key=lambda cover: (min(map(len, cover)), -len(cover)))


def _required(op: Any, av: Any) -> list[str] | None:
    """The cover of an item that is not a literal: an alternation's (each branch's cover), a group's, a repeat's
    that must match once at least; None for anything else."""
    if op is sre.BRANCH:
        covers = [_cover(branch.data) for branch in av[1]]
        if any(cover is None for cover in covers):
            return None
        return [literal for cover in covers if cover is not None for literal in cover]
    if op is sre.SUBPATTERN:
        return _cover(av[3].data)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _cover(av[2].data)
    return None


def _flags_set(items: Any) -> int:
    """The flags the groups of a parsed sequence set for their part (`(?i:...)`), at any depth."""
    flags = 0
    for op, av in items:
        if op is sre.SUBPATTERN:
            flags |= av[1]
        for part in av if isinstance(av, (tuple, list)) else ():
            for inner in part if isinstance(part, list) else (part,):
                if isinstance(inner, sre_parse.SubPattern):
                    flags |= _flags_set(inner.data)
    return flags


def literals(pattern: re.Pattern[str]) -> tuple[list[str], bool] | None:
    """Literals one of which every match contains, and whether they are exact: as written, for a pattern that
    never ignores case, found in any text; else in lower case, found in the lower case of an ASCII text (the
    others, which no ASCII text contains, left out). None when no such list is known, or its shortest literal
    is shorter than MIN_ANCHOR."""
    if pattern.flags & re.LOCALE:
        return None
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    cover = _cover(parsed.data)
    if cover is None or min(map(len, cover)) < MIN_ANCHOR:
        return None
    exact = not (pattern.flags | _flags_set(parsed.data)) & re.IGNORECASE
    if not exact and any(_has_cased_ascii_twin(char) for literal in cover for char in literal):
        return None
    found = set(cover) if exact else {literal.lower() for literal in cover if literal.isascii()}
    # one that contains another is found whenever it is: the shorter one says the same
    return sorted(literal for literal in found if not any(other != literal and other in literal for other in found)), \
        exact


class Screened:
    """A pattern's `search`, with a screen of its literals (`literals`) looked for first."""

    __slots__ = ("_exact", "_screen", "pattern")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        found = literals(pattern)
        # no literal of ASCII letters: no ASCII text can match (an empty pattern would match any)
        self._screen = None if found is None else re.compile("|".join(map(re.escape, found[0])) or r"(?!)")
        self._exact = found is not None and found[1]

    def search(self, text: str) -> re.Match[str] | None:
        """`pattern.search(text)`."""
        if self._screen is not None:
            if self._exact:
                if self._screen.search(text) is None:
                    return None
            elif text.isascii() and self._screen.search(text.lower()) is None:
                return None
        return self.pattern.search(text)


def screened(patterns: Mapping[str, re.Pattern[str]]) -> dict[str, Screened]:
    """Each pattern of a table, screened."""
    return {name: Screened(pattern) for name, pattern in patterns.items()}

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


def literals(pattern: re.Pattern[str], shortest: int = MIN_ANCHOR) -> tuple[list[str], bool] | None:
    """Literals one of which every match contains, and whether they are exact: as written, for a pattern that
    never ignores case, found in any text; else in lower case, found in the lower case of an ASCII text (the
    others, which no ASCII text contains, left out). None when no such list is known, or its shortest literal
    is shorter than `shortest`."""
    if pattern.flags & re.LOCALE:
        return None
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    cover = _cover(parsed.data)
    if cover is None or min(map(len, cover)) < shortest:
        return None
    exact = not (pattern.flags | _flags_set(parsed.data)) & re.IGNORECASE
    if not exact and any(_has_cased_ascii_twin(char) for literal in cover for char in literal):
        return None
    found = set(cover) if exact else {literal.lower() for literal in cover if literal.isascii()}
    # one that contains another is found whenever it is: the shorter one says the same
    return sorted(literal for literal in found if not any(other != literal and other in literal for other in found)), \
        exact


_LINE_FLAGS = re.UNICODE | re.VERBOSE
"""Flags that keep `.` and the anchors off line breaks and leave literals as written: with any other, a pattern is
not read line by line (`in_line`)."""
_NEWLINE_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_LINEBREAK}
"""The classes (`\\s`, `\\W`, `\\D`) that hold a line break; the other categories do not."""
_LINE_BOUNDARIES = (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY)
"""Anchors that judge a line break as they judge the text's ends: neither is a word character."""


def _class_takes_newline(items: Any) -> bool | None:
    """Whether a character class holds a line break; None when it has an item not read here."""
    holds = False
    for op, av in items:
        if op is sre.LITERAL:
            holds |= av == ord("\n")
        elif op is sre.RANGE:
            holds |= av[0] <= ord("\n") <= av[1]
        elif op is sre.CATEGORY:
            holds |= av in _NEWLINE_CATEGORIES
        elif op is not sre.NEGATE:
            return None
    return holds != any(op is sre.NEGATE for op, _ in items)


def _lines_alike(items: Any) -> bool:
    """Whether a parsed sequence matches from a place in a line the same in the line alone as in the whole text:
    none of its items takes a line break, and its anchors and look-arounds read a line break as the text's end
    (a look-around's own pattern is held to the same)."""
    for op, av in items:
        if op is sre.LITERAL:
            alike = av != ord("\n")
        elif op is sre.NOT_LITERAL:
            alike = av == ord("\n")
        elif op is sre.IN:
            alike = _class_takes_newline(av) is False
        elif op is sre.ANY:
            alike = True  # no DOTALL (`in_line`)
        elif op is sre.AT:
            alike = av in _LINE_BOUNDARIES
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.SUBPATTERN):
            alike = _lines_alike(av[-1].data)
        elif op is sre.BRANCH:
            alike = all(_lines_alike(branch.data) for branch in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            alike = _lines_alike(av[2].data)
        else:
            alike = False
        if not alike:
            return False
    return True


def in_line(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern finds in a text's lines, each searched alone (`search(text, start, end)` over a whole
    line), what it finds in the whole text: no match takes a line break, and its anchors and look-arounds read a
    line's ends as the text's ends. So a text can be searched a few lines at a time, or only in the lines that hold
    one of its `literals`."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    return not (pattern.flags | _flags_set(parsed.data)) & ~_LINE_FLAGS and _lines_alike(parsed.data)


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

"""The search structures built once from the entries: code and status maps, a signature
index, an inverted index of text features with IDF weights, and a typo vocabulary.

Everything a query needs is looked up here, so matching scores a few candidates
instead of every phrase of every entry.

The text index is compact, so that a knowledge base a hundred times ours fits a worker: it holds
no feature strings (at 100x there are 830,000, mostly Korean and Chinese character pairs), only
flat integer and float arrays indexed by feature id, and a table from each feature's packed bytes
to its id. Saved in a cache folder, the arrays are mapped by later processes: workers share their
pages, and a restart reads the index in a fraction of a second instead of building it again.

The build works on chunks of entries with C loops and numpy: each chunk's texts are normalised and
tokenised together, each distinct token gets its features once, and phrases, postings and
vocabulary come from arrays of token numbers (at 100x, 600,000 texts and 8 million tokens).
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, count
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from app.matching.features import token_texts, tokens, word_features
from app.matching.languages import LANGUAGES, SPACED_SCRIPTS, UNIGRAM, clear_word_caches
from app.matching.lexicon import SUBJECTS
from app.matching.neighbours import topic_cues
from app.matching.normalize import fold, normalize
from app.matching.screen import in_line, literals

_log = logging.getLogger(__name__)

UNIGRAM_FACTOR = 0.35
# Features shared by more entries than this are too common to find candidates with.
COMMON_CUTOFF_MAX = 300
CASES_MAX = 12
"""An error more titles than this name (six for OutOfQuota in the shipped knowledge) is a common word of the
knowledge, not an error split into cases: it gets none, which also bounds what a hit on it costs a match."""
_LITERAL_RUN = re.compile(r"[a-z0-9_]{4,}|[а-яё]{4,}")
PHRASE_KINDS = ("title", "alias", "signature")
BODY = -1
"""The kind of an entry's prose (causes, steps, command descriptions) while it is indexed."""
NO_FEATURE = -1
"""The id of a feature the knowledge never uses: it has no postings."""

CHUNK_ENTRIES = 20
"""Entries whose texts are tokenised together: enough (1,500 texts) for C loops to dominate, few
enough that the chunk's token strings and arrays stay small (the heap keeps a build's peak)."""
_BREAK = "\x00"
"""Ends each text of a chunk: normalisation replaces control characters, so no text has it."""
_TOKEN_OR_BREAK = re.compile("|".join([f"(?:{lang.token})" for lang in LANGUAGES] + [_BREAK]))
PLAIN_CHARACTERS = "A-Za-z\u0410-\u044f\u0401\u0451\uac00-\ud7a3\u4e00-\u9fff \t.,;:!?()'\""
"""Characters that folding only lower-cases (Latin and Cyrillic letters, Hangul syllables, CJK
ideographs, spaces and punctuation), none of which a pattern of `normalize` needs: those match
digits, `id`, hyphens, slashes and `://` (see app.matching.normalize)."""
_NOT_PLAIN = re.compile(f"[^{PLAIN_CHARACTERS}]|[iI][dD]")
_PLAIN_BREAK = "\ue000"
"""A line between plain texts normalised together: a private-use character, not a plain one."""
_LINE_BREAK = f"\n{_PLAIN_BREAK}\n"
PAIR_SHIFT = 32
"""Pairs (text or entry, feature id) are sorted as one int64: the first number shifted by this."""
PACKED_BYTES = 8
"""A feature of up to this many bytes of UTF-8 (`k:배포`, `h1:配`, `w:deploy`) is found by its bytes
packed into an integer; longer ones (most stems) are kept as strings."""
_MIX = 0x9E3779B97F4A7C15
"""Spreads packed features over buckets (Fibonacci hashing): their first bytes are all alike."""
_MASK64 = (1 << 64) - 1

INDEX_FORMAT = "compact-7"
"""Part of the cache key: an index saved in another layout is never read."""
_ARRAY_NAMES = ("phrase_entry", "phrase_kind", "phrase_lang", "phrase_ordinal", "phrase_starts", "phrase_features_low",
                "phrase_features_high", "phrase_weight", "document_frequency", "phrase_postings_starts",
                "phrase_postings_low", "phrase_postings_high",
                "entry_postings_starts", "entry_postings", "body_postings_starts", "body_postings",
                "feature_keys", "feature_key_ids", "feature_bucket_starts", "status_phrases",
                "spelled_name_keys", "known_word_keys", "long_feature_keys", "long_feature_ids")
KEPT_INDEXES = 3
"""Saved indexes kept in the cache folder: the current knowledge and the versions just before it."""
_HERE = Path(__file__).parent
_PIPELINE_SOURCES = (_HERE / "index.py", _HERE / "normalize.py", _HERE / "features.py", _HERE / "neighbours.py",
                     *sorted((_HERE / "languages").glob("*.py")))

Ints = npt.NDArray[Any]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A title, alias or signature of one entry, as its distinct feature ids (a view: the index
    keeps phrases as arrays)."""

    entry: int
    kind: str
    lang: str
    text: str
    features: Sequence[int]


@dataclass(frozen=True, slots=True)
class Signature:
    entry: int
    text: str
    original: str


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: int
    regex: re.Pattern[str]
    original: str


def _without_negative_lookarounds(pattern: str) -> str:
    """The pattern with each negative lookahead or lookbehind (`(?!...)`, `(?<!...)`) left out, nested groups
    and all: the words in one are what a match must NOT contain."""
    kept: list[str] = []
    depth = 0  # inside a negative lookaround: how many of its groups are open
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if depth == 0 and pattern.startswith(("(?!", "(?<!"), i):
            depth = 1
            i += 3 if pattern[i + 2] == "!" else 4
            continue
        if char == "\\":
            if depth == 0:
                kept.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[":  # a character class: its brackets and parentheses are no groups
            end = i + 1 + (pattern[i + 1:i + 2] == "]")
            while end < len(pattern) and pattern[end] != "]":
                end += 1 + (pattern[end] == "\\")
            if depth == 0:
                kept.append(pattern[i:end + 1])
            i = end + 1
            continue
        if depth:
            depth += (char == "(") - (char == ")")
        else:
            kept.append(char)
        i += 1
    return "".join(kept)


def _pattern_anchors(pattern: str) -> tuple[str, ...]:
    """A literal word every match must contain, so a pattern runs only when it is present.

    Words inside alternations, optional parts or negative lookarounds are not required, so they are
    dropped first; a pattern with a top-level alternation has no such word and always runs.
    """
    depth = 0
    for char in pattern:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            return ()
    cleaned = re.sub(r"\\.", " ", _without_negative_lookarounds(pattern).casefold())
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = re.sub(r"\([^()]*\|[^()]*\)|\([^()]*\)[?*]|\[[^\]]*\]", " ", cleaned)
    cleaned = re.sub(r".[?*]|\{[^}]*\}", " ", cleaned)
    words = _LITERAL_RUN.findall(cleaned)
    return (max(words, key=len),) if words else ()


class Postings:
    """For each feature id, the ascending numbers (of phrases or entries) that use it: one flat
    array and its offsets instead of a list per feature (a tenth of the memory)."""

    __slots__ = ("numbers", "starts")

    def __init__(self, starts: Ints, numbers: Ints):
        self.starts = starts.data
        self.numbers = numbers.data

    @staticmethod
    def arrays(features: Ints, numbers: Ints, size: int, most: int) -> tuple[Ints, Ints]:
        """Offsets and numbers (none above `most`), from (feature, number) pairs listed by ascending number,
        each in the narrowest type that holds it (`_narrowest`). The pairs are sorted as one int64 each (at
        100x, twice as fast as a stable sort of the features alone)."""
        starts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(features, minlength=size), out=starts[1:])
        pairs = (features.astype(np.int64) << PAIR_SHIFT) | numbers
        pairs.sort()
        return _offsets(starts), (pairs & ((1 << PAIR_SHIFT) - 1)).astype(_narrowest(most))

    def get(self, feature: int) -> Sequence[int]:
        """The numbers using the feature, ascending; none for NO_FEATURE."""
        if feature < 0:
            return ()
        return self.numbers[self.starts[feature]:self.starts[feature + 1]]


class PackedPostings:
    """Postings (`Postings.get`) whose numbers are `Packed` (phrase numbers: at 100x knowledge, 1.1 million)."""

    __slots__ = ("numbers", "starts")

    def __init__(self, starts: Ints, numbers: Packed):
        self.starts = starts.data
        self.numbers = numbers

    def get(self, feature: int) -> Sequence[int]:
        """The numbers using the feature, ascending; none for NO_FEATURE."""
        if feature < 0:
            return ()
        numbers: list[int] = self.numbers[self.starts[feature]:self.starts[feature + 1]].tolist()
        return numbers


class Packed:
    """Numbers of up to 24 bits in three bytes each: their low 16 bits in one array, the rest in another (a byte
    each while the numbers stay under 2**24). At 100x knowledge, feature ids (830,000) and phrase numbers (1.1
    million) need more than 16 bits: the phrases' features and the phrase postings, 7.4 million numbers each, take
    a quarter less than as 32-bit integers, and every worker maps them. Read by slice or by an array of positions,
    as int32 (int64 for numbers of more than 31 bits)."""

    __slots__ = ("high", "low", "wide")

    def __init__(self, low: Ints, high: Ints):
        self.low, self.high = np.asarray(low), np.asarray(high)
        self.wide = np.int32 if self.high.dtype.itemsize < 2 else np.int64

    @staticmethod
    def arrays(numbers: Ints) -> tuple[Ints, Ints]:
        """The low and high parts of numbers (none negative), the high part in the narrowest type holding it."""
        numbers = numbers.astype(np.int64, copy=False)
        most = int(numbers.max(initial=0)) >> 16
        return (numbers & 0xFFFF).astype(np.uint16), (numbers >> 16).astype(_narrowest(most, HIGH_TYPES))

    def __len__(self) -> int:
        return len(self.low)

    def __getitem__(self, at: Any) -> Ints:
        numbers: Ints = self.low[at].astype(self.wide) | (self.high[at].astype(self.wide) << 16)
        return numbers


def _normalized(texts: list[str]) -> list[str]:
    """`normalize` of each text. Most titles and aliases are plain (one line of letters, spaces and
    punctuation: nothing `normalize` replaces), and normalising a line depends on that line alone:
    the plain ones are normalised together, one per line, in a few C calls; the others one by one."""
    plain = [_NOT_PLAIN.search(text) is None for text in texts]
    simple = [text for text, is_plain in zip(texts, plain) if is_plain]
    done = iter([text.strip("\n") for text in normalize(_LINE_BREAK.join(simple)).split(_PLAIN_BREAK)]
                if simple else [])
    return [next(done) if is_plain else normalize(text) for text, is_plain in zip(texts, plain)]


def _entry_texts(entry: dict[str, Any]) -> Iterable[tuple[int, str, int, str]]:
    """(kind, language, ordinal, text) of the entry's titles, aliases and signatures, then its prose."""
    for lang, text in entry["content"].items():
        yield 0, lang, 0, text["title"]
    for lang, aliases in entry.get("aliases", {}).items():
        for ordinal, alias in enumerate(aliases):
            yield 1, lang, ordinal, alias
    for ordinal, signature in enumerate(entry.get("signatures", [])):
        yield 2, "en", ordinal, signature
    yield BODY, "", 0, " ".join([text["cause"] + " " + text["steps"] for text in entry["content"].values()]
                                + [d for command in entry.get("commands", []) for d in command["description"].values()])


def _discard(numbers_by_text: dict[str, dict[int, None]], text: str, number: int) -> None:
    """Leave out one number of a text's, and the text when none is left."""
    numbers = numbers_by_text[text]
    del numbers[number]
    if not numbers:
        del numbers_by_text[text]


def _distinct(values: Ints) -> Ints:
    """The distinct values, ascending (`np.unique` without its hash table, slower on these)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


HIGH_TYPES = (np.uint8, np.uint16, np.uint32)
"""Types of the high part of `Packed` numbers."""
NUMBER_TYPES = (np.uint16, np.int32, np.int64)
"""Types the saved arrays of entry and phrase numbers take, the narrowest that holds them: every worker maps
them, and at 100x knowledge entry numbers fit 16 bits (with offsets in 32, a fifth of the index's pages less)."""
OFFSET_TYPES = (np.int32, np.int64)
"""Types of the saved offsets: signed, as the matcher subtracts them (unsigned would wrap, and mixed with int64
become floats)."""


def _narrowest(most: int, types: tuple[type, ...] = NUMBER_TYPES) -> type:
    """The narrowest of `types` holding the numbers 0 to `most`."""
    return next(dtype for dtype in types if most <= np.iinfo(dtype).max)


def _offsets(starts: Ints) -> Ints:
    """Ascending offsets (the last is the largest) in the narrowest type that holds them."""
    return starts.astype(_narrowest(int(starts[-1]), OFFSET_TYPES), copy=False)


def _joined(parts: list[Ints], dtype: type) -> Ints:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


_WORD = re.compile(r"[a-z0-9_]+")


_STATUS_WORD_IN = re.compile(r"(?<![\w.])[1-5]\d\d(?![\w.])")
"""An HTTP status a phrase names (`HTTP 502 after deploying`), not a part of a version or a number."""
_REQUEST_ID_WORDS = re.compile(r"(?:request|correlation|operation|trace)[-_ ]?id")
"""What the one pattern of `normalize` that reaches past a line's end starts with (`request id:` and
its value on the next line); a text without it normalises line by line."""


def own_words(entry: dict[str, Any]) -> str:
    """What an entry says the problem looks like, in every language: titles, causes, aliases, signatures."""
    return "\n".join(_own_parts(entry))


def _own_parts(entry: dict[str, Any]) -> list[str]:
    texts = [part for content in entry["content"].values() if content for part in (content["title"], content["cause"])]
    texts += [alias for aliases in (entry.get("aliases") or {}).values() if aliases for alias in aliases]
    return texts + list(entry.get("signatures", ()))


SPELLED_NAME_MIN_WORDS = 3
"""Fewest words a spelled-out error name joins: what failed and how (`ModelNotFound`, `DeploymentTimedOut`)."""
SPELLED_NAME_WORDS = 4
"""Most words an error name joins (`ImageBuildComputeNotValid` is five, yet says its error in its first four)."""
_SPELLED_WORD = re.compile(r"[a-z][a-z0-9]*")


def uncovered_subjects(entries: list[dict[str, Any]], concepts: Iterable[str] = SUBJECTS) -> frozenset[str]:
    """The deployment features (`lexicon.SUBJECTS`) no entry names in what it is about (`own_words`; its steps may
    name a feature as a tool): a question about one of them asks about something the knowledge does not cover.
    Read from the knowledge, so an entry written about a feature later makes its questions answerable again."""
    about = "\n".join(fold(own_words(entry)) for entry in entries)
    return frozenset(concept for concept in concepts if not SUBJECTS[concept].search(about))


def _names_near(pattern: re.Pattern[str], lines: str, needle: str) -> bool:
    """Whether the pattern matches a line with the needle, for a pattern that reads lines alike (`screen.in_line`):
    each such line is searched alone."""
    at = lines.find(needle)
    while at >= 0:
        end = lines.find("\n", at)
        end = len(lines) if end < 0 else end
        if pattern.search(lines, lines.rfind("\n", 0, at) + 1, end):
            return True
        at = lines.find(needle, end)
    return False


_SCRIPT_LINES = tuple(re.compile(f"^.*[{letters}].*$", re.MULTILINE)
                      for letters in ("\u0400-\u04ff", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", "\u4e00-\u9fff"))
"""Lines with a Cyrillic, a Hangul or a Han letter: a literal with one is looked for in those lines only."""


def _script_lines(lines: str, needle: str, views: dict[re.Pattern[str] | None, str]) -> str:
    """Where a literal of a pattern that reads lines alike (`screen.in_line`) may be: the lines (`lines`, a chunk's)
    with a letter of its script, if it has one of `_SCRIPT_LINES`' (at 100x knowledge, each a third of the text or
    less, and the literals of the other scripts are half of them), else all of them. Each line keeps what a pattern
    reads around it (a line break before it, or the start of the text for the first line only)."""
    script = next((pattern for pattern in _SCRIPT_LINES if pattern.search(needle)), None)
    view = views.get(script)
    if view is None:
        if script is None:
            view = lines
        else:
            found = script.findall(lines)
            view = "\n".join(found)
            if found and not lines.startswith(found[0] + "\n") and lines != found[0]:
                view = "\n" + view
        views[script] = view
    return view


LINE_NEEDLE_MIN = 1
"""Shortest literal worth looking for line by line: even one character (`0`, `到`) leaves the pattern only the lines
that hold it, where a screen of a whole paste (`screen.MIN_ANCHOR`) would pass nearly every text."""


def _line_needles(pattern: re.Pattern[str]) -> list[str] | None:
    """Literals as written one of which every match holds (`screen.literals`), if known."""
    found = literals(pattern, LINE_NEEDLE_MIN)
    return found[0] if found is not None and found[1] else None


class _SubjectScan:
    """Which deployment features (`lexicon.SUBJECTS`) the entries name, read a chunk of entries at a time. A feature
    whose pattern reads lines alike (`screen.in_line`) is searched in each chunk, and when every match holds one of
    its literals, only in the lines with one: a few quick searches for a literal text instead of the pattern's pass
    over every entry (at 100x knowledge, 18 s for all features)."""

    def __init__(self) -> None:
        by_line = {concept for concept, pattern in SUBJECTS.items() if in_line(pattern)}
        self.unnamed = {concept: _line_needles(pattern) for concept, pattern in SUBJECTS.items() if concept in by_line}
        """Features no chunk has named yet, each with its literals (None: the whole chunk is searched)."""
        self.whole = [concept for concept in SUBJECTS if concept not in by_line]
        """Features whose matches may take a line break: searched in the whole knowledge's words at the end."""

    def add(self, lines: str) -> None:
        """Lines of the entries' folded own words (`own_words`)."""
        views: dict[re.Pattern[str] | None, str] = {}
        for concept, needles in list(self.unnamed.items()):
            pattern = SUBJECTS[concept]
            named = pattern.search(lines) if needles is None else any(
                _names_near(pattern, _script_lines(lines, needle, views), needle) for needle in needles)
            if named:
                del self.unnamed[concept]

    def uncovered(self, entries: list[dict[str, Any]]) -> frozenset[str]:
        """The features no entry names (`uncovered_subjects`)."""
        return frozenset(self.unnamed) | (uncovered_subjects(entries, self.whole) if self.whole else frozenset())


def _spelled_names(folded: Iterable[str]) -> set[str]:
    """Error names folded texts of the knowledge spell out in words (`ModelNotFound` as "model not found"),
    case-folded and joined as a paste prints them: a name its entries describe is a known error, not one no entry
    covers (`ScoringParams.unknown_error_name`). Two words say only how something failed (`AccessDenied`,
    `NotSupported`), which any product prints: those stay unknown unless an entry writes the name itself."""
    names: set[str] = set()
    for text in folded:
        words = _SPELLED_WORD.findall(text)
        names.update("".join(words[start:start + size]) for size in range(SPELLED_NAME_MIN_WORDS, SPELLED_NAME_WORDS + 1)
                     for start in range(len(words) - size + 1))
    return names


def _name_digest(name: str) -> bytes:
    """A stable 64-bit key of a joined name, a word or a long feature, as eight little-endian bytes: the saved
    index is read by other processes (no salted `hash`), and keys in a sorted array, mapped and shared by the
    workers, take a fraction of the memory of the strings at 100x knowledge."""
    return hashlib.blake2b(name.encode(), digest_size=8).digest()


def _name_key(name: str) -> int:
    """A joined name's key as a number (`_name_digest`)."""
    return int.from_bytes(_name_digest(name), "little")


def _name_keys(names: Iterable[str]) -> Ints:
    """The names' keys (`_name_digest`), in their order."""
    return np.frombuffer(b"".join(map(_name_digest, names)), dtype="<u8").astype(np.uint64)


def _key_slot(keys: Sequence[int] | Ints, name: str) -> int | None:
    """Where the sorted keys hold the name's (`_name_key`); None when they do not."""
    key = _name_key(name)
    at = bisect_left(keys, key)
    return at if at < len(keys) and keys[at] == key else None


class _Build:
    """One build of the index: what it accumulates, chunk by chunk, before it is packed into arrays.

    A token's features depend on the token alone (its characters fix its script), so each distinct
    token is turned into features once; a chunk's texts are then arrays of token numbers, expanded
    into feature ids, deduplicated and split into phrases and prose by numpy."""

    def __init__(self, entries: list[dict[str, Any]]):
        self.entries = entries
        self.feature_ids: defaultdict[str, int] = defaultdict(count().__next__)
        """Feature -> id; a feature not met before takes the next id (in C, as `map` looks it up)."""
        self.token_numbers: defaultdict[str, int] = defaultdict(count(1).__next__, {_BREAK: 0})
        self.token_words: list[str] = [_BREAK]
        self.token_starts = array("q", [0, 0])
        """Where each token's feature ids start in `token_features` (the break has none)."""
        self.token_features = array("i")
        self.met = np.zeros(1, dtype=bool)
        """Tokens already met in an indexed phrase: only new ones can add to the vocabulary."""
        self.scripts: dict[str, str] = {}
        """The script of a token, by its first character (the scripts' letters are disjoint)."""
        self.codes: dict[str, list[int]] = defaultdict(list)
        self.statuses: dict[int, list[int]] = defaultdict(list)
        self.signatures: list[tuple[int, int, str]] = []
        self.signatures_by_word: dict[str, list[int]] = defaultdict(list)
        self.patterns: list[tuple[int, str]] = []
        self.patterns_by_anchor: dict[str, list[int]] = defaultdict(list)
        self.unanchored_patterns: list[int] = []
        self.text_langs: defaultdict[str, int] = defaultdict(count().__next__)
        """Language code -> its number while building; `langs` orders them as the phrases first use them."""
        self.langs: list[str] = []
        self.vocabulary: set[str] = set()
        self.vocabulary_by_key: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.parts: dict[str, list[Ints]] = defaultdict(list)
        self.phrases = 0
        """Phrases indexed so far: the number of the chunk's first phrase."""
        self.status_phrases: dict[str, list[int]] = defaultdict(list)
        self.titles: list[list[str]] = []
        """Each entry's titles, normalised (`_cases` reads them)."""
        self.own_cues: list[dict[str, list[int]]] = []
        self.known_words: set[str] = set()
        self.subjects = _SubjectScan()
        self.name_keys: list[Ints] = []
        """Keys of the error names each chunk spells out (`_spelled_names`)."""
        for first in range(0, len(entries), CHUNK_ENTRIES):
            self._add_chunk(first, entries[first:first + CHUNK_ENTRIES])

    def _add_chunk(self, first: int, chunk: list[dict[str, Any]]) -> None:
        for position, entry in enumerate(chunk, first):
            self._add_exact(position, entry)
        positions, kinds, langs, ordinals, texts = zip(*[(position, *text) for position, entry in enumerate(chunk, first)
                                                         for text in _entry_texts(entry)])
        text = {name: np.array(values, dtype=np.int32) for name, values in
                (("entry", positions), ("kind", kinds), ("ordinal", ordinals),
                 ("lang", list(map(self.text_langs.__getitem__, langs))))}
        normalized = _normalized(list(texts))
        for number in np.flatnonzero(text["kind"] == PHRASE_KINDS.index("signature")).tolist():
            self._add_signature(int(text["entry"][number]), int(text["ordinal"][number]), normalized[number])
        self._add_own_words(chunk, texts, normalized)
        numbers = self._token_numbers(_TOKEN_OR_BREAK.findall(_BREAK.join(normalized) + _BREAK) if texts else [])
        del normalized
        breaks = numbers == 0
        owners = (np.cumsum(breaks) - breaks)[~breaks]  # the text of each token
        numbers = numbers[~breaks]
        features, feature_owners = self._text_features(numbers, owners)
        lengths = np.bincount(feature_owners, minlength=len(texts))
        indexed = (text["kind"] != BODY) & (lengths > 0)
        kept = np.flatnonzero(indexed)
        for name in ("entry", "kind", "lang", "ordinal"):
            self.parts[f"phrase_{name}"].append(text[name][kept])
        self.parts["phrase_length"].append(lengths[kept])
        self._add_status_phrases([texts[number] for number in kept.tolist()])
        in_phrase = indexed[feature_owners]
        self.parts["phrase_features"].append(features[in_phrase])
        self._add_pairs(text["entry"].astype(np.int64), features, feature_owners, in_phrase,
                        text["kind"][feature_owners] == BODY)
        for lang in dict.fromkeys(text["lang"][kept].tolist()):
            code = list(self.text_langs)[lang]
            if code not in self.langs:
                self.langs.append(code)
        self._add_vocabulary(numbers[indexed[owners]])

    def _add_status_phrases(self, texts: list[str]) -> None:
        """The HTTP statuses each of the chunk's phrases names (`HTTP 502 after deploying`), found in one C call
        over the phrases' texts a line each (a status is a whole word: it never spans a line), so workers read the
        table instead of searching every phrase's text when their matcher starts (at 100x, two seconds)."""
        ends = list(accumulate(len(text) + 1 for text in texts))
        for match in _STATUS_WORD_IN.finditer("\n".join(texts)):
            number = self.phrases + bisect_right(ends, match.start())
            numbers = self.status_phrases[match.group(0)]
            if not numbers or numbers[-1] != number:  # a phrase naming a status twice is one of its phrases
                numbers.append(number)
        self.phrases += len(texts)

    def _add_own_words(self, chunk: list[dict[str, Any]], texts: Sequence[str], normalized: list[str]) -> None:
        """What each entry of the chunk says the problem looks like (`own_words`), read once here rather than by
        every process that loads the index: the neighbouring topics' cues each entry says itself
        (`Sighting.outweighs`), and every word the entries say, error names among them. Its parts are lines, and
        normalising a line depends on that line alone unless a request id's words may reach into the next: the
        chunk's titles, aliases and signatures are already normalised, its causes are normalised together, and
        only an entry whose parts say a request id's words has its whole text normalised."""
        raw_causes = [content["cause"] for entry in chunk for content in entry["content"].values()]
        causes = iter(zip(raw_causes, _normalized(raw_causes)))
        at = 0
        folded: list[str] = []
        for entry in chunk:
            titles = len(entry["content"])
            phrases = titles + sum(map(len, entry.get("aliases", {}).values())) + len(entry.get("signatures", []))
            parts: list[str] = []
            lines: list[str] = []
            for title, normalized_title in zip(texts[at:at + titles], normalized[at:at + titles]):
                cause, normalized_cause = next(causes)
                parts += (title, cause)
                lines += (normalized_title, normalized_cause)
            parts += texts[at + titles:at + phrases]
            lines += normalized[at + titles:at + phrases]
            self.titles.append(normalized[at:at + titles])
            at += phrases + 1  # and the entry's prose
            # folding never joins lines, and an ASCII text folds to its lower case
            own = [part.lower() if part.isascii() else fold(part) for part in parts]
            folded += own
            says_request_id = any(_REQUEST_ID_WORDS.search(part) for part in own)
            words = normalize("\n".join(parts)) if says_request_id else "\n".join(filter(None, lines))
            self.own_cues.append({topic: sorted(cues) for topic, cues in topic_cues(words).items()})
            self.known_words.update(_WORD.findall(words))
        self.subjects.add("\n".join(folded))
        names = _spelled_names(folded)
        self.name_keys.append(_name_keys(names))

    def _token_numbers(self, words: list[str]) -> Ints:
        """Each word's token number; words never met before get one, and their features get ids in
        the order the texts first use them."""
        numbers = self.token_numbers
        known = len(numbers)
        found = np.fromiter(map(numbers.__getitem__, words), dtype=np.int32, count=len(words))
        _, first_use = np.unique(found, return_index=True)  # ascending numbers: in order of first use
        new = [words[at] for at in first_use[len(first_use) - (len(numbers) - known):].tolist()]
        names = [word_features(self._script(word), word) for word in new]
        self.token_features.frombytes(
            np.fromiter(map(self.feature_ids.__getitem__, chain.from_iterable(names)), dtype=np.int32).tobytes())
        self.token_starts.extend(list(accumulate(map(len, names), initial=self.token_starts[-1]))[1:])
        self.token_words += new
        self.met = np.concatenate([self.met, np.zeros(len(new), dtype=bool)])
        return found

    def _script(self, word: str) -> str:
        script = self.scripts.get(word[0])
        if script is None:
            script = self.scripts[word[0]] = tokens(word[0])[0][0]
        return script

    def _text_features(self, numbers: Ints, owners: Ints) -> tuple[Ints, Ints]:
        """The distinct feature ids of each text, in order of first use (as `dict.fromkeys` of
        `features.features`), and the text of each."""
        starts = np.frombuffer(self.token_starts, dtype=np.int64)
        lows = starts[numbers]
        counts = starts[numbers + 1] - lows
        ends = np.cumsum(counts)
        total = int(ends[-1]) if len(ends) else 0
        features = np.frombuffer(self.token_features, dtype=np.int32)[
            np.repeat(lows - ends + counts, counts) + np.arange(total)]
        owners = np.repeat(owners, counts)
        pairs = (owners.astype(np.int64) << PAIR_SHIFT) | features
        order = np.argsort(pairs, kind="stable")  # stable: a pair's first use comes first
        ordered = pairs[order]
        first_use = np.ones(len(pairs), dtype=bool)
        first_use[1:] = ordered[1:] != ordered[:-1]
        kept = np.sort(order[first_use])
        return features[kept], owners[kept]

    def _add_pairs(self, text_entries: Ints, features: Ints, owners: Ints, in_phrase: Ints, in_body: Ints) -> None:
        """(entry, feature) for the entry postings, and for the prose postings the prose's features
        no phrase of the entry has, listed by ascending entry."""
        union = _distinct((text_entries[owners[in_phrase]] << PAIR_SHIFT) | features[in_phrase])
        body = _distinct((text_entries[owners[in_body]] << PAIR_SHIFT) | features[in_body])
        slots = np.minimum(np.searchsorted(union, body), max(len(union) - 1, 0))
        body = body[union[slots] != body] if len(union) else body
        for name, pairs in (("entry", union), ("body", body)):  # kept as int32: at 100x, 80 MB less for the build
            self.parts[f"{name}_features"].append((pairs & ((1 << PAIR_SHIFT) - 1)).astype(np.int32))
            self.parts[f"{name}_numbers"].append((pairs >> PAIR_SHIFT).astype(np.int32))

    def _add_exact(self, position: int, entry: dict[str, Any]) -> None:
        for code in entry.get("error_codes", []):
            self.codes[code].append(position)
        for status in entry.get("http_statuses", []):
            self.statuses[status].append(position)
        for pattern in entry.get("patterns", []):
            self._add_pattern(position, pattern)

    def _add_signature(self, position: int, ordinal: int, text: str) -> None:
        if not text:
            return
        index = len(self.signatures)
        self.signatures.append((position, ordinal, text))
        words = [token for _, token in tokens(text)]
        key = max(words, key=len) if words else text
        self.signatures_by_word[key].append(index)

    def _add_pattern(self, position: int, pattern: str) -> None:
        index = len(self.patterns)
        anchors = _pattern_anchors(pattern)
        re.compile(pattern, re.IGNORECASE)  # a broken pattern fails the build, not a query
        self.patterns.append((position, pattern))
        if anchors:
            for anchor in anchors:
                self.patterns_by_anchor[anchor].append(index)
        else:
            self.unanchored_patterns.append(index)

    def _add_vocabulary(self, numbers: Ints) -> None:
        """Known words for typo correction: the words of spaced scripts in indexed phrases, and
        their parts, in the order the phrases first use them."""
        _, first_use = np.unique(numbers, return_index=True)
        new = numbers[np.sort(first_use)]
        new = new[~self.met[new]]
        self.met[new] = True
        for number in new.tolist():
            token = self.token_words[number]
            if self._script(token) not in SPACED_SCRIPTS:
                continue
            if len(token) >= 8 and not token.isalpha() and token not in self.vocabulary:
                self.vocabulary.add(token)
                self.vocabulary_by_key[(token[0], len(token))].append(token)
            for part in re.split(r"[._\-/']", token):
                if len(part) >= 4 and part.isalpha() and part not in self.vocabulary:
                    self.vocabulary.add(part)
                    self.vocabulary_by_key[(part[0], len(part))].append(part)

    def state(self) -> tuple[dict[str, Any], dict[str, Ints]]:
        """The index as JSON-able tables and numpy arrays (what the cache stores)."""
        arrays = self._feature_table()
        ends = list(accumulate(map(len, self.status_phrases.values())))
        status_phrases = {status: [end - len(numbers), end]
                          for (status, numbers), end in zip(self.status_phrases.items(), ends, strict=True)}
        cue_sets: dict[str, int] = {}  # each set once: at 100x knowledge, 2,800 sets for 7,700 entries
        own_cues = [cue_sets.setdefault(json.dumps(cues), len(cue_sets)) for cues in self.own_cues]
        tables = {"langs": self.langs, "codes": dict(self.codes),
                  "statuses": dict(self.statuses), "signatures": self.signatures,
                  "signatures_by_word": dict(self.signatures_by_word), "patterns": self.patterns,
                  "patterns_by_anchor": dict(self.patterns_by_anchor),
                  "unanchored_patterns": self.unanchored_patterns,
                  "vocabulary": [[first, length, words] for (first, length), words in self.vocabulary_by_key.items()],
                  "cases": self._cases(), "own_cues": own_cues, "cue_sets": list(map(json.loads, cue_sets)),
                  "status_phrases": status_phrases, "uncovered_subjects": sorted(self.subjects.uncovered(self.entries))}
        name_keys = _distinct(_joined(self.name_keys, np.uint64))
        return tables, {**arrays, **self._arrays(), "spelled_name_keys": name_keys,
                        "known_word_keys": np.sort(_name_keys(self.known_words))}

    def _cases(self) -> dict[str, dict[str, list[list[Any]]]]:
        """Entries whose title names another entry's signature or pattern (`ImageBuildFailure: the image build
        timed out` beside the entry of ImageBuildFailure itself): cases of that error, by signature and pattern
        number, each with the title's words that name it. Patterns are looked up by their literal word (or its
        start, `deployment` of `deployments`) only: a pattern without one names no error."""
        cases: dict[str, dict[str, list[list[Any]]]] = {"signature": defaultdict(list), "pattern": defaultdict(list)}
        compiled: dict[int, re.Pattern[str]] = {}
        crowded: set[tuple[str, int]] = set()
        anchor_lengths = sorted({len(anchor) for anchor in self.patterns_by_anchor})
        # signature numbers by key word and text: at 100x, hundreds of signatures are one common word, and an
        # error that many titles name leaves them (`crowded`)
        candidates: dict[str, dict[str, dict[int, None]]] = defaultdict(dict)
        key_words: dict[int, str] = {}
        for word, numbers in self.signatures_by_word.items():
            for number in numbers:
                candidates[word].setdefault(self.signatures[number][2], {})[number] = None
                key_words[number] = word
        for position, titles in enumerate(self.titles):
            found: dict[tuple[str, int], list[str]] = {}
            for title in titles:
                for word in dict.fromkeys(token_texts(title)):
                    texts = candidates.get(word, {})
                    for number in sorted(number for text, numbers in texts.items() if text in title for number in numbers):
                        owner, _, text = self.signatures[number]
                        if owner != position:
                            found.setdefault(("signature", number), [token for _, token in tokens(text)])
                    anchored = (self.patterns_by_anchor.get(word[:end], ()) for end in anchor_lengths if end <= len(word))
                    for number in chain.from_iterable(anchored):
                        owner, original = self.patterns[number]
                        if ("pattern", number) in crowded:
                            continue
                        regex = compiled.get(number) or compiled.setdefault(number, re.compile(original, re.IGNORECASE))
                        named = regex.search(title) if owner != position else None
                        if named:
                            found.setdefault(("pattern", number), [token for _, token in tokens(named.group(0))])
            for (kind, number), words in found.items():
                cases[kind][str(number)].append([position, words])
                if len(cases[kind][str(number)]) > CASES_MAX:
                    crowded.add((kind, number))
                    if kind == "signature":
                        _discard(candidates[key_words[number]], self.signatures[number][2], number)
        return {kind: {number: named for number, named in by_number.items() if (kind, int(number)) not in crowded}
                for kind, by_number in cases.items()}

    def _feature_table(self) -> dict[str, Ints]:
        """Feature string -> id without the strings: the short ones' UTF-8 packed into integers and
        sorted within hash buckets, the long ones by their sorted keys (`_name_digest`)."""
        names = list(self.feature_ids)
        encoded = [name.encode() for name in names]
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        packed = np.flatnonzero(lengths <= PACKED_BYTES)
        keys = np.array([encoded[number] for number in packed.tolist()], dtype=f"S{PACKED_BYTES}")
        keys = keys.view(">u8").astype(np.uint64)
        bits = max(len(keys) // 8, 1).bit_length()  # about eight keys a bucket
        buckets = (keys * np.uint64(_MIX)) >> np.uint64(64 - bits)
        order = np.lexsort((keys, buckets))
        long = np.flatnonzero(lengths > PACKED_BYTES)
        long_keys = _name_keys([names[number] for number in long.tolist()])
        long_order = np.argsort(long_keys)
        return {"feature_keys": keys[order], "feature_key_ids": packed[order].astype(np.int32),
                "feature_bucket_starts": _offsets(np.searchsorted(buckets[order],
                                                                  np.arange((1 << bits) + 1, dtype=np.uint64))),
                "long_feature_keys": long_keys[long_order], "long_feature_ids": long[long_order].astype(np.int32)}

    def _arrays(self) -> dict[str, Ints]:
        size = len(self.feature_ids)
        parts = self.parts
        lengths = _joined(parts["phrase_length"], np.int64)
        phrase_features = _joined(parts["phrase_features"], np.int32)
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        ordinals = _joined(parts["phrase_ordinal"], np.int32)
        langs = np.array([self.langs.index(code) if code in self.langs else -1 for code in self.text_langs] or [0])
        arrays: dict[str, Ints] = {
            "phrase_entry": _joined(parts["phrase_entry"], _narrowest(len(self.entries))),
            "phrase_kind": _joined(parts["phrase_kind"], np.int8),
            "phrase_lang": langs[_joined(parts["phrase_lang"], np.int32)].astype(np.int8),
            "phrase_ordinal": ordinals.astype(_narrowest(int(ordinals.max(initial=0)))),
            "phrase_starts": _offsets(starts)}
        arrays["phrase_features_low"], arrays["phrase_features_high"] = Packed.arrays(phrase_features)
        for name, features, numbers, most in (
                ("phrase_postings", phrase_features, np.repeat(np.arange(len(lengths), dtype=np.int32), lengths),
                 len(lengths)),
                ("entry_postings", _joined(parts["entry_features"], np.int32), _joined(parts["entry_numbers"], np.int32),
                 len(self.entries)),
                ("body_postings", _joined(parts["body_features"], np.int32), _joined(parts["body_numbers"], np.int32),
                 len(self.entries))):
            arrays[f"{name}_starts"], arrays[name] = Postings.arrays(features, numbers, size, most)
        frequency = np.diff(arrays["entry_postings_starts"].astype(np.int64)) + np.diff(arrays["body_postings_starts"])
        total = max(len(self.entries), 1)
        # math.log per distinct count, not np.log per feature: the same weights to the last bit
        logs = np.array([math.log((total + 1) / (uses + 0.5)) for uses in range(int(frequency.max(initial=0)) + 1)])
        unigram = np.fromiter((feature[1:2] == UNIGRAM for feature in self.feature_ids), dtype=bool, count=size)
        idf = logs[frequency] * np.where(unigram, UNIGRAM_FACTOR, 1.0)  # what `KnowledgeIndex.weight` computes
        arrays["document_frequency"] = frequency.astype(_narrowest(len(self.entries)))
        arrays["phrase_weight"] = _sequential_sums(idf[phrase_features], starts[:-1], lengths)
        named = _joined([np.asarray(numbers, dtype=np.int64) for numbers in self.status_phrases.values()], np.int64)
        arrays["status_phrases"] = named
        arrays["phrase_postings_low"], arrays["phrase_postings_high"] = Packed.arrays(arrays.pop("phrase_postings"))
        return arrays


class UnsaidStatusKeeps:
    """For phrases (an array of their numbers), the share of its strength each keeps when the paste does not write
    the HTTP status it names (1 for a phrase naming none): a phrase such as `500 on every prediction call` misses that
    word, though a status is no word feature; without it only its context is left (`on every prediction call`),
    which a paste with another problem says too. The status counts as one word more than the phrase's features.
    Computed for the phrases asked about from the few that name a status, not kept for every phrase (at 100x
    knowledge, 1.1 million floats every worker would map)."""

    __slots__ = ("named", "starts")

    def __init__(self, named: Ints, starts: Ints):
        self.named = _distinct(np.asarray(named, dtype=np.int64))
        self.starts = np.asarray(starts)

    def __getitem__(self, numbers: Ints) -> npt.NDArray[np.float64]:
        numbers = np.asarray(numbers)
        keeps = np.ones(len(numbers), dtype=np.float64)
        if len(self.named) and len(numbers):
            slots = np.minimum(np.searchsorted(self.named, numbers), len(self.named) - 1)
            naming = numbers[self.named[slots] == numbers]
            features = (self.starts[naming + 1] - self.starts[naming]).astype(np.float64)
            keeps[self.named[slots] == numbers] = features / (features + 1.0)
        return keeps


def index_key(entries: list[dict[str, Any]]) -> str:
    """What the index is made of: the entries, and the code that turns their text into features
    (a change to a stop word list or a stemmer makes a new index, never a stale one). Entry by
    entry: at 100x the whole knowledge as one JSON string would take a hundred megabytes."""
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for source in _PIPELINE_SOURCES:
        digest.update(source.read_bytes())
    for entry in entries:
        digest.update(json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()[:32]


def _save(folder: Path, state: tuple[dict[str, Any], dict[str, Ints]]) -> bool:
    """Write into a temporary folder renamed into place: a worker never reads half an index."""
    tables, arrays = state
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=folder.parent, suffix=".tmp"))
    except OSError as exc:  # a read-only cache folder: this process keeps the index it built
        _log.warning("index not cached in %s (%s): this process keeps its own copy", folder.parent, exc)
        return False
    try:
        (temporary / "tables.json").write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
        for name, values in arrays.items():
            np.save(temporary / f"{name}.npy", values, allow_pickle=False)
        os.replace(temporary, folder)
    except OSError as exc:  # no room, or another worker saved the same index first
        shutil.rmtree(temporary, ignore_errors=True)
        if folder.exists():
            return True
        _log.warning("index not cached in %s (%s): this process keeps its own copy", folder.parent, exc)
        return False
    _prune(folder.parent)
    return True


def _prune(cache_dir: Path) -> None:
    """Keep the newest KEPT_INDEXES indexes: at 100x knowledge each takes 150 MB of disk. A worker
    still serving an older one keeps its mapping (the files go when it lets them go)."""
    try:
        folders = sorted(cache_dir.glob("index-*"), key=lambda path: path.stat().st_mtime, reverse=True)
    except OSError:  # another worker is pruning too
        return
    for stale in folders[KEPT_INDEXES:]:
        shutil.rmtree(stale, ignore_errors=True)


def _load(folder: Path) -> tuple[dict[str, Any], dict[str, Ints]] | None:
    """The saved index, its arrays mapped read-only; None when it is missing or unreadable."""
    try:
        tables = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAY_NAMES}
    except (OSError, ValueError):
        return None
    return tables, arrays


class KnowledgeIndex:
    """Immutable lookup structures over a list of entry dicts.

    With a `cache_dir`, the built index is kept there, keyed by the entries and the code that
    turns text into features, and later processes map its arrays instead of building them:
    the operating system shares the pages between workers, and a restart takes a second.
    """

    def __init__(self, entries: list[dict[str, Any]], cache_dir: Path | None = None):
        self.entries = entries
        self.ids = [entry["id"] for entry in entries]
        self.by_id = {entry["id"]: entry for entry in entries}
        total = max(len(entries), 1)
        self.total = total
        self.max_idf = math.log((total + 1) / 0.5)
        self.common_cutoff = min(max(3, int(total * 0.3)), COMMON_CUTOFF_MAX)
        folder = cache_dir / f"index-{index_key(entries)}" if cache_dir is not None else None
        state = _load(folder) if folder is not None else None
        built = state is None
        if state is None:
            state = _Build(entries).state()
            clear_word_caches()
            re.purge()  # the entries' patterns the build compiled: `_adopt` compiles them again, outside its heap
            if folder is not None and _save(folder, state):
                # read back once the build's heap is free, so what the index keeps does not sit among its holes
                del state
                state = _load(folder) or _Build(entries).state()  # mapped: the pages are shared with other workers
        self._adopt(*state)
        del state
        if built:
            _return_freed_memory()

    def _adopt(self, tables: dict[str, Any], arrays: dict[str, Ints]) -> None:
        self.langs: list[str] = tables["langs"]
        self.codes: dict[str, list[int]] = tables["codes"]
        self.statuses: dict[int, list[int]] = {int(status): numbers for status, numbers in tables["statuses"].items()}
        self.signatures = [Signature(entry, text, self.entries[entry]["signatures"][ordinal])
                           for entry, ordinal, text in tables["signatures"]]
        self.signatures_by_word: dict[str, list[int]] = tables["signatures_by_word"]
        self.patterns = [Pattern(entry, re.compile(original, re.IGNORECASE), original)
                         for entry, original in tables["patterns"]]
        self.patterns_by_anchor: dict[str, list[int]] = tables["patterns_by_anchor"]
        self.unanchored_patterns: list[int] = tables["unanchored_patterns"]
        self.vocabulary_by_key: dict[tuple[str, int], list[str]] = {
            (first, length): words for first, length, words in tables["vocabulary"]}
        self.vocabulary = {word for words in self.vocabulary_by_key.values() for word in words}
        cues_of: dict[tuple[int, ...], frozenset[int]] = {}  # at 100x knowledge, 1,700 sets of one topic's cues in 9,000
        cue_sets = [{topic: cues_of.setdefault(tuple(cues), frozenset(cues)) for topic, cues in by_topic.items()}
                    for by_topic in tables["cue_sets"]]
        self.own_cues: list[dict[str, frozenset[int]]] = [cue_sets[number] for number in tables["own_cues"]]
        """The neighbouring topics' cues each entry says itself, by topic id (entries saying the same share them)."""
        naming: dict[tuple[str, ...], frozenset[str]] = {}  # the cases of a signature name it in the same words
        self.cases: dict[tuple[str, int], list[tuple[int, frozenset[str]]]] = {
            (kind, int(number)): [(position, naming.setdefault(tuple(words), frozenset(words)))
                                  for position, words in named]
            for kind, by_number in tables["cases"].items() for number, named in by_number.items()}
        """(`signature`|`pattern`, number) -> the other entries whose title names it, with the words naming it."""
        named = np.asarray(arrays["status_phrases"])
        self.status_phrases: dict[str, Ints] = {
            status: named[start:end] for status, (start, end) in tables["status_phrases"].items()}
        """Each HTTP status the phrases name (`HTTP 502 after deploying`) -> the numbers of those phrases."""
        self.unsaid_status_keeps = UnsaidStatusKeeps(named, arrays["phrase_starts"])
        """Each phrase's share of its strength when a paste does not write the status it names."""
        self.uncovered_subjects = frozenset(tables["uncovered_subjects"])
        """The deployment features no entry is about (`uncovered_subjects`)."""
        self.spelled_name_keys: npt.NDArray[np.uint64] = np.asarray(arrays["spelled_name_keys"])
        """Keys (`_name_digest`) of the error names the entries spell out in words (`_spelled_names`), sorted."""
        views = {name: values.data for name, values in arrays.items()}
        self.phrase_entry = views["phrase_entry"]
        self.phrase_kind = views["phrase_kind"]
        self.phrase_lang = views["phrase_lang"]
        self.phrase_ordinal = views["phrase_ordinal"]
        self.phrase_starts = views["phrase_starts"]
        self.phrase_features = Packed(arrays["phrase_features_low"], arrays["phrase_features_high"])
        self.phrase_weight = views["phrase_weight"]
        self.feature_keys = views["feature_keys"]
        self.feature_key_ids = views["feature_key_ids"]
        self.feature_buckets = views["feature_bucket_starts"]
        self.long_feature_keys = views["long_feature_keys"]
        self.long_feature_ids = views["long_feature_ids"]
        self.known_word_keys = views["known_word_keys"]
        """Keys (`_name_digest`) of every word the entries say, error names among them (`ImageBuildFailure` ->
        `imagebuildfailure`), sorted."""
        self.bucket_shift = 64 - (len(self.feature_buckets) - 1).bit_length() + 1
        self.document_frequency = views["document_frequency"]
        self.postings = PackedPostings(arrays["phrase_postings_starts"],
                                       Packed(arrays["phrase_postings_low"], arrays["phrase_postings_high"]))
        self.entry_postings = Postings(arrays["entry_postings_starts"], arrays["entry_postings"])
        self.body_postings = Postings(arrays["body_postings_starts"], arrays["body_postings"])

    def spells_error_name(self, name: str) -> bool:
        """Whether the knowledge spells a pasted error name out in words (`_spelled_names`)."""
        return _key_slot(self.spelled_name_keys, name) is not None

    def says_word(self, word: str) -> bool:
        """Whether an entry says the word (folded), as a word of its own (`known_word_keys`)."""
        return _key_slot(self.known_word_keys, word) is not None

    def feature_id(self, feature: str) -> int:
        """The feature's id, NO_FEATURE if the knowledge never uses it: a short feature is found
        by its packed bytes in its hash bucket (a few keys, sorted), a long one by its key among the sorted
        keys of long features."""
        encoded = feature.encode()
        if len(encoded) > PACKED_BYTES:
            slot = _key_slot(self.long_feature_keys, feature)
            return NO_FEATURE if slot is None else self.long_feature_ids[slot]
        key = int.from_bytes(encoded.ljust(PACKED_BYTES, b"\0"), "big")
        bucket = (key * _MIX & _MASK64) >> self.bucket_shift
        low, high = self.feature_buckets[bucket], self.feature_buckets[bucket + 1]
        slot = bisect_left(self.feature_keys, key, low, high)
        return self.feature_key_ids[slot] if slot < high and self.feature_keys[slot] == key else NO_FEATURE

    def frequency(self, feature: int) -> int:
        """How many entries use the feature (by id) in a phrase or in their prose."""
        return self.document_frequency[feature] if feature >= 0 else 0

    def weight(self, feature: str) -> float:
        """IDF of a feature; one the knowledge never uses weighs as much as the rarest. Computed from how many
        entries use it, as the build weighs phrases (`_Build._arrays`), rather than read from an array of
        weights every worker would map (at 100x knowledge, 830,000 features)."""
        number = self.feature_id(feature)
        idf = math.log((self.total + 1) / (self.frequency(number) + 0.5)) if number >= 0 else self.max_idf
        return idf * _feature_factor(feature)

    def phrase_count(self) -> int:
        return len(self.phrase_entry)

    def features_of_phrase(self, number: int) -> Sequence[int]:
        features: list[int] = self.phrase_features[self.phrase_starts[number]:self.phrase_starts[number + 1]].tolist()
        return features

    def phrase(self, number: int) -> Phrase:
        kind, lang, text = self.describe(number)
        return Phrase(self.phrase_entry[number], kind, lang, text, self.features_of_phrase(number))

    def describe(self, number: int) -> tuple[str, str, str]:
        """A phrase's kind, language and text; the text is read from its entry (the index keeps
        only where it is)."""
        entry = self.entries[self.phrase_entry[number]]
        kind, lang, ordinal = PHRASE_KINDS[self.phrase_kind[number]], self.langs[self.phrase_lang[number]], \
            self.phrase_ordinal[number]
        if kind == "title":
            return kind, lang, entry["content"][lang]["title"]
        if kind == "alias":
            return kind, lang, entry["aliases"][lang][ordinal]
        return kind, lang, entry["signatures"][ordinal]

    def common_shares(self, common: dict[int, float], body_share: float,
                      positions: Iterable[int]) -> dict[int, float]:
        """For each entry, what the features of `common` add to it, summed in the order of `common` as
        `sum` adds a list: the feature's weight if a phrase of the entry uses it, `body_share` of it if
        only its prose does. Short postings are read into sets, long ones searched (`_members`)."""
        positions = list(positions)
        lookups = [(weight, weight * body_share, _members(self.entry_postings, feature, len(positions)),
                    _members(self.body_postings, feature, len(positions))) for feature, weight in common.items()]
        shares = {}
        for position in positions:
            total: float = 0  # as `sum` starts: 0 + the first share is that share, to the last bit
            for weight, in_body, in_entry, in_prose in lookups:
                if position in in_entry:
                    total += weight
                elif position in in_prose:
                    total += in_body
            shares[position] = total
        return shares

    def correction(self, word: str) -> str | None:
        """The known word a misspelt one most likely means, or None.

        One slip for a word (a missing, extra or swapped letter; a wrong letter only in
        words of seven letters or more, where it rarely turns one real word into
        another), two for identifiers like `request_timeout_ms`. Same first letter.
        """
        compound = not word.isalpha()
        if len(word) < (8 if compound else 5) or word in self.vocabulary:
            return None
        allowed = 2 if compound or len(word) >= 10 else 1
        candidates = [w for length in range(len(word) - allowed, len(word) + allowed + 1)
                      for w in self.vocabulary_by_key.get((word[0], length), ())]
        if allowed == 1 and len(word) < 7:  # left out before choosing: a wrong letter must not hide a missing one
            candidates = [w for w in candidates if len(w) != len(word) or sorted(w) == sorted(word)]
        best = process.extractOne(word, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=allowed)
        return best[0] if best is not None else None


def _return_freed_memory() -> None:
    """Give the build's freed heap back to the system. glibc keeps freed pages inside its heap
    mapped, so a worker that built the index at 100x knowledge kept about 200 MB it no longer used
    for as long as it lived."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to give back this way
        return
    trim(0)


def _sequential_sums(values: Ints, starts: Ints, lengths: Ints) -> npt.NDArray[np.float64]:
    """Each run's sum, added left to right as Python's `sum` does (numpy's pairwise sums can
    differ in the last bit, and a phrase's weight must not depend on how it was computed)."""
    sums = np.zeros(len(lengths))
    active = np.flatnonzero(lengths > 0)
    offset = 0
    while len(active):
        sums[active] += values[starts[active] + offset]
        offset += 1
        active = active[lengths[active] > offset]
    return sums


SET_POSTINGS_PER_LOOKUP = 8
"""A feature's postings are read into a set when they are at most this many per entry looked up in them:
reading a number costs about a tenth of a binary search (at 100x knowledge, common words' postings are
long, and searched instead)."""


class _Ascending:
    """Membership in a feature's ascending postings, by binary search."""

    __slots__ = ("high", "low", "numbers")

    def __init__(self, numbers: Sequence[int], low: int, high: int):
        self.numbers, self.low, self.high = numbers, low, high

    def __contains__(self, number: int) -> bool:
        slot = bisect_left(self.numbers, number, self.low, self.high)
        return slot < self.high and self.numbers[slot] == number


def _members(postings: Postings, feature: int, lookups: int) -> set[int] | _Ascending:
    """The numbers of a feature's postings, as a set if `lookups` membership tests make it worth reading them."""
    low, high = postings.starts[feature], postings.starts[feature + 1]
    if high - low <= SET_POSTINGS_PER_LOOKUP * lookups:
        return set(postings.numbers[low:high])
    return _Ascending(postings.numbers, low, high)


def _feature_factor(feature: str) -> float:
    """Single CJK characters say less than bigrams or words: they count at a discount."""
    return UNIGRAM_FACTOR if feature[1:2] == UNIGRAM else 1.0

"""The search structures built once from the entries: code and status maps, a signature
index, an inverted index of text features with IDF weights, and a typo vocabulary.

Everything a query needs is looked up here, so matching scores a few candidates
instead of every phrase of every entry.

The text index is compact, so that a knowledge base a hundred times ours fits a worker: each
distinct feature string is stored once, as a key of `feature_ids`; everything else (phrase
features, postings, IDF) is flat integer and float arrays indexed by feature id. Saved in a
cache folder, the arrays are mapped by later processes: workers share their pages, and a
restart reads the index in about a second instead of building it again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from app.matching.features import token_texts, tokens, word_features
from app.matching.languages import SPACED_SCRIPTS, UNIGRAM
from app.matching.normalize import normalize

_log = logging.getLogger(__name__)

UNIGRAM_FACTOR = 0.35
# Features shared by more entries than this are too common to find candidates with.
COMMON_CUTOFF_MAX = 300
_LITERAL_RUN = re.compile(r"[a-z0-9_]{4,}|[а-яё]{4,}")
PHRASE_KINDS = ("title", "alias", "signature")
NO_FEATURE = -1
"""The id of a feature the knowledge never uses: it has no postings."""

INDEX_FORMAT = "compact-1"
"""Part of the cache key: an index saved in another layout is never read."""
_ARRAY_NAMES = ("phrase_entry", "phrase_kind", "phrase_lang", "phrase_ordinal", "phrase_starts", "phrase_features",
                "phrase_weight", "idf", "document_frequency", "phrase_postings_starts", "phrase_postings",
                "entry_postings_starts", "entry_postings", "body_postings_starts", "body_postings")
KEPT_INDEXES = 3
"""Saved indexes kept in the cache folder: the current knowledge and the versions just before it."""
_HERE = Path(__file__).parent
_PIPELINE_SOURCES = (_HERE / "index.py", _HERE / "normalize.py", _HERE / "features.py",
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


def _pattern_anchors(pattern: str) -> tuple[str, ...]:
    """A literal word every match must contain, so a pattern runs only when it is present.

    Words inside alternations or optional parts are not required, so they are dropped
    first; a pattern with a top-level alternation has no such word and always runs.
    """
    depth = 0
    for char in pattern:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            return ()
    cleaned = re.sub(r"\\.", " ", pattern.casefold())
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
    def arrays(features: Ints, numbers: Ints, size: int) -> tuple[Ints, Ints]:
        """Offsets and numbers, from (feature, number) pairs listed by ascending number."""
        order = np.argsort(features, kind="stable")  # stable: numbers stay ascending per feature
        starts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(features, minlength=size), out=starts[1:])
        return starts, numbers[order].astype(np.int32)

    def get(self, feature: int) -> Sequence[int]:
        """The numbers using the feature, ascending; none for NO_FEATURE."""
        if feature < 0:
            return ()
        return self.numbers[self.starts[feature]:self.starts[feature + 1]]


class _Build:
    """One build of the index: what it accumulates before it is packed into arrays, and its memo
    of token features. A token's features depend on the token alone (its characters fix its
    script), so at 100x knowledge each distinct word is stemmed once and the rest is C loops."""

    def __init__(self, entries: list[dict[str, Any]]):
        self.entries = entries
        self.feature_ids: dict[str, int] = {}
        self.token_features: dict[str, list[int]] = {}
        self.scripts: dict[str, str] = {}
        """The script of a token, by its first character (the scripts' letters are disjoint)."""
        self.vocabulary_tokens: set[str] = set()
        self.codes: dict[str, list[int]] = defaultdict(list)
        self.statuses: dict[int, list[int]] = defaultdict(list)
        self.signatures: list[tuple[int, str, str]] = []
        self.signatures_by_word: dict[str, list[int]] = defaultdict(list)
        self.patterns: list[tuple[int, str]] = []
        self.patterns_by_anchor: dict[str, list[int]] = defaultdict(list)
        self.unanchored_patterns: list[int] = []
        self.langs: list[str] = []
        self.vocabulary: set[str] = set()
        self.vocabulary_by_key: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.phrases = {name: array("i") for name in ("entry", "kind", "lang", "ordinal", "length", "features")}
        self.pairs = {name: array("i") for name in ("entry_features", "entry_numbers", "body_features", "body_numbers")}
        for position, entry in enumerate(entries):
            self._add_entry(position, entry)

    def _add_entry(self, position: int, entry: dict[str, Any]) -> None:
        for code in entry.get("error_codes", []):
            self.codes[code].append(position)
        for status in entry.get("http_statuses", []):
            self.statuses[status].append(position)
        for signature in entry.get("signatures", []):
            self._add_signature(position, signature)
        for pattern in entry.get("patterns", []):
            self._add_pattern(position, pattern)
        texts = [(0, lang, 0, text["title"]) for lang, text in entry["content"].items()]
        texts += [(1, lang, ordinal, alias) for lang, aliases in entry.get("aliases", {}).items()
                  for ordinal, alias in enumerate(aliases)]
        texts += [(2, "en", ordinal, signature) for ordinal, signature in enumerate(entry.get("signatures", []))]
        union: set[int] = set()
        phrases = self.phrases
        for kind, lang, ordinal, text in texts:
            words = token_texts(normalize(text))
            feats = self._features(words)
            if not feats:
                continue
            self._add_vocabulary(self._unseen(words))
            if lang not in self.langs:
                self.langs.append(lang)
            for name, value in (("entry", position), ("kind", kind), ("lang", self.langs.index(lang)),
                                ("ordinal", ordinal), ("length", len(feats))):
                phrases[name].append(value)
            phrases["features"].extend(feats)
            union.update(feats)
        body = " ".join([text["cause"] + " " + text["steps"] for text in entry["content"].values()]
                        + [d for command in entry.get("commands", []) for d in command["description"].values()])
        body_feats = set(self._features(token_texts(normalize(body)))) - union
        self.pairs["entry_features"].extend(union)
        self.pairs["entry_numbers"].extend([position] * len(union))
        self.pairs["body_features"].extend(body_feats)
        self.pairs["body_numbers"].extend([position] * len(body_feats))

    def _features(self, words: list[str]) -> list[int]:
        """Distinct feature ids of a text's tokens, in order of first use (as `dict.fromkeys`
        of `features.features`): a token's repeats add nothing, so they are dropped first."""
        distinct = list(dict.fromkeys(words))
        found = list(map(self.token_features.get, distinct))
        if None in found:
            found = [ids if ids is not None else self._learn(word) for word, ids in zip(distinct, found)]
        return list(dict.fromkeys(chain.from_iterable(found)))  # type: ignore[arg-type]

    def _learn(self, word: str) -> list[int]:
        ids = self.feature_ids
        script = self.scripts.get(word[0])
        if script is None:
            script = self.scripts[word[0]] = tokens(word[0])[0][0]
        known = self.token_features[word] = [ids.setdefault(feature, len(ids))
                                             for feature in word_features(script, word)]
        return known

    def _unseen(self, words: list[str]) -> list[str]:
        """The words not met in a phrase before, in order: only they can add to the vocabulary."""
        new = set(words) - self.vocabulary_tokens
        if not new:
            return []
        self.vocabulary_tokens |= new
        return sorted(new, key=words.index)

    def _add_signature(self, position: int, signature: str) -> None:
        text = normalize(signature)
        if not text:
            return
        index = len(self.signatures)
        self.signatures.append((position, text, signature))
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

    def _add_vocabulary(self, words: list[str]) -> None:
        """Known words for typo correction: the words of spaced scripts, and their parts."""
        for script, token in tokens(" ".join(words)):
            if script not in SPACED_SCRIPTS:
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
        tables = {"features": list(self.feature_ids), "langs": self.langs, "codes": dict(self.codes),
                  "statuses": dict(self.statuses), "signatures": self.signatures,
                  "signatures_by_word": dict(self.signatures_by_word), "patterns": self.patterns,
                  "patterns_by_anchor": dict(self.patterns_by_anchor),
                  "unanchored_patterns": self.unanchored_patterns,
                  "vocabulary": [[first, length, words] for (first, length), words in self.vocabulary_by_key.items()]}
        return tables, self._arrays()

    def _arrays(self) -> dict[str, Ints]:
        size = len(self.feature_ids)
        phrase = {name: np.frombuffer(values, dtype=np.int32) for name, values in self.phrases.items()}
        pairs = {name: np.frombuffer(values, dtype=np.int32) for name, values in self.pairs.items()}
        lengths = phrase["length"].astype(np.int64)
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        arrays: dict[str, Ints] = {
            "phrase_entry": phrase["entry"].copy(), "phrase_kind": phrase["kind"].astype(np.int8),
            "phrase_lang": phrase["lang"].astype(np.int8), "phrase_ordinal": phrase["ordinal"].copy(),
            "phrase_starts": starts, "phrase_features": phrase["features"].copy()}
        for name, features, numbers in (
                ("phrase_postings", phrase["features"], np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)),
                ("entry_postings", pairs["entry_features"], pairs["entry_numbers"]),
                ("body_postings", pairs["body_features"], pairs["body_numbers"])):
            arrays[f"{name}_starts"], arrays[name] = Postings.arrays(features, numbers, size)
        frequency = np.diff(arrays["entry_postings_starts"]) + np.diff(arrays["body_postings_starts"])
        total = max(len(self.entries), 1)
        # math.log per distinct count, not np.log per feature: the same weights to the last bit
        logs = np.array([math.log((total + 1) / (count + 0.5)) for count in range(int(frequency.max(initial=0)) + 1)])
        unigram = np.fromiter((feature[1:2] == UNIGRAM for feature in self.feature_ids), dtype=bool, count=size)
        idf = logs[frequency] * np.where(unigram, UNIGRAM_FACTOR, 1.0)
        arrays["idf"] = idf
        arrays["document_frequency"] = frequency.astype(np.int32)
        arrays["phrase_weight"] = _sequential_sums(idf[phrase["features"]], starts[:-1], lengths)
        return arrays


def index_key(entries: list[dict[str, Any]]) -> str:
    """What the index is made of: the entries, and the code that turns their text into features
    (a change to a stop word list or a stemmer makes a new index, never a stale one)."""
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for source in _PIPELINE_SOURCES:
        digest.update(source.read_bytes())
    digest.update(json.dumps(entries, sort_keys=True, ensure_ascii=False, default=str).encode())
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
        self.max_idf = math.log((total + 1) / 0.5)
        self.common_cutoff = min(max(3, int(total * 0.3)), COMMON_CUTOFF_MAX)
        folder = cache_dir / f"index-{index_key(entries)}" if cache_dir is not None else None
        state = _load(folder) if folder is not None else None
        if state is None:
            state = _Build(entries).state()
            if folder is not None and _save(folder, state):
                state = _load(folder) or state  # mapped: the pages are shared with other workers
        self._adopt(*state)

    def _adopt(self, tables: dict[str, Any], arrays: dict[str, Ints]) -> None:
        self.feature_ids: dict[str, int] = {feature: number for number, feature in enumerate(tables["features"])}
        self.langs: list[str] = tables["langs"]
        self.codes: dict[str, list[int]] = tables["codes"]
        self.statuses: dict[int, list[int]] = {int(status): numbers for status, numbers in tables["statuses"].items()}
        self.signatures = [Signature(*signature) for signature in tables["signatures"]]
        self.signatures_by_word: dict[str, list[int]] = tables["signatures_by_word"]
        self.patterns = [Pattern(entry, re.compile(original, re.IGNORECASE), original)
                         for entry, original in tables["patterns"]]
        self.patterns_by_anchor: dict[str, list[int]] = tables["patterns_by_anchor"]
        self.unanchored_patterns: list[int] = tables["unanchored_patterns"]
        self.vocabulary_by_key: dict[tuple[str, int], list[str]] = {
            (first, length): words for first, length, words in tables["vocabulary"]}
        self.vocabulary = {word for words in self.vocabulary_by_key.values() for word in words}
        views = {name: values.data for name, values in arrays.items()}
        self.phrase_entry = views["phrase_entry"]
        self.phrase_kind = views["phrase_kind"]
        self.phrase_lang = views["phrase_lang"]
        self.phrase_ordinal = views["phrase_ordinal"]
        self.phrase_starts = views["phrase_starts"]
        self.phrase_features = views["phrase_features"]
        self.phrase_weight = views["phrase_weight"]
        self.idf = views["idf"]
        self.document_frequency = views["document_frequency"]
        self.postings = Postings(arrays["phrase_postings_starts"], arrays["phrase_postings"])
        self.entry_postings = Postings(arrays["entry_postings_starts"], arrays["entry_postings"])
        self.body_postings = Postings(arrays["body_postings_starts"], arrays["body_postings"])

    def feature_id(self, feature: str) -> int:
        return self.feature_ids.get(feature, NO_FEATURE)

    def frequency(self, feature: int) -> int:
        """How many entries use the feature (by id) in a phrase or in their prose."""
        return self.document_frequency[feature] if feature >= 0 else 0

    def weight(self, feature: str) -> float:
        """IDF of a feature; one the knowledge never uses weighs as much as the rarest."""
        number = self.feature_ids.get(feature)
        return self.idf[number] if number is not None else self.max_idf * _feature_factor(feature)

    def phrase_count(self) -> int:
        return len(self.phrase_entry)

    def features_of_phrase(self, number: int) -> Sequence[int]:
        return self.phrase_features[self.phrase_starts[number]:self.phrase_starts[number + 1]]

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
                      positions: Iterable[int]) -> dict[int, list[float]]:
        """For each entry, what each feature of `common` adds to it, in the order of `common`: the
        feature's weight if a phrase of the entry uses it, `body_share` of it if only its prose does.
        Binary searches in the postings, their bounds found once for all entries."""
        entry_numbers, body_numbers = self.entry_postings.numbers, self.body_postings.numbers
        entry_starts, body_starts = self.entry_postings.starts, self.body_postings.starts
        bounds = [(weight, weight * body_share, entry_starts[feature], entry_starts[feature + 1],
                   body_starts[feature], body_starts[feature + 1]) for feature, weight in common.items()]
        shares = {}
        for position in positions:
            found = []
            for weight, in_body, entry_low, entry_high, body_low, body_high in bounds:
                slot = bisect_left(entry_numbers, position, entry_low, entry_high)
                if slot < entry_high and entry_numbers[slot] == position:
                    found.append(weight)
                    continue
                slot = bisect_left(body_numbers, position, body_low, body_high)
                if slot < body_high and body_numbers[slot] == position:
                    found.append(in_body)
            shares[position] = found
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
        best = process.extractOne(word, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=allowed)
        if best is None:
            return None
        known = best[0]
        if allowed == 1 and len(word) < 7 and len(known) == len(word) and sorted(known) != sorted(word):
            return None
        return known


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


def _feature_factor(feature: str) -> float:
    """Single CJK characters say less than bigrams or words: they count at a discount."""
    return UNIGRAM_FACTOR if feature[1:2] == UNIGRAM else 1.0

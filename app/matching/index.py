"""The search structures built once from the entries: code and status maps, a signature
index, an inverted index of text features with IDF weights, and a typo vocabulary.

Everything a query needs is looked up here, so matching scores a few candidates
instead of every phrase of every entry.
"""
from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from collections.abc import MutableSequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from app.matching.features import features, tokens
from app.matching.languages import SPACED_SCRIPTS, UNIGRAM
from app.matching.normalize import normalize

UNIGRAM_FACTOR = 0.35
# Features shared by more entries than this are too common to find candidates with.
COMMON_CUTOFF_MAX = 300
_LITERAL_RUN = re.compile(r"[a-z0-9_]{4,}|[а-яё]{4,}")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A title, alias or signature of one entry, as its distinct features."""

    entry: int
    kind: str
    lang: str
    text: str
    features: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    entry: int
    text: str
    original: str


@dataclass(frozen=True)
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


class KnowledgeIndex:
    """Immutable lookup structures over a list of entry dicts."""

    def __init__(self, entries: list[dict[str, Any]]):
        self.entries = entries
        self.ids = [entry["id"] for entry in entries]
        self.by_id = {entry["id"]: entry for entry in entries}
        self.codes: dict[str, list[int]] = defaultdict(list)
        self.statuses: dict[int, list[int]] = defaultdict(list)
        self.signatures: list[Signature] = []
        self.signatures_by_word: dict[str, list[int]] = defaultdict(list)
        self.patterns: list[Pattern] = []
        self.patterns_by_anchor: dict[str, list[int]] = defaultdict(list)
        self.unanchored_patterns: list[int] = []
        self.phrases: list[Phrase] = []
        self.postings: dict[str, MutableSequence[int]] = defaultdict(list)
        self.entry_features: list[frozenset[str]] = []
        self.entry_body_features: list[frozenset[str]] = []
        self.entry_postings: dict[str, MutableSequence[int]] = defaultdict(list)
        self.body_postings: dict[str, MutableSequence[int]] = defaultdict(list)
        self._strings: dict[str, str] = {}
        self.vocabulary: set[str] = set()
        self.vocabulary_by_key: dict[tuple[str, int], list[str]] = defaultdict(list)
        for position, entry in enumerate(entries):
            self._add_entry(position, entry)
        self._weigh()

    def _add_entry(self, position: int, entry: dict[str, Any]) -> None:
        for code in entry.get("error_codes", []):
            self.codes[code].append(position)
        for status in entry.get("http_statuses", []):
            self.statuses[status].append(position)
        for signature in entry.get("signatures", []):
            self._add_signature(position, signature)
        for pattern in entry.get("patterns", []):
            self._add_pattern(position, pattern)
        texts = [("title", lang, text["title"]) for lang, text in entry["content"].items()]
        texts += [("alias", lang, alias) for lang, aliases in entry.get("aliases", {}).items() for alias in aliases]
        texts += [("signature", "en", signature) for signature in entry.get("signatures", [])]
        union: set[str] = set()
        for kind, lang, text in texts:
            normalised = normalize(text)
            feats = tuple(self._intern(feature) for feature in dict.fromkeys(features(normalised)))
            if not feats:
                continue
            self._add_vocabulary(normalised)
            self.phrases.append(Phrase(position, kind, lang, text, feats))
            union.update(feats)
        self.entry_features.append(frozenset(union))
        body = " ".join([text["cause"] + " " + text["steps"] for text in entry["content"].values()]
                        + [d for command in entry.get("commands", []) for d in command["description"].values()])
        self.entry_body_features.append(frozenset(self._intern(f) for f in features(normalize(body))) - union)

    def _intern(self, feature: str) -> str:
        """One string object per distinct feature: at 100x knowledge this halves the index."""
        return self._strings.setdefault(feature, feature)

    def _add_signature(self, position: int, signature: str) -> None:
        text = normalize(signature)
        if not text:
            return
        index = len(self.signatures)
        self.signatures.append(Signature(position, text, signature))
        words = [token for _, token in tokens(text)]
        key = max(words, key=len) if words else text
        self.signatures_by_word[key].append(index)

    def _add_pattern(self, position: int, pattern: str) -> None:
        index = len(self.patterns)
        anchors = _pattern_anchors(pattern)
        self.patterns.append(Pattern(position, re.compile(pattern, re.IGNORECASE), pattern))
        if anchors:
            for anchor in anchors:
                self.patterns_by_anchor[anchor].append(index)
        else:
            self.unanchored_patterns.append(index)

    def _add_vocabulary(self, text: str) -> None:
        for script, token in tokens(text):
            if script not in SPACED_SCRIPTS:
                continue
            if len(token) >= 8 and not token.isalpha() and token not in self.vocabulary:
                self.vocabulary.add(token)
                self.vocabulary_by_key[(token[0], len(token))].append(token)
            for part in re.split(r"[._\-/']", token):
                if len(part) >= 4 and part.isalpha() and part not in self.vocabulary:
                    self.vocabulary.add(part)
                    self.vocabulary_by_key[(part[0], len(part))].append(part)

    def _weigh(self) -> None:
        document_frequency: dict[str, int] = defaultdict(int)
        for position, (feats, body) in enumerate(zip(self.entry_features, self.entry_body_features)):
            for feature in feats | body:
                document_frequency[feature] += 1
            for feature in feats:
                self.entry_postings[feature].append(position)
            for feature in body:
                self.body_postings[feature].append(position)
        total = max(len(self.entries), 1)
        self.idf = {feature: math.log((total + 1) / (count + 0.5)) * _feature_factor(feature)
                    for feature, count in document_frequency.items()}
        self.max_idf = math.log((total + 1) / 0.5)
        self.common_cutoff = min(max(3, int(total * 0.3)), COMMON_CUTOFF_MAX)
        self.document_frequency = dict(document_frequency)
        for index, phrase in enumerate(self.phrases):
            for feature in phrase.features:
                self.postings[feature].append(index)
        self.phrase_weight = array("d", (sum(self.idf[f] for f in phrase.features) for phrase in self.phrases))
        for postings in (self.postings, self.entry_postings, self.body_postings):
            for feature, numbers in postings.items():
                postings[feature] = array("i", numbers)
        self._strings.clear()

    def weight(self, feature: str) -> float:
        """IDF of a feature; one the knowledge never uses weighs as much as the rarest."""
        return self.idf.get(feature) or self.max_idf * _feature_factor(feature)

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


def _feature_factor(feature: str) -> float:
    """Single CJK characters say less than bigrams or words: they count at a discount."""
    return UNIGRAM_FACTOR if feature[1:2] == UNIGRAM else 1.0

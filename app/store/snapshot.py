"""The one place that reads knowledge for the web layers: rows to plain dicts, and the matcher.

API and chat views call these functions; they never query entry tables themselves.
"""
from __future__ import annotations

import gc
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.matching.matcher import Matcher
from app.matching.scoring import ScoringParams
from app.matching.semantic import SemanticIndex, default_encoder
from app.store.loader import entry_to_dict, read_entries, stored_fingerprint
from app.store.models import Entry, EntryAlias, EntryErrorCode, EntryHttpStatus, EntryText

_OPTIONS = (selectinload(Entry.texts), selectinload(Entry.aliases), selectinload(Entry.commands),
            selectinload(Entry.sources), selectinload(Entry.error_codes), selectinload(Entry.http_statuses))


def get_entry(entry_id: str) -> dict | None:
    row = db.session.scalars(select(Entry).options(*_OPTIONS).where(Entry.id == entry_id)).first()
    return entry_to_dict(row) if row else None


@dataclass
class EntryFilter:
    """Filters of the entry list; all optional and combined with AND."""

    family: str | None = None
    code: str | None = None
    status: int | None = None
    lang: str | None = None
    q: str | None = None


def list_entries(filters: EntryFilter, offset: int, limit: int) -> tuple[list[dict], int]:
    """A page of entries in id order (stable across pages) and the total that match."""
    query = select(Entry.id)
    if filters.family:
        query = query.where(Entry.family == filters.family)
    if filters.code:
        query = query.where(Entry.id.in_(select(EntryErrorCode.entry_id).where(EntryErrorCode.code == filters.code)))
    if filters.status is not None:
        query = query.where(Entry.id.in_(
            select(EntryHttpStatus.entry_id).where(EntryHttpStatus.status == filters.status)))
    if filters.lang:
        query = query.where(Entry.id.in_(select(EntryText.entry_id).where(EntryText.lang == filters.lang)))
    if filters.q:
        text = filters.q.lower()
        query = query.where(or_(
            func.lower(Entry.id).contains(text, autoescape=True),
            Entry.id.in_(select(EntryText.entry_id).where(func.lower(EntryText.title).contains(text, autoescape=True))),
            Entry.id.in_(select(EntryAlias.entry_id).where(func.lower(EntryAlias.text).contains(text, autoescape=True))),
        ))
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ids = list(db.session.scalars(query.order_by(Entry.id).offset(offset).limit(limit)))
    rows = db.session.scalars(select(Entry).options(*_OPTIONS).where(Entry.id.in_(ids)).order_by(Entry.id))
    return [entry_to_dict(row) for row in rows], total


def entries_answering(code: str | None = None, status: int | None = None) -> list[dict]:
    """Entries that answer an ERR code or an HTTP status, in id order."""
    filters = EntryFilter(code=code, status=status)
    entries, _ = list_entries(filters, 0, 1000)
    return entries


class _MatcherCache:
    """One matcher per process, rebuilt when another process (or `kb load`) changed the knowledge.

    The fingerprint check is a single-row read, done at most every KNOWLEDGE_RELOAD_SECONDS.
    The index is immutable once built, so it is frozen out of the garbage collector's scans.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.matcher: Matcher | None = None
        self.fingerprint: str | None = None
        self.checked_at = 0.0

    def get(self) -> Matcher:
        config = current_app.config
        now = time.monotonic()
        if self.matcher is not None and now - self.checked_at < config["KNOWLEDGE_RELOAD_SECONDS"]:
            return self.matcher
        with self.lock:
            session = db.session()
            fingerprint = stored_fingerprint(session)
            if self.matcher is None or fingerprint != self.fingerprint:
                self.matcher = Matcher(read_entries(session), params=ScoringParams.load(config["MATCH_PARAMS"]),
                                       encoder=default_encoder() if config["MATCH_SEMANTIC"] else None,
                                       cache_dir=Path(config["SEMANTIC_CACHE_DIR"]),
                                       max_query_chars=config["MATCH_MAX_QUERY_CHARS"])
                self.fingerprint = fingerprint
                gc.freeze()
            self.checked_at = now
            return self.matcher


def current_matcher() -> Matcher:
    """The matcher for the knowledge currently in this app's database."""
    cache = current_app.extensions.setdefault("matcher_cache", _MatcherCache())
    return cache.get()


def warm_semantic_cache(app: Flask) -> int | None:
    """Encode the loaded knowledge's titles, causes and aliases into the cache file now (it takes
    seconds), so workers load vectors instead of encoding them. The number of texts, or None
    when the semantic layer is switched off."""
    config = app.config
    if not config["MATCH_SEMANTIC"]:
        return None
    with app.app_context():
        entries = read_entries(db.session())
        db.session.remove()
    return len(SemanticIndex(entries, default_encoder(), Path(config["SEMANTIC_CACHE_DIR"])).texts)

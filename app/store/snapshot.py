"""The knowledge as served: one immutable in-memory snapshot per process, swapped whole.

Every read of knowledge while serving (entry pages, lists, lookups, chat cards, API answers)
comes from the snapshot the matcher was built from; the database is read only when the
knowledge fingerprint changes. A change is picked up by building the next snapshot on a
background thread while requests keep using the current one, then swapping the reference:
no request waits for a rebuild (only the very first build of a process, which gunicorn
does before the worker takes traffic, see gunicorn.conf.py).
"""
from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.database import configure_sqlite
from app.extensions import db
from app.knowledge.articles import parse_article
from app.matching.index import KnowledgeIndex
from app.matching.matcher import Matcher
from app.matching.neighbours import TOPICS, Topic
from app.matching.scoring import ScoringParams
from app.matching.semantic import SemanticIndex, default_encoder
from app.observability.metrics import observe_knowledge
from app.store.loader import read_entries, read_out_of_scope, stored_fingerprint

log = logging.getLogger(__name__)

SETTLE_POLL_SECONDS = 0.02
BUILD_SWITCH_INTERVAL_SECONDS = 0.0005
SourceTitles = Mapping[str, tuple[str, Mapping[str, str]]]
"""Source article file name -> (article title, section heading by anchor)."""


@dataclass(frozen=True)
class Snapshot:
    """One version of the knowledge, with everything serving needs already computed."""

    fingerprint: str | None
    matcher: Matcher
    entries: tuple[dict, ...]
    source_titles: SourceTitles
    build_seconds: float
    out_of_scope: Mapping[str, Topic] = field(default_factory=dict)
    """Paste fingerprint (the query log's) -> the neighbouring topic a curator decided it is about."""
    by_id: Mapping[str, dict] = field(init=False)
    answer_views: dict[tuple[str, str | None], dict] = field(init=False, repr=False, compare=False)
    """(entry id, language asked for) -> the entry as an answer shows it, made on first use
    (app/answers.py) and shared, read-only, by every answer of this snapshot."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {entry["id"]: entry for entry in self.entries})
        object.__setattr__(self, "answer_views", {})


def build_snapshot(app: Flask, session: Session) -> Snapshot:
    """Read the knowledge and build the matcher (seconds at 100x: never inside a request)."""
    config = app.config
    started = time.perf_counter()
    fingerprint = stored_fingerprint(session)
    entries = read_entries(session)
    matcher = Matcher(entries, params=ScoringParams.load(config["MATCH_PARAMS"]),
                      encoder=default_encoder() if config["MATCH_SEMANTIC"] else None,
                      cache_dir=Path(config["SEMANTIC_CACHE_DIR"]),
                      max_query_chars=config["MATCH_MAX_QUERY_CHARS"])
    topics = {topic.id: topic for topic in TOPICS}
    out_of_scope = {decision["fingerprint"]: topics[decision["topic"]] for decision in read_out_of_scope(session)
                    if decision["topic"] in topics}
    snapshot = Snapshot(fingerprint=fingerprint, matcher=matcher, entries=tuple(entries),
                        source_titles=source_titles(config["SOURCES_DIR"]),
                        build_seconds=time.perf_counter() - started, out_of_scope=out_of_scope)
    gc.freeze()  # the snapshot is immutable: keep it out of the garbage collector's scans
    return snapshot


@lru_cache(maxsize=4)
def source_titles(directory: str) -> SourceTitles:
    """Title and section headings (by anchor) of each source article, read once per process
    when the first snapshot is built, so cards never parse articles while serving."""
    titles = {}
    for path in sorted(Path(directory).glob("*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"), path.name)
        headings: dict[str, str] = {}
        for section in article.sections:
            for anchor in (section.anchor, *section.aliases):
                headings.setdefault(anchor, section.title)
        titles[path.name] = (article.title, headings)
    return titles


def _native_thread(target: Callable[[], None]) -> None:
    """Run `target` on an OS thread. Under gevent a `threading.Thread` is a greenlet, and a
    CPU-bound build in a greenlet would stall every request of the worker until it ends;
    gevent's thread pool runs it beside the event loop instead."""
    monkey = sys.modules.get("gevent.monkey")
    if monkey is not None and monkey.is_module_patched("threading"):
        import gevent
        gevent.get_hub().threadpool.spawn(target)
    else:
        threading.Thread(target=target, name="knowledge-rebuild", daemon=True).start()


class SnapshotHolder:
    """The process's current snapshot and, at most one at a time, the next one being built.

    The fingerprint check is a one-row read, done at most every KNOWLEDGE_RELOAD_SECONDS;
    a changed fingerprint starts a background build and the request goes on with the
    current snapshot. The builder uses its own connection (the request pool is not
    shared across OS threads).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.snapshot: Snapshot | None = None
        self.checked_at = 0.0
        self.building = False
        self.last_error: str | None = None

    def get(self, app: Flask) -> Snapshot:
        snapshot = self.snapshot
        now = time.monotonic()
        if snapshot is None:
            with self.lock:  # nothing to serve yet: this one build is waited for
                if self.snapshot is None:
                    self._install(build_snapshot(app, db.session()))
                    self.checked_at = now
            assert self.snapshot is not None
            return self.snapshot
        if now - self.checked_at >= app.config["KNOWLEDGE_RELOAD_SECONDS"]:
            self.checked_at = now
            if stored_fingerprint(db.session()) != snapshot.fingerprint:
                self.rebuild_in_background(app)
        return snapshot

    def rebuild_in_background(self, app: Flask) -> bool:
        """Start building the next snapshot unless a build is already running."""
        with self.lock:
            if self.building:
                return False
            self.building = True
        _native_thread(lambda: self._rebuild(app))
        return True

    def settle(self, app: Flask, timeout: float = 60.0) -> Snapshot:
        """Check the fingerprint now and wait until the snapshot matches it (tools and tests
        that changed the knowledge and want to see the change; requests never call this)."""
        deadline = time.monotonic() + timeout
        with app.app_context():
            snapshot = self.get(app)
            wanted = stored_fingerprint(db.session())
        if snapshot.fingerprint != wanted:
            self.rebuild_in_background(app)
        while self.building or (self.snapshot is not None and self.snapshot.fingerprint != wanted):
            if time.monotonic() > deadline:
                raise TimeoutError(f"knowledge snapshot not rebuilt within {timeout:g} s: {self.last_error}")
            if not self.building and self.snapshot is not None and self.snapshot.fingerprint != wanted:
                self.rebuild_in_background(app)
            time.sleep(SETTLE_POLL_SECONDS)
        assert self.snapshot is not None
        return self.snapshot

    def _rebuild(self, app: Flask) -> None:
        engine = _builder_engine(app)
        interval = sys.getswitchinterval()
        # The build holds the GIL for up to the switch interval each time a request gives it up
        # for I/O; a short interval while building keeps requests from queueing behind it.
        sys.setswitchinterval(min(interval, BUILD_SWITCH_INTERVAL_SECONDS))
        try:
            with Session(engine) as session:
                self._install(build_snapshot(app, session))
            self.last_error = None
        except Exception as exc:  # the current snapshot keeps serving; the next check retries
            log.exception("knowledge rebuild failed")
            self.last_error = f"{type(exc).__name__}: {exc}"
        finally:
            sys.setswitchinterval(interval)
            engine.dispose()
            self.building = False

    def _install(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        observe_knowledge(snapshot.fingerprint, len(snapshot.entries), snapshot.build_seconds)
        log.info("knowledge snapshot %s ready: %d entries in %.2f s", snapshot.fingerprint,
                 len(snapshot.entries), snapshot.build_seconds)


def _builder_engine(app: Flask) -> Engine:
    """A connection of the builder's own, opened for one build and closed after it."""
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], poolclass=NullPool)
    configure_sqlite(engine)
    return engine


HOLDER_KEY = "knowledge_snapshot"


def holder(app: Flask | None = None) -> SnapshotHolder:
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    found = app.extensions.get(HOLDER_KEY)
    if found is None:  # asked on every request: build a holder only the first time
        found = app.extensions.setdefault(HOLDER_KEY, SnapshotHolder())
    return found


def current_snapshot() -> Snapshot:
    """The knowledge this process serves now."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    return holder(app).get(app)


def report_snapshot() -> None:
    """Publish the served snapshot in the metrics (a forked worker reports the one it inherited)."""
    snapshot = current_snapshot()
    observe_knowledge(snapshot.fingerprint, len(snapshot.entries), snapshot.build_seconds)


def current_matcher() -> Matcher:
    return current_snapshot().matcher


def get_entry(entry_id: str) -> dict | None:
    return current_snapshot().by_id.get(entry_id)


@dataclass
class EntryFilter:
    """Filters of the entry list; all optional and combined with AND."""

    family: str | None = None
    code: str | None = None
    status: int | None = None
    lang: str | None = None
    q: str | None = None

    def accepts(self, entry: dict[str, Any]) -> bool:
        if self.family and entry["family"] != self.family:
            return False
        if self.code and self.code not in entry["error_codes"]:
            return False
        if self.status is not None and self.status not in entry["http_statuses"]:
            return False
        if self.lang and self.lang not in entry["content"]:
            return False
        if self.q:
            text = self.q.lower()
            haystack = [entry["id"], *(content["title"] for content in entry["content"].values()),
                        *(alias for aliases in entry["aliases"].values() for alias in aliases)]
            return any(text in part.lower() for part in haystack)
        return True


def list_entries(filters: EntryFilter, offset: int, limit: int) -> tuple[list[dict], int]:
    """A page of entries in id order (stable across pages) and the total that match."""
    found = [entry for entry in current_snapshot().entries if filters.accepts(entry)]
    return found[offset:offset + limit], len(found)


def entries_answering(code: str | None = None, status: int | None = None) -> list[dict]:
    """Entries that answer an ERR code or an HTTP status, in id order."""
    filters = EntryFilter(code=code, status=status)
    return [entry for entry in current_snapshot().entries if filters.accepts(entry)]


def warm_caches(app: Flask) -> tuple[float, int | None]:
    """Build the loaded knowledge's index and encode its titles, causes and aliases into the cache
    folder now (at 100x knowledge this takes tens of seconds), so serving processes map the
    files instead of building. Seconds spent on the index, and the number of encoded texts (None
    when the semantic layer is switched off)."""
    config = app.config
    cache_dir = Path(config["SEMANTIC_CACHE_DIR"])
    with app.app_context():
        entries = read_entries(db.session())
        db.session.remove()
    started = time.monotonic()
    KnowledgeIndex(entries, cache_dir)
    index_seconds = time.monotonic() - started
    if not config["MATCH_SEMANTIC"]:
        return index_seconds, None
    return index_seconds, len(SemanticIndex(entries, default_encoder(), cache_dir).texts)

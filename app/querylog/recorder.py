"""Writing the query log off the request's path: rows are buffered in memory and written in
batches by a background writer, so a match costs no database round trip.

Guarantee (documented in the README): a row is written within QUERY_LOG_FLUSH_SECONDS of its
match, and on shutdown; when the buffer is full (the database is down or far too slow) new
rows are counted and dropped, because the answer matters more than its log line. A process
that crashes loses what it had not flushed. Feedback is different: acknowledged means
committed (app/feedback/recorder.py).

Nothing of the paste reaches the buffer before `redact` has run over it: the fingerprint is
taken from the redacted text too, so it cannot be used to confirm a guess.
"""
from __future__ import annotations

import atexit
import datetime as dt
import logging
import os
import threading
import time
from collections import deque
from typing import Any

from flask import Flask, current_app
from sqlalchemy import insert

from app.extensions import db
from app.observability.metrics import observe_query_log
from app.privacy import redact
from app.querylog.fingerprint import fingerprint
from app.querylog.ids import uuid7, uuid7_millis
from app.querylog.models import QueryLogRecord

log = logging.getLogger(__name__)


def stored_text(redacted: str) -> str | None:
    """The redacted text, cut to QUERY_LOG_TEXT_MAX_CHARS, or None when the log keeps no text."""
    config = current_app.config
    if not config["QUERY_LOG_STORE_TEXT"]:
        return None
    return redacted[:config["QUERY_LOG_TEXT_MAX_CHARS"]]


class QueryLogWriter:
    """One per process: a bounded buffer and the thread (a greenlet under gevent) that empties it.

    Created lazily by the first match of a process, so a forked worker never inherits its
    parent's writer.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.pid = os.getpid()
        self.capacity: int = app.config["QUERY_LOG_BUFFER_SIZE"]
        self.batch_size: int = app.config["QUERY_LOG_BATCH_SIZE"]
        self.interval: float = app.config["QUERY_LOG_FLUSH_SECONDS"]
        self.rows: deque[dict[str, Any]] = deque()
        self.pending_ids: set[str] = set()
        self.lock = threading.Lock()
        self.flush_lock = threading.Lock()
        self.wake = threading.Event()
        self.stopping = False
        self.written = 0
        self.dropped = 0
        self.failures = 0
        self.thread = threading.Thread(target=self._run, name="query-log-writer", daemon=True)
        self.thread.start()
        atexit.register(self.close)

    def add(self, row: dict[str, Any]) -> bool:
        """Queue a row; False (and counted) when the buffer is full."""
        with self.lock:
            if len(self.rows) >= self.capacity:
                self.dropped += 1
                observe_query_log(len(self.rows), 0, 1)
                return False
            self.rows.append(row)
            self.pending_ids.add(row["id"])
            full_batch = len(self.rows) >= self.batch_size
        if full_batch:
            self.wake.set()
        return True

    @property
    def depth(self) -> int:
        return len(self.rows)

    def is_pending(self, match_id: str) -> bool:
        return match_id in self.pending_ids

    def flush(self) -> int:
        """Write everything buffered now; returns the number of rows written."""
        total = 0
        with self.flush_lock:
            while True:
                with self.lock:
                    batch = [self.rows.popleft() for _ in range(min(self.batch_size, len(self.rows)))]
                if not batch:
                    return total
                try:
                    with self.app.app_context(), db.engine.begin() as connection:
                        connection.execute(insert(QueryLogRecord), batch)
                except Exception:
                    self.failures += 1
                    log.exception("query log: %d rows could not be written; they are put back", len(batch))
                    with self.lock:
                        room = self.capacity - len(self.rows)
                        self.rows.extendleft(reversed(batch[:room]))
                        lost = batch[room:]
                        self.dropped += len(lost)
                        observe_query_log(len(self.rows), 0, len(lost))
                        self.pending_ids.difference_update(row["id"] for row in lost)
                    return total
                with self.lock:
                    self.pending_ids.difference_update(row["id"] for row in batch)
                self.written += len(batch)
                observe_query_log(len(self.rows), len(batch), 0)
                total += len(batch)

    def _run(self) -> None:
        while not self.stopping:
            self.wake.wait(self.interval)
            self.wake.clear()
            if self.rows:
                self.flush()

    def close(self) -> None:
        """Stop the loop and write what is left (atexit, and gunicorn's worker_exit hook)."""
        self.stopping = True
        self.wake.set()
        if os.getpid() == self.pid:
            self.flush()


def writer(app: Flask | None = None) -> QueryLogWriter:
    """This process's writer, started on first use (again in a forked child)."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    current = app.extensions.get("querylog_writer")
    if current is None or current.pid != os.getpid():
        with _CREATE_LOCK:
            current = app.extensions.get("querylog_writer")
            if current is None or current.pid != os.getpid():
                current = app.extensions["querylog_writer"] = QueryLogWriter(app)
    return current


_CREATE_LOCK = threading.Lock()


def _running_writer(app: Flask | None = None) -> QueryLogWriter | None:
    """This process's writer if it has one; None where nothing was logged yet (no thread is started)."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    current = app.extensions.get("querylog_writer")
    return current if current is not None and current.pid == os.getpid() else None


def flush(app: Flask | None = None) -> int:
    """Write this process's buffered rows now (tests, feedback on a fresh match, shutdown)."""
    current = _running_writer(app)
    return current.flush() if current is not None else 0


def redacted_paste(query: str) -> tuple[str, str]:
    """The paste as the log keeps it: its redacted text and the fingerprint of its group."""
    redacted = redact(query)
    return redacted, fingerprint(redacted)


def log_match(query: str, result, latency_ms: float, channel: str, paste: tuple[str, str] | None = None) -> str:
    """Queue one match for the log and return its public id (the `match_id` feedback refers to).
    `paste` is `redacted_paste(query)` when the caller already has it (redacting is not free)."""
    redacted, paste_fingerprint = paste or redacted_paste(query)
    match_id = uuid7()
    writer().add({
        "id": match_id,
        "created_at": dt.datetime.now(dt.UTC),
        "channel": channel,
        "fingerprint": paste_fingerprint,
        "query_text": stored_text(redacted),
        "query_lang": result.query_lang,
        "codes": list(result.codes),
        "http_statuses": list(result.http_statuses),
        "top_ids": [m.id for m in result.matches],
        "top_scores": [m.score for m in result.matches],
        # Given here, so the model's column defaults (a Python call per row) do not run in the writer.
        "top_id": result.matches[0].id if result.matches else None,
        "top_score": result.matches[0].score if result.matches else None,
        "no_match": not result.matches,
        "ambiguous": result.ambiguous,
        "truncated": result.truncated,
        "latency_ms": round(latency_ms, 3),
    })
    return match_id


def wait_until_written(match_id: str, grace_seconds: float) -> bool:
    """True once the row of `match_id` is in the database. A row still in this process's buffer
    is flushed now; one made by another worker moments ago is waited for (at most
    `grace_seconds`, it is written within one flush interval)."""
    current = _running_writer()
    if current is not None and current.is_pending(match_id):
        current.flush()
    deadline = time.monotonic() + grace_seconds
    while True:
        if db.session.get(QueryLogRecord, match_id) is not None:
            return True
        made = uuid7_millis(match_id)
        recent = made is not None and time.time() * 1000 - made < grace_seconds * 1000
        if not recent or time.monotonic() >= deadline:
            return False
        db.session.rollback()  # a fresh snapshot for the next look
        time.sleep(current_app.config["QUERY_LOG_FLUSH_SECONDS"] / 2)

"""Writing the query log: a fingerprint always, the redacted text when config allows.

Nothing of the paste reaches the database before `redact` has run over it: the
fingerprint is taken from the redacted text too, so it cannot be used to confirm a guess.
"""
from __future__ import annotations

import uuid

from flask import current_app

from app.extensions import db
from app.privacy import redact
from app.querylog.fingerprint import fingerprint
from app.querylog.models import QueryLogRecord


def stored_text(redacted: str) -> str | None:
    """The redacted text, cut to QUERY_LOG_TEXT_MAX_CHARS, or None when the log keeps no text."""
    config = current_app.config
    if not config["QUERY_LOG_STORE_TEXT"]:
        return None
    return redacted[:config["QUERY_LOG_TEXT_MAX_CHARS"]]


def log_match(query: str, result, latency_ms: float, channel: str) -> str:
    """Store one match and return its public id (the `match_id` feedback refers to)."""
    redacted = redact(query)
    record = QueryLogRecord(
        id=str(uuid.uuid4()),
        channel=channel,
        fingerprint=fingerprint(redacted),
        query_text=stored_text(redacted),
        query_lang=result.query_lang,
        codes=list(result.codes),
        http_statuses=list(result.http_statuses),
        top_ids=[m.id for m in result.matches],
        top_scores=[m.score for m in result.matches],
        no_match=not result.matches,
        ambiguous=result.ambiguous,
        truncated=result.truncated,
        latency_ms=round(latency_ms, 3),
    )
    db.session.add(record)
    db.session.commit()
    return record.id

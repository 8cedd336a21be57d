"""Writing the query log: a fingerprint always, the redacted text when config allows."""
from __future__ import annotations

import hashlib
import uuid

from flask import current_app

from app.extensions import db
from app.matching.normalize import normalize
from app.querylog.models import QueryLogRecord
from app.querylog.redact import redact


def query_fingerprint(query: str) -> str:
    """Same problem pasted twice (different timestamps, request ids) → same fingerprint."""
    return hashlib.sha256(normalize(redact(query)).encode("utf-8")).hexdigest()


def log_match(query: str, result, latency_ms: float, channel: str) -> str:
    """Store one match and return its public id (the `match_id` feedback refers to)."""
    record = QueryLogRecord(
        id=str(uuid.uuid4()),
        channel=channel,
        fingerprint=query_fingerprint(query),
        query_text=redact(query) if current_app.config["QUERY_LOG_STORE_TEXT"] else None,
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

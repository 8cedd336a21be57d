"""Storing feedback: committed before the caller acknowledges it."""
from __future__ import annotations

from app.extensions import db
from app.feedback.models import Feedback
from app.privacy import redact
from app.querylog.models import QueryLogRecord
from app.store.models import Entry


def match_exists(match_id: str) -> bool:
    return db.session.get(QueryLogRecord, match_id) is not None


def entry_exists(entry_id: str) -> bool:
    return db.session.get(Entry, entry_id) is not None


def record_feedback(*, helpful: bool, match_id: str | None = None, entry_id: str | None = None,
                    reason: str | None = None, comment: str | None = None, channel: str = "api") -> Feedback:
    """Insert and commit one feedback row; an exception means nothing was acknowledged.

    Comments are free text where people paste logs too, so they are redacted like queries.
    """
    row = Feedback(match_id=match_id, entry_id=entry_id, helpful=helpful, reason=reason,
                   comment=redact(comment) if comment else None, channel=channel)
    db.session.add(row)
    db.session.commit()
    return row

"""Deleting old query-log rows, conversations (and expired API conversations) and feedback text, in batches so no lock is held long.

Feedback rows themselves stay (they are the helpful counts of the entry report); only their
free text is cleared, and their link to a deleted query-log row is set to NULL by the database
(ON DELETE SET NULL), as are chat messages' links.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from app.conversations.models import Conversation
from app.feedback.models import Feedback
from app.querylog.models import QueryLogRecord

BATCH = 2_000
"""Rows deleted per transaction."""


@dataclass
class PurgeReport:
    query_log: int = 0
    conversations: int = 0
    feedback_texts: int = 0

    def __str__(self) -> str:
        return (f"{self.query_log} query-log rows, {self.conversations} conversations and "
                f"{self.feedback_texts} feedback comments deleted")


def purge(session: Session, days: int, now: dt.datetime | None = None) -> PurgeReport:
    """Delete what is older than `days` days, and bots' conversations whose id has expired (they
    are refused already; nothing can read them again); each batch commits on its own."""
    if days < 1:
        raise ValueError("days must be at least 1")
    now = now or dt.datetime.now(dt.UTC)
    cutoff = now - dt.timedelta(days=days)
    report = PurgeReport()
    report.conversations = _delete_batches(session, Conversation, Conversation.id,
                                           or_(Conversation.updated_at < cutoff, Conversation.expires_at < now))
    report.query_log = _delete_batches(session, QueryLogRecord, QueryLogRecord.id, QueryLogRecord.created_at < cutoff)
    while True:
        ids = list(session.scalars(select(Feedback.id).where(Feedback.created_at < cutoff,
                                                             Feedback.comment.is_not(None)).limit(BATCH)))
        if not ids:
            break
        session.execute(update(Feedback).where(Feedback.id.in_(ids)).values(comment=None))
        session.commit()
        report.feedback_texts += len(ids)
    return report


def _delete_batches(session: Session, model, key, condition) -> int:
    deleted = 0
    while True:
        ids = list(session.scalars(select(key).where(condition).limit(BATCH)))
        if not ids:
            return deleted
        session.execute(delete(model).where(key.in_(ids)), execution_options={"synchronize_session": False})
        session.commit()
        deleted += len(ids)

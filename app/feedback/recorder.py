"""Storing feedback: committed before the caller acknowledges it."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.feedback.models import Feedback
from app.privacy import redact
from app.querylog.recorder import wait_until_written
from app.store.snapshot import get_entry


class FeedbackExists(Exception):
    """The chat message already has its feedback (the database's unique `message_id` said so)."""


def match_exists(match_id: str) -> bool:
    """The match was logged (its row may still be on its way from a worker's buffer: see
    `wait_until_written`)."""
    return wait_until_written(match_id, current_app.config["QUERY_LOG_FEEDBACK_GRACE_SECONDS"])


def entry_exists(entry_id: str) -> bool:
    return get_entry(entry_id) is not None


def record_feedback(*, helpful: bool, match_id: str | None = None, entry_id: str | None = None,
                    reason: str | None = None, comment: str | None = None, channel: str = "api",
                    message_id: int | None = None) -> Feedback:
    """Insert and commit one feedback row; an exception means nothing was acknowledged.

    Comments are free text where people paste logs too, so they are redacted like queries.
    `message_id` (chat feedback) is unique in the table: when another request stored
    feedback on the same message first, this one is rolled back and FeedbackExists raised.
    """
    if match_id is not None and not match_exists(match_id):
        match_id = None  # its log row was dropped (buffer full) or purged: keep the feedback
    row = Feedback(match_id=match_id, entry_id=entry_id, helpful=helpful, reason=reason,
                   comment=redact(comment) if comment else None, channel=channel, message_id=message_id)
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        if message_id is not None and db.session.scalar(
                select(Feedback.id).where(Feedback.message_id == message_id)) is not None:
            raise FeedbackExists(message_id) from None
        raise
    return row

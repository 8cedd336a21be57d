"""Feedback rows: acknowledged means committed, so nothing a user told us is lost."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base

REASONS = ("not_related", "related_but_not_helpful", "outdated", "other")


class Feedback(Base):
    """Whether an answer helped; tied to a logged match, an entry, or both.

    Feedback from the chat also names the chat message (the answer) it is about, and the
    database takes one feedback per message (unique `message_id`): two clicks that arrive
    together cannot both be stored. API feedback has no message (NULL, never a conflict).
    """

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("message_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    match_id: Mapped[str | None] = mapped_column(ForeignKey("query_log.id", ondelete="SET NULL"), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(120), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(40))
    comment: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(10), default="api")
    message_id: Mapped[int | None] = mapped_column(ForeignKey("conversation_messages.id", ondelete="SET NULL"))

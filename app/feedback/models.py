"""Feedback rows: acknowledged means committed, so nothing a user told us is lost."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base

REASONS = ("not_related", "related_but_not_helpful", "outdated", "other")


class Feedback(Base):
    """Whether an answer helped; tied to a logged match, an entry, or both."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    match_id: Mapped[str | None] = mapped_column(ForeignKey("query_log.id", ondelete="SET NULL"), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(120), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(40))
    comment: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(10), default="api")

"""One row per match request; its id is the public `match_id` that feedback refers to."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, Float, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base


class QueryLogRecord(Base):
    """What was asked (fingerprint, optionally redacted text) and what was answered."""

    __tablename__ = "query_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    channel: Mapped[str] = mapped_column(String(10), default="api")
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    query_text: Mapped[str | None] = mapped_column(Text)
    query_lang: Mapped[str | None] = mapped_column(String(2))
    codes: Mapped[list] = mapped_column(JSON, default=list)
    http_statuses: Mapped[list] = mapped_column(JSON, default=list)
    top_ids: Mapped[list] = mapped_column(JSON, default=list)
    top_scores: Mapped[list] = mapped_column(JSON, default=list)
    no_match: Mapped[bool] = mapped_column(Boolean, index=True)
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False)
    truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    latency_ms: Mapped[float] = mapped_column(Float)

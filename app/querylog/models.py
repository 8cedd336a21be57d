"""One row per match request; its id is the public `match_id` that feedback refers to."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, Float, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.database import Base


def _first(context, column: str):
    """The first item of a JSON list column of the row being inserted, or None."""
    values = context.get_current_parameters().get(column) or []
    return values[0] if values else None


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
    # The first answer and its score again, as plain columns: the desk's reports filter and
    # group on them over many rows, and reading them out of JSON on every row was their cost.
    top_id: Mapped[str | None] = mapped_column(String(120), default=lambda ctx: _first(ctx, "top_ids"))
    top_score: Mapped[float | None] = mapped_column(Float, default=lambda ctx: _first(ctx, "top_scores"))
    no_match: Mapped[bool] = mapped_column(Boolean, index=True)
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False)
    truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    latency_ms: Mapped[float] = mapped_column(Float)

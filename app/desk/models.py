"""Desk tables: staff accounts, knowledge proposals and the audit log of every change."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.conversations.models import ConversationMessage
from app.database import Base
from app.querylog.models import QueryLogRecord

ROLES = ("agent", "curator")
"""agent reads the reports; curator also changes the knowledge."""
PROPOSAL_KINDS = ("alias", "signature", "out_of_scope", "draft")
PENDING, APPLIED, REJECTED = "pending", "applied", "rejected"


class StaffUser(Base):
    """A desk account, created with `flask desk user add`; only the password's hash is kept."""

    __tablename__ = "desk_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(255))
    # Part of every session cookie: changing it (sign-out, new password) ends the account's other sessions.
    session_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Proposal(Base):
    """A change to the knowledge a curator proposed from a gap group; applied or rejected after review."""

    __tablename__ = "desk_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), default=PENDING, index=True)
    fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(120))
    lang: Mapped[str | None] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    reevaluation: Mapped[dict | None] = mapped_column(JSON)
    reviewed_by: Mapped[str | None] = mapped_column(String(80))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEvent(Base):
    """Who changed what, when, and the state before and after (kept; never purged)."""

    __tablename__ = "desk_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


# Indexes the desk's reports read through (tables owned elsewhere; created by migration 0006).
# Covering: the reports read these columns from the index alone, never the rows with their pastes.
# PostgreSQL keeps the non-key columns as INCLUDE (a json column has no btree ordering); SQLite,
# which has no INCLUDE, has them as trailing key columns (the migration makes each form).
FAILING_INDEX_COLUMNS = ("fingerprint", "channel", "query_lang", "top_id", "id")
GAP_INDEX_COLUMNS = ("no_match", "top_score", "channel", "query_lang", "top_id", "id")
PERIOD_INDEX_COLUMNS = ("no_match", "channel", "query_lang", "fingerprint", "top_score", "top_id", "id")
Index("ix_query_log_gaps", QueryLogRecord.fingerprint, QueryLogRecord.created_at,
      postgresql_include=list(GAP_INDEX_COLUMNS))
Index("ix_query_log_period", QueryLogRecord.created_at, postgresql_include=list(PERIOD_INDEX_COLUMNS))
Index("ix_query_log_failing", QueryLogRecord.created_at, QueryLogRecord.no_match, QueryLogRecord.top_score,
      postgresql_include=list(FAILING_INDEX_COLUMNS))
Index("ix_conversation_messages_match_id", ConversationMessage.match_id, ConversationMessage.conversation_id)

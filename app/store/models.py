"""Database tables of the knowledge base: one entry, its texts per language and its parts."""
from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base


class Entry(Base):
    """A troubleshooting situation, identified by its stable public catalog id."""

    __tablename__ = "entries"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    family: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    signatures: Mapped[list] = mapped_column(JSON, default=list)
    patterns: Mapped[list] = mapped_column(JSON, default=list)
    related: Mapped[list] = mapped_column(JSON, default=list)

    texts: Mapped[list[EntryText]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="EntryText.lang")
    aliases: Mapped[list[EntryAlias]] = relationship(
        back_populates="entry", cascade="all, delete-orphan",
        order_by="(EntryAlias.lang, EntryAlias.position)")
    commands: Mapped[list[EntryCommand]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="EntryCommand.position")
    sources: Mapped[list[EntrySource]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="EntrySource.position")
    error_codes: Mapped[list[EntryErrorCode]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="EntryErrorCode.code")
    http_statuses: Mapped[list[EntryHttpStatus]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="EntryHttpStatus.status")


class EntryText(Base):
    """Title, cause and remediation steps of an entry in one language."""

    __tablename__ = "entry_texts"

    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(2), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    cause: Mapped[str] = mapped_column(Text)
    steps: Mapped[str] = mapped_column(Text)
    history: Mapped[str | None] = mapped_column(Text)

    entry: Mapped[Entry] = relationship(back_populates="texts")


class EntryAlias(Base):
    """One way users describe the problem, in one language."""

    __tablename__ = "entry_aliases"
    __table_args__ = (UniqueConstraint("entry_id", "lang", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    entry: Mapped[Entry] = relationship(back_populates="aliases")


class EntryCommand(Base):
    """A CLI or SDK command with placeholders, kept structured so it never hides in prose."""

    __tablename__ = "entry_commands"
    __table_args__ = (UniqueConstraint("entry_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    tool: Mapped[str] = mapped_column(String(20))
    command: Mapped[str] = mapped_column(Text)
    description: Mapped[dict] = mapped_column(JSON)
    generation: Mapped[str] = mapped_column(String(20), server_default="general")
    source: Mapped[int | None] = mapped_column(Integer)

    entry: Mapped[Entry] = relationship(back_populates="commands")


class EntrySource(Base):
    """The article section an entry's facts come from."""

    __tablename__ = "entry_sources"
    __table_args__ = (UniqueConstraint("entry_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    doc: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(500))
    title: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[dict | None] = mapped_column(JSON)
    anchor: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(2))
    date: Mapped[str] = mapped_column(String(10))

    entry: Mapped[Entry] = relationship(back_populates="sources")


class EntryErrorCode(Base):
    """An ERR_NNNN code the entry answers; indexed for lookups by code."""

    __tablename__ = "entry_error_codes"

    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)

    entry: Mapped[Entry] = relationship(back_populates="error_codes")


class EntryHttpStatus(Base):
    """An HTTP status the entry answers; several entries may share one (424, 429)."""

    __tablename__ = "entry_http_statuses"

    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)

    entry: Mapped[Entry] = relationship(back_populates="http_statuses")


class KnowledgeState(Base):
    """Key/value facts about the loaded knowledge (its fingerprint), shared by all workers."""

    __tablename__ = "knowledge_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutOfScopeDecision(Base):
    """A curator's decision that a paste group (the query log's fingerprint) is about a
    neighbouring topic the knowledge does not cover: such a paste gets the "not covered" answer.

    Part of the knowledge (read into the snapshot, in its fingerprint, exported with the entries)."""

    __tablename__ = "knowledge_out_of_scope"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    topic: Mapped[str] = mapped_column(String(40))
    example: Mapped[str | None] = mapped_column(Text)
    """A redacted paste of the group, so a reviewer of the exported file sees what it is about."""
    note: Mapped[str | None] = mapped_column(Text)

"""Conversations of the web chat and of bots, kept server-side so they survive reloads and restarts."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base

CHANNELS = ("chat", "api")


class Conversation(Base):
    """One browser session's conversation (its id lives in the signed session cookie), or a bot's
    thread (channel `api`: its id is handed to the bot, and it expires)."""

    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                    onupdate=func.now())
    # The position the next message takes; positions are reserved from it (app/conversations/store.py).
    next_position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What the dialogue reads the next message against (app/dialogue/state.py), written with each append.
    state: Mapped[dict | None] = mapped_column(JSON)
    channel: Mapped[str] = mapped_column(String(10), default="chat", server_default="chat")
    # The API key name that created an API conversation (None: anonymous); only it may use the conversation.
    owner: Mapped[str | None] = mapped_column(String(64))
    # API conversations only: unused past this moment (naive UTC), they no longer exist for the API.
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    messages: Mapped[list[ConversationMessage]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="ConversationMessage.position")


class ConversationMessage(Base):
    """A user's paste, or the assistant's answer (match ids and language, re-rendered on display)."""

    __tablename__ = "conversation_messages"
    __table_args__ = (UniqueConstraint("conversation_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(10))
    text: Mapped[str | None] = mapped_column(Text)
    # The query log's row, written moments later by its background writer (app/querylog/recorder.py),
    # and deleted by retention before the conversation may be: an id, not a foreign key.
    match_id: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    conversation: Mapped[Conversation] = relationship(back_populates="messages")

    @property
    def answer(self) -> dict:
        """An assistant message's payload: what the matcher decided (user messages have none)."""
        if self.payload is None:
            raise ValueError(f"message {self.id} is not an answer")
        return self.payload

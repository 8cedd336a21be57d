"""Conversation rows: find, append in order, update; the chat's views decide what to store."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from app.conversations.models import Conversation, ConversationMessage
from app.extensions import db


class MessageNotFound(LookupError):
    """No assistant message with that id in this conversation (another browser's do not exist here)."""


def find_conversation(conversation_id: str | None) -> Conversation | None:
    return db.session.get(Conversation, conversation_id) if conversation_id else None


def own_message(conversation: Conversation | None, message_id: int) -> ConversationMessage:
    """An assistant message of this conversation; another browser's messages do not exist here."""
    message = db.session.get(ConversationMessage, message_id)
    if message is None or conversation is None or message.conversation_id != conversation.id \
            or message.role != "assistant":
        raise MessageNotFound(message_id)
    return message


def new_conversation() -> Conversation:
    conversation = Conversation(id=str(uuid.uuid4()))
    db.session.add(conversation)
    return conversation


def append(conversation: Conversation, **fields: Any) -> ConversationMessage:
    position = db.session.scalar(select(func.coalesce(func.max(ConversationMessage.position) + 1, 0))
                                 .where(ConversationMessage.conversation_id == conversation.id))
    message = ConversationMessage(conversation=conversation, position=position, **fields)
    db.session.add(message)
    db.session.flush()
    conversation.updated_at = func.now()
    return message


def update_payload(message: ConversationMessage, **changes: Any) -> None:
    """JSON columns change only when reassigned: build a new dict rather than mutate in place."""
    message.payload = {**message.payload, **changes}

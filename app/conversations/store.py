"""Conversation rows: find, append in order, update; the chat's views decide what to store."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, inspect, update

from app.conversations.models import Conversation, ConversationMessage
from app.extensions import db

SQL_INTEGER_MAX = 2**63 - 1
"""The largest id a client may name: SQLite's INTEGER is 64-bit (a larger Python int overflows)."""
POSTGRES_INTEGER_MAX = 2**31 - 1
"""PostgreSQL's INTEGER id columns are 32-bit: a larger id cannot exist there (and cannot be bound as one)."""


class MessageNotFound(LookupError):
    """No assistant message with that id in this conversation (another browser's do not exist here)."""


def find_conversation(conversation_id: str | None) -> Conversation | None:
    return db.session.get(Conversation, conversation_id) if conversation_id else None


def own_message(conversation: Conversation | None, message_id: int) -> ConversationMessage:
    """An assistant message of this conversation; another browser's messages do not exist here.

    An id outside what the id column can hold is not found without asking the database
    (SQLite overflows above 2**63 - 1, PostgreSQL's INTEGER above 2**31 - 1).
    """
    if conversation is None or not _storable_id(message_id):
        raise MessageNotFound(message_id)
    message = db.session.get(ConversationMessage, message_id)
    if message is None or message.conversation_id != conversation.id or message.role != "assistant":
        raise MessageNotFound(message_id)
    return message


def _storable_id(message_id: int) -> bool:
    high = POSTGRES_INTEGER_MAX if db.engine.dialect.name == "postgresql" else SQL_INTEGER_MAX
    return 1 <= message_id <= high


def new_conversation() -> Conversation:
    conversation = Conversation(id=str(uuid.uuid4()))
    db.session.add(conversation)
    return conversation


def append(conversation: Conversation, *messages: dict[str, Any]) -> list[ConversationMessage]:
    """Add messages (each a dict of ConversationMessage fields) at the end of the conversation,
    next to each other; safe when several requests of one conversation (two tabs, a double
    click) append at the same time, on SQLite and PostgreSQL.

    Positions cannot collide: each conversation counts the positions it has handed out
    (`next_position`), and a request reserves its block with one UPDATE ... RETURNING that
    runs in autocommit mode: the database serialises the reservations on the conversation
    row for the length of that one statement, and no lock is held while the client works.
    (Reading max(position) + 1 and inserting let two requests read the same maximum, and
    the unique (conversation_id, position) constraint turned the second into a 500. Locking
    the conversation row until the commit fixes that too, but holds the lock across every
    round trip of the request, which under a gevent worker, where each round trip lets other
    requests run, queued 200 simultaneous posts past the connection pool's timeout.)

    The messages of one call (a question and its answer) get consecutive positions, and a
    request that reserves later comes later. A request that fails after reserving leaves a
    gap, never a duplicate. A new conversation (not stored yet, so no other request can know
    it) starts at 0 without a reservation. The reservation commits the session's work so
    far: call it before staging anything that must commit together with the messages.
    """
    count = len(messages)
    if inspect(conversation).persistent:
        first = _reserve_positions(conversation.id, count)
    else:
        first, conversation.next_position = 0, count
    rows = [ConversationMessage(conversation=conversation, position=first + offset, **fields)
            for offset, fields in enumerate(messages)]
    db.session.add_all(rows)
    db.session.flush()
    return rows


def _reserve_positions(conversation_id: str, count: int) -> int:
    """The first of `count` consecutive positions, reserved in one autocommitted statement."""
    db.session.commit()  # isolation levels change only between transactions
    connection = db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    after = connection.execute(
        update(Conversation).where(Conversation.id == conversation_id)
        .values(next_position=Conversation.next_position + count, updated_at=func.now())
        .returning(Conversation.next_position)).scalar_one()
    db.session.commit()  # the connection goes back to the ordinary isolation level
    return after - count


def update_payload(message: ConversationMessage, **changes: Any) -> None:
    """JSON columns change only when reassigned: build a new dict rather than mutate in place."""
    message.payload = {**(message.payload or {}), **changes}

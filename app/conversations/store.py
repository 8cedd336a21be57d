"""Conversation rows: find, append in order, update, delete; the faces decide what to store."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import delete, func, insert, inspect, null, select, update
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from app.conversations.models import Conversation, ConversationMessage
from app.extensions import db

SQL_INTEGER_MAX = 2**63 - 1
"""The largest id a client may name: SQLite's INTEGER is 64-bit (a larger Python int overflows)."""
POSTGRES_INTEGER_MAX = 2**31 - 1
"""PostgreSQL's INTEGER id columns are 32-bit: a larger id cannot exist there (and cannot be bound as one)."""
MESSAGE_FIELDS: dict[str, Any] = {"text": None, "match_id": None, "payload": None}
"""The optional fields of a message, all given so that messages appended together are inserted together."""


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


def new_conversation(channel: str = "chat", owner: str | None = None,
                     lifetime: dt.timedelta | None = None) -> Conversation:
    """A new conversation; an API one (`lifetime` given) expires when unused that long.

    The id is a random UUID: unguessable, and it says nothing about who or when."""
    conversation = Conversation(id=str(uuid.uuid4()), channel=channel, owner=owner,
                                expires_at=utc_now() + lifetime if lifetime else None)
    db.session.add(conversation)
    return conversation


def utc_now() -> dt.datetime:
    """Naive UTC, as the expiry is stored: SQLite keeps no time zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def find_api_conversation(conversation_id: str, owner: str | None) -> Conversation | None:
    """A bot's conversation that has not expired and belongs to this caller (its API key, or none)."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or conversation.channel != "api" or conversation.owner != owner:
        return None
    if conversation.expires_at is None or _naive_utc(conversation.expires_at) <= utc_now():
        return None
    return conversation


def append(conversation: Conversation, *messages: dict[str, Any], state: dict | None = None,
           lifetime: dt.timedelta | None = None) -> list[ConversationMessage]:
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

    The conversation's dialogue `state` (and, with `lifetime`, a later expiry) is written by the
    same statement that reserves the positions: a message costs no extra UPDATE. Of two requests
    that append at once, the later reservation's state stays.
    """
    count = len(messages)
    changes: dict[str, Any] = {}
    if state is not None:
        changes["state"] = state
    if lifetime is not None:
        changes["expires_at"] = utc_now() + lifetime
    conversation_id = conversation.id
    if inspect(conversation).persistent:
        first = _reserve_positions(conversation_id, count, changes)
        for key, value in changes.items():
            set_committed_value(conversation, key, value)
    else:
        first, conversation.next_position = 0, count
        for key, value in changes.items():
            setattr(conversation, key, value)
        db.session.flush()  # the conversation row first: the messages refer to it
    return _insert_messages(conversation_id, first, messages)


def _insert_messages(conversation_id: str, first: int, messages: tuple[dict[str, Any], ...]) -> list[ConversationMessage]:
    """One INSERT for all the messages (the ORM sends one per row on SQLite), their ids returned with
    their positions; the rows join the session as persistent objects without being read back."""
    values = [{**MESSAGE_FIELDS, **fields, "conversation_id": conversation_id, "position": first + offset}
              for offset, fields in enumerate(messages)]
    for row in values:
        if row["payload"] is None:
            row["payload"] = null()  # SQL NULL, as the ORM stores a missing payload, not JSON 'null'
    returned = db.session.execute(insert(ConversationMessage).values(values)
                                  .returning(ConversationMessage.id, ConversationMessage.position)).all()
    ids = {position: message_id for message_id, position in returned}
    rows = []
    for row in values:
        message = ConversationMessage(**{**row, "payload": None if row["payload"] is not None
                                         and not isinstance(row["payload"], dict) else row["payload"]},
                                      id=ids[row["position"]])
        make_transient_to_detached(message)
        db.session.add(message)
        rows.append(message)
    return rows


def _reserve_positions(conversation_id: str, count: int, changes: dict[str, Any]) -> int:
    """The first of `count` consecutive positions, reserved in one autocommitted statement
    that also writes `changes` (state, expiry) to the conversation row."""
    db.session.commit()  # isolation levels change only between transactions
    connection = db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    after = connection.execute(
        update(Conversation).where(Conversation.id == conversation_id)
        .values(next_position=Conversation.next_position + count, updated_at=func.now(), **changes)
        .returning(Conversation.next_position)).scalar_one()
    db.session.commit()  # the connection goes back to the ordinary isolation level
    return after - count


def update_payload(message: ConversationMessage, **changes: Any) -> None:
    """JSON columns change only when reassigned: build a new dict rather than mutate in place."""
    message.payload = {**(message.payload or {}), **changes}


def save_state(conversation: Conversation, state: dict) -> None:
    """Replace the dialogue state without a message (a chip opened, the language switched)."""
    conversation.state = state


def answer_with_match(conversation: Conversation, match_id: str) -> ConversationMessage | None:
    """The latest assistant message of the conversation that answered the logged match `match_id`."""
    return db.session.scalars(
        select(ConversationMessage)
        .where(ConversationMessage.conversation_id == conversation.id, ConversationMessage.match_id == match_id,
               ConversationMessage.role == "assistant")
        .order_by(ConversationMessage.position.desc()).limit(1)).first()


def message_ids(conversation: Conversation) -> list[int]:
    return list(db.session.scalars(select(ConversationMessage.id)
                                   .where(ConversationMessage.conversation_id == conversation.id)))


def delete_conversation(conversation: Conversation) -> None:
    """Remove the conversation and every message of it, in two statements (no per-message load).
    Rows that refer to its messages (feedback) must be detached by the caller first."""
    db.session.execute(delete(ConversationMessage).where(ConversationMessage.conversation_id == conversation.id))
    db.session.execute(delete(Conversation).where(Conversation.id == conversation.id))

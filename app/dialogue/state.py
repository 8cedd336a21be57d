"""The conversation state the dialogue reads each message against, as stored (JSON) on the
conversation row: small, bounded, and enough to answer without reading earlier messages."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

REMEMBERED_MAX = 20
"""Entries remembered per list (shown, offered, rejected): a topic never needs more, and the row stays small."""


@dataclass(frozen=True)
class State:
    entry: str | None = None
    """The entry the last answer showed as its card: what "it", "its logs", "that" refer to."""
    family: str | None = None
    generation: str | None = None
    """The tool generation of the entry's current commands (cli-v2, sdk-v1...)."""
    lang: str | None = None
    """The language of the last reply."""
    asked_lang: str | None = None
    """The language the user asked for ("in Korean please", the switcher): replies keep to it."""
    topic: str | None = None
    """The entry that answered the topic's first message: alternatives stay around it."""
    topic_text: str | None = None
    """The start of the message that opened the topic (redacted): "same on AKS?" looks for that problem there."""
    out_of_scope: str | None = None
    """The neighbouring area (a topic of app/matching/neighbours.py) an unanswered first message was recognised as."""
    match_id: str | None = None
    """The logged match that showed `entry`: negative feedback is recorded against it."""
    candidates: tuple[str, ...] = ()
    """The topic's other confident matches, best first: the next best when one did not help."""
    shown: tuple[str, ...] = ()
    offered: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    """What the last answer showed (a card, or the entries of a choice), for a language request."""
    last_kind: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> State:
        """The stored state; unknown keys (an older or newer version) are ignored, wrong types dropped."""
        if not isinstance(data, dict):
            return cls()
        values: dict[str, Any] = {}
        for item in fields(cls):
            value = data.get(item.name)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                values[item.name] = tuple(value[-REMEMBERED_MAX:])
            elif isinstance(value, str):
                values[item.name] = value
        return cls(**values)

    def with_(self, **changes: Any) -> State:
        """A copy with `changes`; lists are kept as tuples of at most REMEMBERED_MAX."""
        bounded: dict[str, Any] = {key: tuple(value[-REMEMBERED_MAX:]) if isinstance(value, (list, tuple)) else value
                                   for key, value in changes.items()}
        return replace(self, **bounded)


def added(items: tuple[str, ...], *new: str) -> tuple[str, ...]:
    """`items` with `new` appended, each id once, the newest kept when the list is full."""
    kept = [item for item in items if item not in new]
    return tuple([*kept, *dict.fromkeys(new)][-REMEMBERED_MAX:])


EMPTY = State()

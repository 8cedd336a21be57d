"""What the policy tests share: a knowledge of a few hand-made entries, and a matcher's result from ranked scores."""
from __future__ import annotations

from typing import Any

from app.dialogue.policy import resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.matching.matcher import Match, MatchResult


class FakeKnowledge:
    """The `Knowledge` the policy reads (`entry(id)`), over a dict of entries."""

    def __init__(self, entries: dict[str, dict[str, Any]]):
        self.entries = entries

    def entry(self, entry_id: str) -> dict[str, Any] | None:
        return self.entries.get(entry_id)

    def names_uncovered_subject(self, text: str) -> bool:
        """The hand-made entries leave no feature uncovered that the tests ask about."""
        return False


def ranked_result(*ranked: tuple[str, float], confident: float = 50.0, reasons=None) -> MatchResult:
    """Candidates with these scores, best first as given; those from `confident` up are the matches."""
    matches = [Match(entry_id, score, list(reasons or [{"type": "alias"}])) for entry_id, score in ranked]
    return MatchResult(matches=[m for m in matches if m.score >= confident], query_lang="en", codes=[],
                       http_statuses=[], ambiguous=False, truncated=False, candidates=matches)


ONLINE = "managed-online-endpoints"


def make_entry(entry_id: str, kind: str, title: str, related: tuple[str, ...] = (), family: str = ONLINE) -> dict:
    """A hand-made entry: what the policy reads of one (family, kind, English title, related ids)."""
    return {"id": entry_id, "family": family, "kind": kind, "content": {"en": {"title": title}},
            "related": list(related), "commands": []}


def answer(text: str, state: State, matched: MatchResult, knowledge: FakeKnowledge) -> tuple[TurnKind, str | None]:
    """(the kind of turn, the first entry shown or None) for `text` said in a conversation in `state`."""
    resolution = resolve(read_turn(text, True, state.family), state, matched, knowledge)
    return resolution.turn, resolution.matches[0].id if resolution.matches else None


def first_answered(first: str, knowledge: FakeKnowledge) -> State:
    """The state after a first message that `first` answered surely."""
    opening = read_turn("first message about the problem", in_conversation=False)
    return resolve(opening, State(), ranked_result((first, 100.0)), knowledge).state

"""What the policy tests share: a knowledge of a few hand-made entries, and a matcher's result from ranked scores."""
from __future__ import annotations

from typing import Any

from app.matching.matcher import Match, MatchResult


class FakeKnowledge:
    """The `Knowledge` the policy reads (`entry(id)`), over a dict of entries."""

    def __init__(self, entries: dict[str, dict[str, Any]]):
        self.entries = entries

    def entry(self, entry_id: str) -> dict[str, Any] | None:
        return self.entries.get(entry_id)


def ranked_result(*ranked: tuple[str, float], confident: float = 50.0, reasons=None) -> MatchResult:
    """Candidates with these scores, best first as given; those from `confident` up are the matches."""
    matches = [Match(entry_id, score, list(reasons or [{"type": "alias"}])) for entry_id, score in ranked]
    return MatchResult(matches=[m for m in matches if m.score >= confident], query_lang="en", codes=[],
                       http_statuses=[], ambiguous=False, truncated=False, candidates=matches)

"""The web side of matching: run the matcher, log the query, shape the localised answer.

Shared by the API and the chat so both answer the same paste the same way.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping

from app.i18n import t
from app.knowledge.localize import localized
from app.matching.matcher import MatchResult
from app.matching.neighbours import Topic
from app.observability.metrics import observe_match
from app.querylog.recorder import log_match, redacted_paste
from app.store.snapshot import Snapshot, current_snapshot

MATCH_VIEW_FIELDS = ("id", "lang", "fallback", "title", "cause", "steps", "history", "commands", "sources",
                     "family", "kind", "related", "url")
"""What a match shows of its entry; `score` and `reasons` are the match's own."""


def answer(query: str, lang: str | None = None, limit: int = 5, channel: str = "api",
           matched: tuple[MatchResult, float] | None = None, snapshot: Snapshot | None = None) -> dict:
    """Match a paste and return the contract of POST /api/v1/match (plus `match_id`).

    `matched` is a result (and its latency in ms) the conversation already decided on
    (app/replies.py reads a follow-up in context): it is shaped and logged the same way.
    `snapshot` is the knowledge to answer from when the caller shapes the answer further
    (app/api/fast_json.py encodes it); the current one otherwise."""
    snapshot = snapshot or current_snapshot()
    if matched is None:
        started = time.perf_counter()
        result = snapshot.matcher.match(query, limit=limit)
        latency_ms = (time.perf_counter() - started) * 1000.0
    else:
        result, latency_ms = matched
    paste = redacted_paste(query)
    result = decided_out_of_scope(paste[1], result, snapshot.out_of_scope)
    answer_lang = lang or result.query_lang
    matches = [{**answer_view(snapshot, match.id, answer_lang), "score": match.score, "reasons": match.reasons}
               for match in result.matches]
    match_id = log_match(query, result, latency_ms, channel, paste)
    outcome = "answered" if result.matches else ("out_of_scope" if result.out_of_scope else "no_match")
    observe_match({**result.stages, "total": latency_ms / 1000.0}, outcome, channel)
    return {
        "match_id": match_id,
        "matches": matches,
        "query_lang": result.query_lang,
        "answer_lang": answer_lang or "en",
        "detected": {"codes": result.codes, "http_status": result.http_statuses},
        "ambiguous": result.ambiguous,
        "truncated": result.truncated,
        "out_of_scope": out_of_scope(result.out_of_scope, answer_lang or "en"),
    }


def answer_view(snapshot: Snapshot, entry_id: str, lang: str | None) -> dict:
    """The entry's part of a match in `lang`, shaped once per snapshot (it changes only with the
    knowledge) rather than on every answer. Shared between answers: read, never modified."""
    key = (entry_id, lang)
    view = snapshot.answer_views.get(key)
    if view is None:
        entry = snapshot.matcher.entry(entry_id)
        assert entry is not None, "a match names an entry of the matcher's own knowledge"
        localized_entry = localized(entry, lang)
        view = snapshot.answer_views[key] = {name: localized_entry[name] for name in MATCH_VIEW_FIELDS}
    return view


def decided_out_of_scope(paste_fingerprint: str, result: MatchResult, decisions: Mapping[str, Topic]) -> MatchResult:
    """The "not covered" answer for a paste group a curator marked out of scope in the desk,
    whatever the matcher found (`paste_fingerprint` is the query log's, so the decision covers
    exactly the group the curator saw)."""
    topic = decisions.get(paste_fingerprint)
    if topic is None:
        return result
    return dataclasses.replace(result, matches=[], candidates=[], ambiguous=False, out_of_scope=topic)


def out_of_scope(topic: Topic | None, lang: str) -> dict | None:
    """The neighbouring topic a paste is about, said in `lang`, with where to read about it."""
    if topic is None:
        return None
    label = t(lang, f"topic_{topic.id}")
    return {"topic": topic.id, "label": label, "message": t(lang, "out_of_scope", topic=label),
            "docs": {"url": topic.docs_url, "title": topic.docs_title, "date": topic.docs_date}}

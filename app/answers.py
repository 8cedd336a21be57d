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
from app.privacy import redact
from app.querylog.fingerprint import fingerprint
from app.querylog.recorder import log_match
from app.store.snapshot import current_snapshot


def answer(query: str, lang: str | None = None, limit: int = 5, channel: str = "api",
           matched: tuple[MatchResult, float] | None = None) -> dict:
    """Match a paste and return the contract of POST /api/v1/match (plus `match_id`).

    `matched` is a result (and its latency in ms) the conversation already decided on
    (app/replies.py reads a follow-up in context): it is shaped and logged the same way."""
    snapshot = current_snapshot()
    matcher = snapshot.matcher
    if matched is None:
        started = time.perf_counter()
        result = matcher.match(query, limit=limit)
        latency_ms = (time.perf_counter() - started) * 1000.0
    else:
        result, latency_ms = matched
    result = decided_out_of_scope(query, result, snapshot.out_of_scope)
    answer_lang = lang or result.query_lang
    matches = []
    for match in result.matches:
        entry = matcher.entry(match.id)
        assert entry is not None, "a match names an entry of the matcher's own knowledge"
        view = localized(entry, answer_lang)
        matches.append({
            "id": match.id, "score": match.score, "lang": view["lang"], "fallback": view["fallback"],
            "title": view["title"], "cause": view["cause"], "steps": view["steps"], "history": view["history"],
            "commands": view["commands"], "sources": view["sources"], "reasons": match.reasons,
            "family": view["family"], "kind": view["kind"], "related": view["related"],
            "url": view["url"],
        })
    match_id = log_match(query, result, latency_ms, channel)
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


def decided_out_of_scope(query: str, result: MatchResult, decisions: Mapping[str, Topic]) -> MatchResult:
    """The "not covered" answer for a paste group a curator marked out of scope in the desk,
    whatever the matcher found (its fingerprint is the query log's, so the decision covers
    exactly the group the curator saw). Costs nothing while there are no decisions."""
    if not decisions:
        return result
    topic = decisions.get(fingerprint(redact(query)))
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

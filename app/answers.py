"""The web side of matching: run the matcher, log the query, shape the localised answer.

Shared by the API and the chat so both answer the same paste the same way.
"""
from __future__ import annotations

import time

from app.i18n import t
from app.knowledge.localize import localized
from app.matching.matcher import MatchResult
from app.matching.neighbours import Topic
from app.observability.metrics import observe_match
from app.querylog.recorder import log_match
from app.store.snapshot import current_matcher


def answer(query: str, lang: str | None = None, limit: int = 5, channel: str = "api",
           matched: tuple[MatchResult, float] | None = None) -> dict:
    """Match a paste and return the contract of POST /api/v1/match (plus `match_id`).

    `matched` is a result (and its latency in ms) the conversation already decided on
    (app/replies.py reads a follow-up in context): it is shaped and logged the same way."""
    matcher = current_matcher()
    if matched is None:
        started = time.perf_counter()
        result = matcher.match(query, limit=limit)
        latency_ms = (time.perf_counter() - started) * 1000.0
    else:
        result, latency_ms = matched
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


def out_of_scope(topic: Topic | None, lang: str) -> dict | None:
    """The neighbouring topic a paste is about, said in `lang`, with where to read about it."""
    if topic is None:
        return None
    label = t(lang, f"topic_{topic.id}")
    return {"topic": topic.id, "label": label, "message": t(lang, "out_of_scope", topic=label),
            "docs": {"url": topic.docs_url, "title": topic.docs_title, "date": topic.docs_date}}

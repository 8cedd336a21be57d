"""What the query log stores for the support desk's gap analysis, and what it never stores."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.matching.matcher import Match, MatchResult
from app.querylog.models import QueryLogRecord
from app.querylog.recorder import flush, log_match

SECRET = "LZDe1f8rESQedUStPKR0CsTy4Qwb8Dwk"


def _result(*matches: tuple[str, float], **changes) -> MatchResult:
    fields = {"matches": [Match(id=entry_id, score=score, reasons=[]) for entry_id, score in matches],
              "query_lang": "en", "codes": ["ERR_1100"], "http_statuses": [429], "ambiguous": False,
              "truncated": False}
    fields.update(changes)
    return MatchResult(**fields)


def _log(app, query: str, result: MatchResult | None = None) -> QueryLogRecord:
    with app.app_context():
        match_id = log_match(query, result or _result(("err_1100-not-enough-quota", 96.0)), 12.3456, "api")
        flush()
        return db.session.scalars(select(QueryLogRecord).where(QueryLogRecord.id == match_id)).one()


def test_a_logged_match_holds_what_the_desk_needs(app):
    row = _log(app, "ERR_1100 and HTTP 429", _result(("err_1100-not-enough-quota", 96.0), ("http-429-rate-limiting", 70.5)))
    assert (row.query_lang, row.codes, row.http_statuses, row.top_ids, row.top_scores, row.no_match,
            row.latency_ms, row.channel) == ("en", ["ERR_1100"], [429],
                                             ["err_1100-not-enough-quota", "http-429-rate-limiting"],
                                             [96.0, 70.5], False, 12.346, "api")


def test_the_first_answer_is_also_kept_in_plain_columns_for_the_desk(app):
    answered = _log(app, "ERR_1100 and HTTP 429",
                    _result(("err_1100-not-enough-quota", 96.0), ("http-429-rate-limiting", 70.5)))
    unanswered = _log(app, "chocolate cake", _result())
    assert (answered.top_id, answered.top_score, unanswered.top_id, unanswered.top_score) == \
        ("err_1100-not-enough-quota", 96.0, None, None)


def test_a_query_without_answer_is_flagged_for_gap_analysis(app):
    assert _log(app, "chocolate cake", _result()).no_match is True


def test_a_truncated_query_is_flagged(app):
    assert _log(app, "long paste", _result(truncated=True)).truncated is True


def test_secrets_never_reach_the_database(app):
    row = _log(app, f"invoke returns 401 with Authorization: Bearer {SECRET}")
    assert (SECRET in row.query_text, "[REDACTED:" in row.query_text) == (False, True)


def test_the_text_is_not_stored_when_the_switch_is_off(app, monkeypatch):
    monkeypatch.setitem(app.config, "QUERY_LOG_STORE_TEXT", False)
    row = _log(app, "ERR_1100 not enough quota")
    assert (row.query_text, len(row.fingerprint)) == (None, 64)


def test_the_stored_text_is_capped(app, monkeypatch):
    monkeypatch.setitem(app.config, "QUERY_LOG_TEXT_MAX_CHARS", 100)
    assert len(_log(app, "ERR_1100 " * 100).query_text) == 100


def test_text_is_stored_by_default(app):
    assert _log(app, "ERR_1100 not enough quota").query_text == "ERR_1100 not enough quota"


@pytest.mark.parametrize("first, second", [
    ("2024-03-01T10:15:22Z ERR_1100 request-id: 0d1f2e3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
     "2024-03-02T08:01:07Z ERR_1100 request-id: 5f0c2a1e-8d3b-4c7a-9e6f-1a2b3c4d5e6f"),
    (f"401 with key {SECRET}", "401 with key NhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR"),
], ids=["timestamps-and-request-ids", "different-secrets"])
def test_the_same_problem_pasted_twice_has_one_fingerprint(app, first, second):
    assert _log(app, first).fingerprint == _log(app, second).fingerprint


def test_different_problems_have_different_fingerprints(app):
    assert _log(app, "ERR_1100 not enough quota").fingerprint != _log(app, "ERR_1101 out of capacity").fingerprint

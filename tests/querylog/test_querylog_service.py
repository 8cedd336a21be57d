"""What the query log stores for the support desk's gap analysis, and what it never stores."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.matching.matcher import Match, MatchResult
from app.querylog.fingerprint import canonical_paste, fingerprint
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


@pytest.mark.parametrize(("paste", "canonical", "digest"), [
    ("ERR_1100 Not enough quota in westeurope. request-id: 0c6f2b1e-93d4-4e7a-b5c8-1d2e3f4a5b6c",
     "err_1100 not enough quota in westeurope. request-id: #",
     "055467a9c072677b1a018318fb85fd2b4e1bcb70c36c10cd57b8ca9c5ac92e2a"),
    ("2026-12-01T09:30:00Z  HTTP/1.1 429 Too Many\u3000Requests from 10.0.0.12:443 at 12:30:45.123 pod=3fa9c1d2e4b5",
     "# http/1.1 429 too many requests from # at # pod=#",
     "18144af793f96f9b3013c9f08dc14d41fa0f9f2411604fa8a753331eeb3b9310"),
    ("see https://ml.azure.com/endpoints/blue?x=1 build 1234567 \u0663\u0664\u0665\u0666\u0667",
     "see https://ml.azure.com build # #",
     "81b4e31d312deb6b609fdc52dce187e0c6dfe1dc1deb5c3604e628ec03297b24"),
    ("  \u0411\u0430\u0442\u0447 \u0441\u0431\u043e\u0439\t\n\x1c \u0424\u0410\u0419\u041b  ",
     "\u0431\u0430\u0442\u0447 \u0441\u0431\u043e\u0439 \u0444\u0430\u0439\u043b",
     "f0d24a96125c1d6a96e879abbe2ae5c7ed3baf45fca6bbc24e07d653909ece03"),
], ids=["guid", "timestamps-and-addresses", "url-and-other-digits", "whitespace"])
def test_fingerprints_stay_those_of_version_1(paste, canonical, digest):
    """The log's history groups by these values: a faster implementation must give the same ones."""
    assert (canonical_paste(paste), fingerprint(paste)) == (canonical, digest)

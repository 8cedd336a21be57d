"""The query log's background writer: no database work on the request, nothing silently lost."""
from __future__ import annotations

import time

from sqlalchemy import func, select

from app.extensions import db
from app.matching.matcher import MatchResult
from app.querylog.ids import uuid7, uuid7_millis
from app.querylog.models import QueryLogRecord
from app.querylog.recorder import log_match, writer

NO_MATCH = MatchResult(matches=[], query_lang="en", codes=[], http_statuses=[], ambiguous=False, truncated=False)


def _rows(app) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(QueryLogRecord))
        db.session.remove()
        return count or 0


def test_match_ids_are_time_ordered_uuid7():
    first, second = uuid7(), uuid7()
    assert len(first) == 36 and first[14] == "7"
    assert abs(uuid7_millis(first) - time.time() * 1000) < 1000
    assert uuid7_millis("0c6f2b1e-93d4-4e7a-b5c8-1d2e3f4a5b6c") is None  # a v4 id
    assert uuid7_millis("not-a-uuid") is None
    assert uuid7(now_ms=1) < uuid7(now_ms=2)
    assert first != second


def test_a_match_is_written_by_the_writer_within_the_flush_interval(app):
    with app.app_context():
        before = _rows(app)
        log_match("ERR_1100", NO_MATCH, 1.0, "api")
        assert writer().depth == 1  # the request did no database work
    deadline = time.monotonic() + 10 * app.config["QUERY_LOG_FLUSH_SECONDS"] + 2
    while _rows(app) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _rows(app) == before + 1


def test_a_full_buffer_drops_and_counts_instead_of_blocking(app, monkeypatch):
    monkeypatch.setitem(app.config, "QUERY_LOG_BUFFER_SIZE", 3)
    monkeypatch.setitem(app.config, "QUERY_LOG_FLUSH_SECONDS", 60)
    with app.app_context():
        ids = [log_match(f"paste {n}", NO_MATCH, 1.0, "api") for n in range(5)]
        current = writer()
        assert (current.depth, current.dropped) == (3, 2)
        assert current.is_pending(ids[0]) and not current.is_pending(ids[4])


def test_rows_waiting_at_shutdown_are_written(app, monkeypatch):
    monkeypatch.setitem(app.config, "QUERY_LOG_FLUSH_SECONDS", 60)
    with app.app_context():
        before = _rows(app)
        for n in range(7):
            log_match(f"paste {n}", NO_MATCH, 1.0, "chat")
        writer().close()
    assert _rows(app) == before + 7


def test_feedback_on_a_match_still_in_the_buffer_is_accepted(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "QUERY_LOG_FLUSH_SECONDS", 60)
    match_id = client.post("/api/v1/match", json={"query": "ERR_1100 not enough quota"}).get_json()["match_id"]
    response = client.post("/api/v1/feedback", json={"match_id": match_id, "helpful": True})
    assert response.status_code == 201, response.get_json()


def test_feedback_on_an_old_unknown_match_is_still_refused(client):
    response = client.post("/api/v1/feedback", json={"match_id": uuid7(now_ms=1), "helpful": True})
    assert response.status_code == 404

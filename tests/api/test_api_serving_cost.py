"""What the cheaper request path must not change: the JSON a bot reads, the answer after a
knowledge change, and rate limits counted the same way."""
from __future__ import annotations

import datetime as dt
import json
import threading
import time

import pytest
from flask import jsonify
from limits.storage import storage_from_string
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from app.answers import answer
from app.api.models import MATCH_LIMIT_MAX
from app.extensions import db
from app.querylog.models import QueryLogRecord
from app.querylog.recorder import flush
from app.ratelimit import SweptMemoryStorage
from app.store.loader import load_entries, read_entries
from app.store.snapshot import current_snapshot, holder

KOREAN_PASTE = "배포가 계속 실패합니다. 할당량이 부족하다고 나옵니다"
QUOTA_ENTRY = "err_1100-not-enough-quota"
RENAMED = "Quota exhausted, renamed by a curator"
QUIET_SECONDS = 3600
"""Longer than the test: no knowledge check and no timed query-log write happen inside it."""


def _keys_sorted(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _ in pairs]
    assert keys == sorted(keys), keys
    return dict(pairs)


def test_a_match_answer_is_sorted_compact_json_in_utf8(client):
    response = client.post("/api/v1/match", json={"query": KOREAN_PASTE, "lang": "ko"})
    body = response.get_data()
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert body.endswith(b"}\n") and b'": ' not in body[:200]
    data = json.loads(body, object_pairs_hook=_keys_sorted)  # every object's keys in order, as before
    assert data["matches"] and data["answer_lang"] == "ko"
    assert data["matches"][0]["title"].encode() in body  # Korean as UTF-8, not \u escapes


def test_values_the_fast_encoder_refuses_are_written_as_before(app):
    with app.app_context():
        big = app.json.response({"count": 2**70, "when": dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)})
    assert json.loads(big.get_data()) == {"count": 2**70, "when": "Tue, 01 Dec 2026 09:30:00 GMT"}


def test_the_same_entry_is_shown_in_each_language_asked_for(client):
    answers = {lang: client.post("/api/v1/match", json={"query": "ERR_1100 not enough quota", "lang": lang})
               .get_json()["matches"][0] for lang in ("en", "ko")}
    again = client.post("/api/v1/match", json={"query": "ERR_1100 not enough quota", "lang": "en"}).get_json()
    assert answers["en"]["id"] == answers["ko"]["id"] == QUOTA_ENTRY
    assert (answers["en"]["lang"], answers["ko"]["lang"]) == ("en", "ko")
    assert answers["en"]["title"] != answers["ko"]["title"]
    assert again["matches"][0] == answers["en"]


def test_a_knowledge_change_shows_in_the_next_answers(make_loaded_app):
    app = make_loaded_app()
    client = app.test_client()
    assert client.post("/api/v1/match", json={"query": "ERR_1100"}).get_json()["matches"][0]["title"] != RENAMED
    with app.app_context(), Session(db.engine) as session:
        with session.begin():
            entries = read_entries(session)
        for entry in entries:
            if entry["id"] == QUOTA_ENTRY:
                entry["content"]["en"]["title"] = RENAMED
        load_entries(session, entries, "renamed-fingerprint")
    holder(app).settle(app)
    assert client.post("/api/v1/match", json={"query": "ERR_1100"}).get_json()["matches"][0]["title"] == RENAMED


def test_in_memory_limits_start_no_thread_per_request(monkeypatch):
    storage = storage_from_string("memory://")
    assert isinstance(storage, SweptMemoryStorage)
    started = []
    real_timer = threading.Timer

    def counting_timer(*args, **kwargs):
        started.append(args)
        return real_timer(*args, **kwargs)

    monkeypatch.setattr(threading, "Timer", counting_timer)
    for _ in range(5):
        storage.incr("ip:10.0.0.1", 60)
        time.sleep(0.02)  # longer than the library's own 10 ms sweep
    assert storage.get("ip:10.0.0.1") == 5
    assert len(started) <= 1


def test_an_ended_window_is_not_counted_even_before_the_sweep():
    storage = storage_from_string("memory://")
    storage.incr("ip:10.0.0.2", 0.05)
    time.sleep(0.1)
    assert storage.get("ip:10.0.0.2") == 0


def test_a_match_runs_no_sql_statement_and_is_still_logged(make_loaded_app):
    app = make_loaded_app(KNOWLEDGE_RELOAD_SECONDS=QUIET_SECONDS, QUERY_LOG_FLUSH_SECONDS=QUIET_SECONDS)
    client = app.test_client()
    client.post("/api/v1/match", json={"query": "ERR_1100"})  # the first request builds the snapshot
    flush(app)
    statements: list[str] = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda conn, cursor, statement, *args: statements.append(statement))
    pastes = [f"ERR_1100 not enough quota in region {n}" for n in range(20)]
    ids = [client.post("/api/v1/match", json={"query": paste}).get_json()["match_id"] for paste in pastes]
    assert statements == []
    assert flush(app) == len(pastes)
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(QueryLogRecord.id.in_(ids))) == len(pastes)


@pytest.mark.parametrize("lang", [None, "en", "ko", "zh", "ru"])
def test_an_answer_written_from_encoded_entries_is_the_bytes_jsonify_writes(app, lang):
    """POST /api/v1/match writes its JSON from entry parts encoded once per snapshot (fast_json)."""
    with app.test_request_context("/api/v1/match", method="POST"):
        snapshot = current_snapshot()
        for query in ("ERR_1100 not enough quota", KOREAN_PASTE, "HTTP 429 and ImagePullBackOff", "hello there"):
            result = answer(query, lang=lang, limit=MATCH_LIMIT_MAX, snapshot=snapshot)
            assert app.json.answer_body(snapshot, result, lang) == jsonify(result).get_data(), query


def test_in_debug_an_answer_is_indented_as_before(make_loaded_app):
    app = make_loaded_app(DEBUG=True)
    body = app.test_client().post("/api/v1/match", json={"query": "ERR_1100"}).get_data(as_text=True)
    assert body.startswith('{\n  "ambiguous": false,\n  "answer_lang": "en",')


@pytest.mark.parametrize("accept", [None, "", "*/*", "application/json", "application/json, text/plain, */*",
                                    "text/markdown", "text/markdown;q=0.5, application/json", "text/*"])
def test_the_accept_header_chooses_the_format_as_before(client, accept):
    headers = {} if accept is None else {"Accept": accept}
    response = client.post("/api/v1/match", json={"query": "ERR_1100"}, headers=headers)
    best = MIMEAccept(parse_accept_header(accept)).best_match(["application/json", "text/markdown"])
    assert response.mimetype == ("text/markdown" if best == "text/markdown" else "application/json")

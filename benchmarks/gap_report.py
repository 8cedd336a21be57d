"""How fast the desk's gap report answers on a large query log, on SQLite and on PostgreSQL.

Inserts ROWS query-log rows (a month of traffic: a long tail of paste fingerprints, a third
without a match, some low-confidence answers, chat rows in conversations, not-helpful
feedback) into a fresh migrated database of each kind, then times the gap report page
(`GET /desk/gaps`, signed in, the default 30-day period) and the report query alone.
The issue's bar: under 300 ms.

    .venv/bin/python benchmarks/gap_report.py [--rows 100000] [--runs 7] [--skip-postgres]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import create_app
from app.conversations.models import Conversation, ConversationMessage
from app.desk.auth import create_user
from app.desk.reports import ReportFilter, gap_report
from app.extensions import db
from app.feedback.models import Feedback
from app.querylog.models import QueryLogRecord

BAR_MS = 300.0
FINGERPRINTS = 5_000
DAYS = 30
CHUNK = 5_000
CHAT_SHARE, NO_MATCH_SHARE, LOW_SHARE, NOT_HELPFUL_SHARE = 0.3, 0.33, 0.15, 0.01
ASKS_PER_CONVERSATION = 4
PASSWORD = "benchmark password"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ENTRY_IDS = ("err_1100-not-enough-quota", "http-429-too-many-requests", "err_2200-user-container-has-crashedterminated")


def rows(count: int, seed: int = 7):
    """Query-log rows, chat messages and feedback for `count` asks over the last DAYS days."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    weights = [1 / (rank + 1) for rank in range(FINGERPRINTS)]
    fingerprints = [f"{rank:064x}" for rank in range(FINGERPRINTS)]
    logs, messages, feedback, conversations = [], [], [], []
    conversation = None
    for i in range(count):
        fp = rng.choices(fingerprints, weights)[0]
        roll = rng.random()
        no_match = roll < NO_MATCH_SHARE
        score = 0.0 if no_match else (rng.uniform(45, 60) if roll < NO_MATCH_SHARE + LOW_SHARE else 100.0)
        row_id = str(uuid.uuid4())
        channel = "chat" if rng.random() < CHAT_SHARE else "api"
        logs.append({"id": row_id, "created_at": now - dt.timedelta(seconds=rng.uniform(0, DAYS * 86400)),
                     "channel": channel, "fingerprint": fp, "query_text": f"paste number {int(fp, 16)} failed again",
                     "query_lang": rng.choice(("en", "en", "ko", "zh", "ru")), "codes": [], "http_statuses": [],
                     "top_ids": [] if no_match else [rng.choice(ENTRY_IDS)], "top_scores": [] if no_match else [score],
                     "no_match": no_match, "ambiguous": False, "truncated": False, "latency_ms": 12.0})
        if channel == "chat":
            if conversation is None or i % ASKS_PER_CONVERSATION == 0:
                conversation = str(uuid.uuid4())
                conversations.append({"id": conversation, "next_position": 0})
            messages.append({"conversation_id": conversation, "position": i, "role": "assistant",
                             "match_id": row_id, "payload": {}})
        if not no_match and rng.random() < NOT_HELPFUL_SHARE:
            feedback.append({"match_id": row_id, "helpful": False, "channel": channel})
    return logs, conversations, messages, feedback


def fill(app, count: int) -> float:
    started = time.perf_counter()
    logs, conversations, messages, feedback = rows(count)
    with app.app_context():
        upgrade()
        for table, data in ((QueryLogRecord, logs), (Conversation, conversations),
                            (ConversationMessage, messages), (Feedback, feedback)):
            for start in range(0, len(data), CHUNK):
                db.session.execute(insert(table), data[start:start + CHUNK])
        create_user("bench", "agent", PASSWORD)
        db.session.commit()
        # planner statistics and (PostgreSQL) the visibility map for index-only scans, as autovacuum
        # keeps them on a live database
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"))
        db.engine.dispose()
    return time.perf_counter() - started


def measure(app, runs: int) -> tuple[float, float, int]:
    """(median page ms, median query ms, groups on the page)."""
    client = app.test_client()
    assert client.post("/desk/sign-in", data={"name": "bench", "password": PASSWORD}).status_code == 302
    client.get("/desk/gaps")  # warm: templates, connection pool
    page_ms = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get("/desk/gaps")
        page_ms.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    query_ms = []
    with app.app_context():
        for _ in range(runs):
            started = time.perf_counter()
            groups = gap_report(ReportFilter(days=DAYS), app.config["DESK_CONFIDENCE_BAND"])
            query_ms.append((time.perf_counter() - started) * 1000)
        db.session.remove()
        db.engine.dispose()
    return statistics.median(page_ms), statistics.median(query_ms), len(groups)


def report(name: str, app, count: int, runs: int) -> bool:
    seconds = fill(app, count)
    page, query, groups = measure(app, runs)
    verdict = "ok" if page < BAR_MS else "TOO SLOW"
    print(f"{name:<11} {count:>7} rows (filled in {seconds:5.1f} s): GET /desk/gaps {page:6.1f} ms, "
          f"report query {query:6.1f} ms, {groups} groups  [{verdict}: bar {BAR_MS:.0f} ms]")
    return page < BAR_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    config = {"WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "SECRET_KEY": "benchmark"}
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        ok &= report("SQLite", create_app({**config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3"}),
                     args.rows, args.runs)
    if not args.skip_postgres:
        name = f"deskbench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            ok &= report("PostgreSQL", create_app({**config, "SQLALCHEMY_DATABASE_URI": url}), args.rows, args.runs)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

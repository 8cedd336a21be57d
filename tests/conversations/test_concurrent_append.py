"""Two tabs of one chat session posting at once: every message is stored, in order, and none fails.

`append` used to read max(position) + 1 and then insert; two requests of one conversation
read the same maximum and the unique (conversation_id, position) constraint turned one of
them into a 500. These tests open 200 tabs of one browser session on the service as
`make run` starts it (gunicorn with gunicorn.conf.py, two workers), on SQLite and on
PostgreSQL, and all tabs post at the same moment. Every post must be answered and stored,
each question next to its answer, with no gap or duplicate position, after the message sent
before them and before the one sent after them.
"""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, select

from app.conversations.models import ConversationMessage
from tests.servers import start_gunicorn, stop, wait_until_serving

pytestmark = [pytest.mark.slow]

TABS = 200
TIMEOUT_SECONDS = 60
START_TIMEOUT_SECONDS = 60


@contextmanager
def _gunicorn(database_url: str, workdir: Path) -> Iterator[str]:
    """The Makefile's `run` command line (gunicorn.conf.py, two workers) on a free loopback port."""
    log_path = workdir / "gunicorn.log"
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "RATELIMIT_ENABLED": "0"}
    server, base = start_gunicorn(env, log_path)
    try:
        wait_until_serving(server, base, log_path, START_TIMEOUT_SECONDS)
        yield base
    finally:
        stop(server)


def _post_at_once(base: str, cookie: str, token: str, texts: list[str]) -> list[int]:
    """Each text from its own tab (thread); all released together. The statuses, in order."""
    barrier = threading.Barrier(len(texts))

    def tab(text: str) -> int:
        barrier.wait(timeout=TIMEOUT_SECONDS)
        try:
            return requests.post(f"{base}/chat/messages", json={"text": text}, cookies={"session": cookie},
                                 headers={"X-CSRFToken": token}, timeout=TIMEOUT_SECONDS).status_code
        except requests.RequestException:
            return -1

    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        return list(pool.map(tab, texts))


def _check_concurrent_posts_are_all_stored_in_order(database_url: str, workdir: Path) -> None:
    texts = [f"ERR_1100 from tab {tab}" for tab in range(TABS)]
    with _gunicorn(database_url, workdir) as base:
        browser = requests.Session()
        token = browser.get(f"{base}/chat/history", timeout=TIMEOUT_SECONDS).json()["csrf_token"]

        def send(text: str) -> None:
            reply = browser.post(f"{base}/chat/messages", json={"text": text}, headers={"X-CSRFToken": token},
                                 timeout=TIMEOUT_SECONDS)
            assert reply.status_code == 200, reply.text

        send("ERR_1100 before")
        statuses = _post_at_once(base, browser.cookies["session"], token, texts)
        send("ERR_1100 after")

    server_log = (workdir / "gunicorn.log").read_text()
    assert [status for status in statuses if status != 200] == [], server_log[-3000:]
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(ConversationMessage.position, ConversationMessage.role,
                                             ConversationMessage.text)
                                      .order_by(ConversationMessage.position)).all()
    finally:
        engine.dispose()
    posts = TABS + 2
    assert [row.position for row in rows] == list(range(2 * posts))  # no gap, no duplicate
    # Each question is directly followed by its own answer, and no question is lost or doubled.
    assert [row.role for row in rows] == ["user", "assistant"] * posts
    questions = [row.text for row in rows[::2]]
    assert (questions[0], questions[-1]) == ("ERR_1100 before", "ERR_1100 after")
    assert sorted(questions[1:-1]) == sorted(texts)
    assert "Traceback" not in server_log, server_log[-3000:]


def test_concurrent_posts_to_one_conversation_on_sqlite(tmp_path, loaded_template):
    database = tmp_path / "tabs.sqlite3"
    shutil.copy(loaded_template, database)
    _check_concurrent_posts_are_all_stored_in_order(f"sqlite:///{database}", tmp_path)


@pytest.mark.postgres
def test_concurrent_posts_to_one_conversation_on_postgres(postgres_app, tmp_path):
    _check_concurrent_posts_are_all_stored_in_order(postgres_app.config["SQLALCHEMY_DATABASE_URI"], tmp_path)

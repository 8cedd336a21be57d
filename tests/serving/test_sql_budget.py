"""SQL statements per request on the serving path: knowledge comes from memory, the query log
is written in batches, so a chat message and an entry page stay within a small budget."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from app.extensions import db
from tests.conftest import app_on_copy, dispose

MAX_STATEMENTS = 3
RELOAD_SECONDS = 60
"""Production checks the knowledge fingerprint every few seconds, not on each request as the
other tests do; an hour-long test would see one more statement per interval."""


@pytest.fixture
def served(tmp_path, loaded_template):
    application = app_on_copy(tmp_path / "budget.sqlite3", loaded_template, KNOWLEDGE_RELOAD_SECONDS=RELOAD_SECONDS,
                              QUERY_LOG_FLUSH_SECONDS=RELOAD_SECONDS)  # the writer's batches are not the request's
    yield application
    dispose(application)


def _statements(application, request):
    """The SQL statements (first 60 characters each) that running `request()` executes."""
    seen: list[str] = []
    with application.app_context():
        engine = db.engine

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split())[:60])

    event.listen(engine, "before_cursor_execute", record)
    try:
        response = request()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return seen


def test_chat_messages_take_at_most_three_statements(served):
    browser = served.test_client()
    browser.get("/")
    browser.post("/chat/messages", json={"text": "ERR_1100 not enough quota"})  # the conversation exists
    for text in ("ERR_2200 user container crashed on my managed online endpoint", "how do I see its logs?",
                 "thanks!"):
        statements = _statements(served, lambda text=text: browser.post("/chat/messages", json={"text": text}))
        assert len(statements) <= MAX_STATEMENTS, (text, statements)


def test_entry_pages_and_api_reads_take_no_knowledge_query(served):
    browser = served.test_client()
    browser.get("/entries/get-container-logs")
    for path in ("/entries/get-container-logs", "/entries/get-container-logs?lang=zh", "/entries",
                 "/api/v1/entries/err_1100-not-enough-quota", "/api/v1/lookup/ERR_1100"):
        statements = _statements(served, lambda path=path: browser.get(path))
        assert len(statements) <= MAX_STATEMENTS and not statements, (path, statements)

"""One feedback per chat answer, also when two clicks (two tabs) arrive at the same moment.

The chat checked the answer's stored payload before inserting, so sequential clicks got a
409 but simultaneous ones were both stored. The database now holds the rule (a unique
feedback.message_id); the loser's IntegrityError is the same 409 `feedback_exists`.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, inspect, select

from app.conversations.models import ConversationMessage
from app.extensions import db
from app.feedback.models import Feedback

ROUNDS = 50
CLICKS = 4
ENTRY = "err_1100-not-enough-quota"


def _click(application, cookie: str, barrier: threading.Barrier, answer_id: int,
           helpful: bool) -> tuple[int, str | None]:
    """One tab of the same browser (same session cookie) clicking feedback on the answer."""
    tab = application.test_client()
    tab.set_cookie("session", cookie)
    barrier.wait(timeout=30)
    response = tab.post("/chat/feedback", json={"message_id": answer_id, "entry_id": ENTRY, "helpful": helpful})
    body = response.get_json() or {}
    return response.status_code, body.get("error", {}).get("code")


def _simultaneous_feedback(application) -> None:
    browser = application.test_client()
    for round_ in range(ROUNDS):
        reply = browser.post("/chat/messages", json={"text": f"ERR_1100 not enough quota, round {round_}"})
        assert reply.status_code == 200, reply.get_json()
        answer = reply.get_json()["messages"][1]
        cookie = browser.get_cookie("session").value
        barrier = threading.Barrier(CLICKS)
        with ThreadPoolExecutor(CLICKS) as pool:
            results = list(pool.map(lambda helpful, b=barrier, c=cookie, a=answer["id"]: _click(
                application, c, b, a, helpful), [i % 2 == 0 for i in range(CLICKS)]))
        statuses = sorted(status for status, _ in results)
        assert statuses == [200] + [409] * (CLICKS - 1), (round_, results)
        assert {code for status, code in results if status == 409} == {"feedback_exists"}

        with application.app_context():
            match_id = db.session.get(ConversationMessage, answer["id"]).match_id
            stored = db.session.scalar(select(func.count()).select_from(Feedback)
                                       .where(Feedback.match_id == match_id))
            db.session.remove()
        assert stored == 1, f"round {round_}: {stored} feedback rows for one answer"


def test_simultaneous_feedback_on_one_answer_is_stored_once_on_sqlite(app):
    _simultaneous_feedback(app)


@pytest.mark.postgres
def test_simultaneous_feedback_on_one_answer_is_stored_once_on_postgres(postgres_app):
    _simultaneous_feedback(postgres_app)


def test_the_migration_makes_feedback_unique_per_chat_message(app):
    """The rule is in the schema the migrations build, not only in the model."""
    with app.app_context():
        constraints = inspect(db.engine).get_unique_constraints("feedback")
        db.engine.dispose()
    assert {"name": "uq_feedback_message_id", "column_names": ["message_id"]} in [
        {"name": c["name"], "column_names": c["column_names"]} for c in constraints]


def test_api_feedback_is_not_limited_by_the_chat_rule(client):
    """API feedback has no chat message: several rows on one entry stay possible, as before."""
    for _ in range(2):
        assert client.post("/api/v1/feedback", json={"entry_id": ENTRY, "helpful": True}).status_code == 201

"""`flask maintenance purge`: old query-log rows, conversations and feedback text go; recent ones and counts stay."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.conversations.models import Conversation, ConversationMessage
from app.extensions import db
from app.feedback.models import Feedback
from app.maintenance.purge import purge
from app.manage import create_app as create_manage_app
from app.querylog.models import QueryLogRecord
from tests.conftest import app_on_copy, dispose

OLD, RECENT = 120, 5
"""Days back of the old and the recent rows; the default retention (90 days) lies between."""


@pytest.fixture
def manage_app(tmp_path, loaded_template):
    application = app_on_copy(tmp_path / "purge.sqlite3", loaded_template, create_manage_app)
    yield application
    dispose(application)


def _seed(application) -> dict[str, str]:
    now = dt.datetime.now(dt.UTC)
    ids = {}
    with application.app_context():
        for age in (OLD, RECENT):
            when = now - dt.timedelta(days=age)
            log_id = str(uuid.uuid4())
            db.session.add(QueryLogRecord(id=log_id, created_at=when, channel="chat", fingerprint="f" * 64,
                                          query_text="secret-ish paste", query_lang="en", codes=[], http_statuses=[],
                                          top_ids=[], top_scores=[], no_match=True, ambiguous=False, truncated=False,
                                          latency_ms=1.0))
            conversation = Conversation(id=str(uuid.uuid4()), created_at=when, updated_at=when)
            db.session.add(conversation)
            db.session.flush()
            message = ConversationMessage(conversation_id=conversation.id, position=0, role="user", text="hi",
                                          match_id=log_id, created_at=when)
            db.session.add(message)
            db.session.flush()
            db.session.add(Feedback(match_id=log_id, helpful=False, comment="it did not help", channel="chat",
                                    created_at=when))
            ids[f"log{age}"], ids[f"conversation{age}"] = log_id, conversation.id
        db.session.commit()
        # updated_at has onupdate=now(): put the old conversation back in the past
        db.session.execute(update(Conversation).where(Conversation.id == ids[f"conversation{OLD}"])
                           .values(updated_at=now - dt.timedelta(days=OLD)))
        db.session.commit()
    return ids


def test_purge_deletes_what_is_older_than_the_retention(manage_app):
    ids = _seed(manage_app)
    result = manage_app.test_cli_runner().invoke(args=["maintenance", "purge"])
    assert result.exit_code == 0, result.output
    assert "1 query-log rows, 1 conversations and 1 feedback comments deleted" in result.output
    with manage_app.app_context():
        assert db.session.get(QueryLogRecord, ids[f"log{OLD}"]) is None
        assert db.session.get(QueryLogRecord, ids[f"log{RECENT}"]) is not None
        assert db.session.get(Conversation, ids[f"conversation{OLD}"]) is None
        assert db.session.get(Conversation, ids[f"conversation{RECENT}"]) is not None
        comments = db.session.execute(select(Feedback.comment, Feedback.match_id).order_by(Feedback.id)).all()
        assert comments == [(None, None), ("it did not help", ids[f"log{RECENT}"])]
        assert db.session.scalar(select(func.count()).select_from(ConversationMessage)) == 1


def test_purge_takes_the_period_from_the_option(manage_app):
    _seed(manage_app)
    result = manage_app.test_cli_runner().invoke(args=["maintenance", "purge", "--days", "1"])
    assert "2 query-log rows, 2 conversations and 2 feedback comments deleted" in result.output
    again = manage_app.test_cli_runner().invoke(args=["maintenance", "purge", "--days", "1"])
    assert "0 query-log rows, 0 conversations and 0 feedback comments deleted" in again.output
    refused = manage_app.test_cli_runner().invoke(args=["maintenance", "purge", "--days", "0"])
    assert refused.exit_code == 2


def test_purge_works_in_batches(manage_app, monkeypatch):
    monkeypatch.setattr("app.maintenance.purge.BATCH", 1)
    _seed(manage_app)
    _seed(manage_app)
    with manage_app.app_context(), Session(db.engine) as session:
        report = purge(session, 30)
    assert (report.query_log, report.conversations, report.feedback_texts) == (2, 2, 2)


def test_purge_deletes_expired_api_conversations_and_keeps_live_ones(manage_app):
    now = dt.datetime.now(dt.UTC)
    with manage_app.app_context():
        expired, live = str(uuid.uuid4()), str(uuid.uuid4())
        db.session.add_all([Conversation(id=expired, channel="api", expires_at=now - dt.timedelta(hours=1)),
                            Conversation(id=live, channel="api", expires_at=now + dt.timedelta(hours=1))])
        db.session.commit()
        with Session(db.engine) as session:
            report = purge(session, days=90, now=now)
        remaining = set(db.session.scalars(select(Conversation.id).where(Conversation.id.in_([expired, live]))))
    assert remaining == {live} and report.conversations >= 1

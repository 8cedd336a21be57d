"""Migration 0007 adds the conversation state and the API conversation columns, and takes them away again."""
from __future__ import annotations

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from app.extensions import db
from tests.conftest import dispose, make_app

NEW_COLUMNS = {"state", "channel", "owner", "expires_at"}


def _columns() -> set[str]:
    return {column["name"] for column in inspect(db.engine).get_columns("conversations")}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'migrate.sqlite3'}"
    return request.getfixturevalue("postgres_url")


def test_upgrade_keeps_existing_chat_conversations_and_downgrade_removes_the_columns(database_url):
    application = make_app(database_url)
    try:
        with application.app_context():
            upgrade(revision="0006")
            with db.engine.begin() as connection:
                connection.execute(text("INSERT INTO conversations (id, next_position) VALUES ('old', 2)"))
            upgrade(revision="0007")
            assert _columns() >= NEW_COLUMNS
            with db.engine.connect() as connection:
                row = connection.execute(text("SELECT channel, state, expires_at FROM conversations")).one()
            assert tuple(row) == ("chat", None, None)  # an existing conversation is a chat one, with no state
            downgrade(revision="0006")
            assert not NEW_COLUMNS & _columns()
    finally:
        dispose(application)

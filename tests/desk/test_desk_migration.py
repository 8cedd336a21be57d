"""Migration 0006 creates the desk tables and the report indexes, and takes them away again."""
from __future__ import annotations

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from app.extensions import db
from tests.conftest import dispose, make_app

DESK_TABLES = {"desk_users", "desk_proposals", "desk_audit"}


def _check_round_trip(application) -> None:
    with application.app_context():
        upgrade()
        inspector = inspect(db.engine)
        assert set(inspector.get_table_names()) >= DESK_TABLES
        indexes = {index["name"] for index in inspector.get_indexes("query_log")}
        assert {"ix_query_log_gaps", "ix_query_log_period"} <= indexes
        downgrade(revision="0005")
        inspector = inspect(db.engine)
        assert not DESK_TABLES & set(inspector.get_table_names())
        assert not {"ix_query_log_gaps", "ix_query_log_period"} & {i["name"] for i in inspector.get_indexes("query_log")}
        upgrade()
        assert set(inspect(db.engine).get_table_names()) >= DESK_TABLES
        db.engine.dispose()


def test_upgrade_and_downgrade_on_sqlite(tmp_path):
    application = make_app(f"sqlite:///{tmp_path / 'migrate.sqlite3'}")
    try:
        _check_round_trip(application)
    finally:
        dispose(application)


@pytest.mark.postgres
def test_upgrade_and_downgrade_on_postgresql(postgres_url):
    application = make_app(postgres_url)
    try:
        _check_round_trip(application)
    finally:
        dispose(application)


def test_0009_keeps_the_applied_out_of_scope_decisions(tmp_path):
    """Decisions applied before the store table existed are copied into it (the newest per group)."""
    application = make_app(f"sqlite:///{tmp_path / 'migrate9.sqlite3'}")
    try:
        with application.app_context():
            upgrade(revision="0008")
            with db.engine.begin() as connection:
                for topic, status in (("studio-ui", "applied"), ("compute-cluster", "applied"), ("sdk", "rejected")):
                    connection.execute(text(
                        "INSERT INTO desk_proposals (created_by, kind, status, fingerprint, text, topic)"
                        " VALUES ('cora', 'out_of_scope', :status, :fp, 'a paste', :topic)"),
                        {"status": status, "fp": "a" * 64, "topic": topic})
            upgrade()
            with db.engine.connect() as connection:
                rows = connection.execute(text("SELECT fingerprint, topic, example FROM knowledge_out_of_scope")).all()
            assert [tuple(row) for row in rows] == [("a" * 64, "compute-cluster", "a paste")]
            downgrade(revision="0008")
            assert "knowledge_out_of_scope" not in inspect(db.engine).get_table_names()
            db.engine.dispose()
    finally:
        dispose(application)

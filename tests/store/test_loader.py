"""Loading into the database: complete, idempotent, all-or-nothing, on SQLite and PostgreSQL."""
import copy

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.extensions import db
from app.store.loader import load_entries, read_entries, stored_fingerprint
from app.store.models import Entry, EntryAlias
from tests.conftest import SHIPPED_COUNT


def session_for(app):
    with app.app_context():
        return Session(db.engine)


def test_load_into_empty_database_adds_every_entry(empty_app, shipped_entries):
    with session_for(empty_app) as session:
        report = load_entries(session, shipped_entries, "fp1")
        assert len(report.added) == SHIPPED_COUNT
        assert session.scalar(select(func.count()).select_from(Entry)) == SHIPPED_COUNT


def test_second_load_changes_nothing(empty_app, shipped_entries):
    with session_for(empty_app) as session:
        load_entries(session, shipped_entries, "fp1")
        report = load_entries(session, shipped_entries, "fp1")
        assert not report.changed and report.unchanged == SHIPPED_COUNT


def test_loaded_entries_read_back_identical(empty_app, shipped_entries):
    with session_for(empty_app) as session:
        load_entries(session, shipped_entries, "fp1")
        assert read_entries(session) == sorted(shipped_entries, key=lambda e: e["id"])


def test_changed_entry_is_updated_and_missing_entry_removed(empty_app, shipped_entries):
    changed = copy.deepcopy(shipped_entries)
    changed[0]["aliases"]["en"].append("a brand new way to say it")
    removed = changed.pop()
    with session_for(empty_app) as session:
        load_entries(session, shipped_entries, "fp1")
        report = load_entries(session, changed, "fp2")
        assert report.updated == [changed[0]["id"]] and report.removed == [removed["id"]]
        assert session.get(Entry, removed["id"]) is None
        assert stored_fingerprint(session) == "fp2"


def test_failed_load_leaves_previous_knowledge_untouched(empty_app, shipped_entries):
    broken = copy.deepcopy(shipped_entries)
    broken[5]["content"]["en"]["title"] = None
    with session_for(empty_app) as session:
        load_entries(session, shipped_entries, "fp1")
        aliases_before = session.scalar(select(func.count()).select_from(EntryAlias))
        with pytest.raises(ValidationError):
            load_entries(session, broken, "fp2")
    with session_for(empty_app) as session:
        assert session.scalar(select(func.count()).select_from(EntryAlias)) == aliases_before
        assert stored_fingerprint(session) == "fp1"


@pytest.mark.postgres
def test_postgres_load_is_idempotent_and_reads_back(postgres_app, shipped_entries):
    with session_for(postgres_app) as session:
        report = load_entries(session, shipped_entries, "fp-again")
        assert not report.changed
        assert read_entries(session) == sorted(shipped_entries, key=lambda e: e["id"])


@pytest.mark.postgres
def test_postgres_serves_entries_over_the_api(postgres_app):
    response = postgres_app.test_client().get("/api/v1/entries/err_1100-not-enough-quota?lang=zh")
    assert response.status_code == 200
    assert response.get_json()["lang"] == "zh"

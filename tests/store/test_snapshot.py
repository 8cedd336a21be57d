"""The served knowledge: pages and answers from memory, and changes picked up without waiting."""
from __future__ import annotations

import threading
import time

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.extensions import db
from app.store import snapshot as snapshot_module
from app.store.loader import load_entries, read_entries
from app.store.snapshot import holder

MAX_STATEMENTS_PER_PAGE = 3


def count_statements(app):
    """A list that collects every SQL statement the app's engine runs from now on."""
    statements: list[str] = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *args: statements.append(statement))
    return statements


def test_an_entry_page_and_the_api_read_no_knowledge_rows(client, app):
    client.get("/entries/get-container-logs")  # the snapshot is built once, before counting
    statements = count_statements(app)
    page = client.get("/entries/get-container-logs?lang=ko")
    api = client.get("/api/v1/entries/get-container-logs")
    listing = client.get("/api/v1/entries?family=batch-endpoints")
    assert page.status_code == api.status_code == listing.status_code == 200
    assert "az ml online-deployment get-logs" in page.get_data(as_text=True)
    assert len(statements) <= 3 * MAX_STATEMENTS_PER_PAGE
    assert not [s for s in statements if "entry_texts" in s or "entry_aliases" in s], statements


def test_entry_filters_match_what_the_database_filter_did(client):
    assert {e["id"] for e in client.get("/api/v1/entries?code=ERR_1100").get_json()["items"]} == \
        {"err_1100-not-enough-quota"}
    found = client.get("/api/v1/entries?q=%EB%A1%9C%EA%B7%B8&per_page=100").get_json()  # "로그" (log) in ko titles
    assert found["total"] >= 1 and all("id" in item for item in found["items"])


def test_a_knowledge_change_is_served_after_a_background_build_and_no_request_waits(app, client, monkeypatch):
    client.get("/api/v1/entries/get-container-logs")
    before = holder(app).snapshot
    release = threading.Event()
    real_build = snapshot_module.build_snapshot

    def slow_build(application, session):
        release.wait(30)  # the build takes as long as the test says
        return real_build(application, session)

    monkeypatch.setattr(snapshot_module, "build_snapshot", slow_build)
    with app.app_context(), Session(db.engine) as session:
        with session.begin():
            entries = read_entries(session)
        for entry in entries:
            if entry["id"] == "get-container-logs":
                entry["content"]["en"]["title"] = "Container logs, renamed by a curator"
        load_entries(session, entries, "changed-fingerprint")

    started = time.perf_counter()
    during = client.get("/api/v1/entries/get-container-logs").get_json()
    waited = time.perf_counter() - started
    assert during["title"] != "Container logs, renamed by a curator"
    assert waited < 1.0 and holder(app).building
    release.set()
    after = holder(app).settle(app)
    assert after is not before and after.fingerprint == "changed-fingerprint"
    assert client.get("/api/v1/entries/get-container-logs").get_json()["title"] == \
        "Container logs, renamed by a curator"

"""Desk fixtures: an app with one curator and one agent, clients signed in as each, and query-log rows."""
from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from app.desk.auth import create_user
from app.desk.teaching import wait_for_reevaluations
from app.extensions import db
from app.querylog.fingerprint import fingerprint
from app.querylog.models import QueryLogRecord
from tests.conftest import app_on_copy, dispose

PASSWORD = "correct horse battery staple"
UNANSWERED = "the flux capacitor on my scoring pod keeps humming at midnight"
"""A paste nothing in the shipped knowledge answers."""
TARGET_ENTRY = "err_1100-not-enough-quota"


def make_desk_app(path, loaded_template, tmp_path, **overrides):
    """An app on a copy of the loaded database with the two accounts, re-evaluating on a small paste set."""
    sets = tmp_path / "reeval.jsonl"
    sets.write_text(json.dumps({"id": "k1", "query": UNANSWERED.replace("midnight", "noon")}) + "\n"
                    + json.dumps({"id": "k2", "query": "ERR_1100"}) + "\n", encoding="utf-8")
    config = {"DESK_REEVAL_SETS": [str(sets)], "SEMANTIC_CACHE_DIR": str(tmp_path / "cache"), **overrides}
    application = app_on_copy(path, loaded_template, **config)
    with application.app_context():
        create_user("cora", "curator", PASSWORD)
        create_user("al", "agent", PASSWORD)
        db.session.commit()
    return application


@pytest.fixture
def desk_app(tmp_path, loaded_template):
    application = make_desk_app(tmp_path / "desk.sqlite3", loaded_template, tmp_path)
    yield application
    wait_for_reevaluations()  # a background re-evaluation must not outlive its database
    dispose(application)


def signed_in(application, name: str, **client_options):
    client = application.test_client(**client_options)
    response = client.post("/desk/sign-in", data={"name": name, "password": PASSWORD})
    assert response.status_code == 302, response.text
    return client


@pytest.fixture
def curator(desk_app):
    return signed_in(desk_app, "cora")


@pytest.fixture
def agent(desk_app):
    return signed_in(desk_app, "al")


def add_rows(application, text: str, count: int = 1, *, days_ago: float = 0, channel: str = "api",
             lang: str | None = "en", top_ids: list[str] | None = None, top_scores: list[float] | None = None) -> list[str]:
    """Query-log rows as the recorder writes them (the desk reads only this table's ORM model)."""
    ids = []
    with application.app_context():
        for _ in range(count):
            row = QueryLogRecord(
                id=str(uuid.uuid4()), created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago),
                channel=channel, fingerprint=fingerprint(text), query_text=text, query_lang=lang, codes=[],
                http_statuses=[], top_ids=top_ids or [], top_scores=top_scores or [], no_match=not top_ids,
                ambiguous=False, truncated=False, latency_ms=1.0)
            db.session.add(row)
            ids.append(row.id)
        db.session.commit()
    return ids


def flush_query_log(application) -> None:
    """The query log is written in batches off the request path: write what is buffered now."""
    from app.querylog.recorder import flush

    with application.app_context():
        flush(application)


HISTORY_DAYS = 21
HISTORY_PASTES = (
    ("배포 후 엔드포인트가 계속 응답이 없어요", "ko"), ("部署一直卡在创建状态，怎么办", "zh"),
    ("Деплой завис и не отвечает уже час", "ru"), ("scoring script works locally but endpoint returns nothing", "en"),
)


def add_history(application) -> None:
    """Three weeks of earlier traffic with a slowly rising answer rate, and feedback on it (for the chart)."""
    from app.feedback.models import Feedback

    for back in range(1, HISTORY_DAYS + 1):
        answered = 6 + (HISTORY_DAYS - back) // 3
        ids = add_rows(application, "ERR_1100", answered, days_ago=back, top_ids=[TARGET_ENTRY], top_scores=[100.0])
        paste, lang = HISTORY_PASTES[back % len(HISTORY_PASTES)]
        add_rows(application, paste, 4, days_ago=back, lang=lang)
        add_rows(application, "endpoint slow to start maybe quota", 1, days_ago=back, top_ids=[TARGET_ENTRY],
                 top_scores=[52.0])
        with application.app_context():
            when = dt.datetime.now(dt.UTC) - dt.timedelta(days=back)
            for i, match_id in enumerate(ids[:4]):
                db.session.add(Feedback(match_id=match_id, helpful=i != back % 4, created_at=when, channel="api"))
            db.session.commit()

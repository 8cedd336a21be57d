"""POST /api/v1/feedback: validated, and stored for good once acknowledged."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, func, select

from app.extensions import db
from app.feedback.models import Feedback
from app.matching.matcher import MatchResult
from app.querylog.recorder import log_match
from tests.conftest import make_app

ENTRY = "err_1100-not-enough-quota"


def _post(client, **body):
    return client.post("/api/v1/feedback", json=body)


def _rows(app) -> list[Feedback]:
    with app.app_context():
        return list(db.session.scalars(select(Feedback)))


@pytest.fixture
def match_id(app) -> str:
    """A match in the query log, as POST /api/v1/match leaves it."""
    result = MatchResult(matches=[], query_lang="en", codes=[], http_statuses=[], ambiguous=False, truncated=False)
    with app.app_context():
        return log_match("my deployment is stuck", result, 5.0, "api")


def test_feedback_on_an_entry_is_acknowledged_with_201(client):
    response = _post(client, entry_id=ENTRY, helpful=True)
    assert (response.status_code, response.get_json()["entry_id"]) == (201, ENTRY)


def test_feedback_on_a_match_is_acknowledged_with_201(client, match_id):
    response = _post(client, match_id=match_id, helpful=False, reason="not_related")
    assert (response.status_code, response.get_json()["match_id"]) == (201, match_id)


def test_acknowledged_feedback_is_on_disk_for_a_new_app(client, app):
    feedback_id = _post(client, entry_id=ENTRY, helpful=False, reason="outdated").get_json()["id"]
    fresh = make_app(app.config["SQLALCHEMY_DATABASE_URI"])
    with fresh.app_context():
        row = db.session.get(Feedback, feedback_id)
        assert (row.entry_id, row.helpful, row.reason) == (ENTRY, False, "outdated")
        db.engine.dispose()


def test_acknowledged_feedback_is_visible_to_a_new_engine(client, app):
    _post(client, entry_id=ENTRY, helpful=True)
    engine = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(Feedback))
    engine.dispose()
    assert count == 1


def test_an_unknown_match_is_a_404(client):
    response = _post(client, match_id=str(uuid.uuid4()), helpful=True)
    assert (response.status_code, response.get_json()["error"]["code"]) == (404, "match_not_found")


def test_an_unknown_entry_is_a_404(client):
    response = _post(client, entry_id="no-such-entry", helpful=True)
    assert (response.status_code, response.get_json()["error"]["code"]) == (404, "entry_not_found")


def test_refused_feedback_stores_nothing(client, app):
    _post(client, entry_id="no-such-entry", helpful=True)
    assert _rows(app) == []


@pytest.mark.parametrize("body, code", [
    ({"helpful": True}, "missing_target"),
    ({"entry_id": ENTRY}, "invalid_helpful"),
    ({"entry_id": ENTRY, "helpful": "yes"}, "invalid_helpful"),
    ({"entry_id": ENTRY, "helpful": 1}, "invalid_helpful"),
    ({"entry_id": ENTRY, "helpful": None}, "invalid_helpful"),
    ({"match_id": "42", "helpful": True}, "invalid_match_id"),
    ({"match_id": None, "helpful": True}, "invalid_match_id"),
    ({"match_id": 42, "helpful": True}, "invalid_match_id"),
    ({"entry_id": "ERR_1100 Not enough quota", "helpful": True}, "invalid_entry_id"),
    ({"entry_id": ["x"], "helpful": True}, "invalid_entry_id"),
    ({"entry_id": ENTRY, "helpful": False, "reason": "bad"}, "invalid_reason"),
    ({"entry_id": ENTRY, "helpful": False, "reason": None}, "invalid_reason"),
    ({"entry_id": ENTRY, "helpful": False, "comment": 5}, "invalid_comment"),
    ({"entry_id": ENTRY, "helpful": False, "comment": "bad\x00byte"}, "invalid_comment"),
    ({"entry_id": ENTRY, "helpful": False, "stars": 5}, "unknown_field"),
], ids=["no-target", "no-helpful", "helpful-string", "helpful-number", "helpful-null", "match-id-not-uuid",
        "match-id-null", "match-id-number", "entry-id-title", "entry-id-list", "unknown-reason", "reason-null",
        "comment-number", "comment-nul", "unknown-field"])
def test_invalid_feedback_is_a_400_that_names_the_field(client, body, code):
    response = _post(client, **body)
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, code)


def test_a_comment_over_the_configured_length_is_a_400(client, app):
    response = _post(client, entry_id=ENTRY, helpful=False, comment="x" * (app.config["FEEDBACK_COMMENT_MAX"] + 1))
    assert response.get_json()["error"]["code"] == "invalid_comment"


def test_secrets_in_a_comment_are_redacted_before_storing(client, app):
    _post(client, entry_id=ENTRY, helpful=False, comment="still 401 with password=Tr0ub4dor&3-horse")
    comment = _rows(app)[0].comment
    assert ("Tr0ub4dor" in comment, comment.startswith("still 401 with password=[REDACTED:")) == (False, True)


def test_feedback_sent_as_form_data_is_a_415(client):
    response = client.post("/api/v1/feedback", data={"entry_id": ENTRY, "helpful": "true"})
    assert response.status_code == 415


@pytest.mark.postgres
def test_feedback_on_a_match_is_stored_on_postgresql(postgres_app):
    client = postgres_app.test_client()
    match_id = client.post("/api/v1/match", json={"query": "ERR_1100 not enough quota"}).get_json()["match_id"]
    feedback_id = _post(client, match_id=match_id, entry_id=ENTRY, helpful=True).get_json()["id"]
    engine = create_engine(postgres_app.config["SQLALCHEMY_DATABASE_URI"])
    with engine.connect() as connection:
        stored = connection.scalar(select(Feedback.match_id).where(Feedback.id == feedback_id))
    engine.dispose()
    assert stored == match_id

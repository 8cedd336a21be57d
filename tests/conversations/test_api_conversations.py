"""Bots' conversations: POST /api/v1/conversations, then /api/v1/match with the conversation_id."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.conversations import store
from app.extensions import db
from app.feedback.models import Feedback
from tests.conftest import app_on_copy, dispose

CRASH = "ERR_2200 user container crashed on my managed online endpoint"


def start(client, **headers) -> str:
    response = client.post("/api/v1/conversations", headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["conversation_id"]


def say(client, conversation_id: str, text: str, **extra) -> dict:
    response = client.post("/api/v1/match", json={"query": text, "conversation_id": conversation_id, **extra})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def first(reply: dict) -> str | None:
    return reply["matches"][0]["id"] if reply["matches"] else None


def test_the_four_turns_of_the_issue_through_the_api(client, app):
    conversation = start(client)
    assert first(say(client, conversation, CRASH)) == "err_2200-user-container-has-crashedterminated"
    logs = say(client, conversation, "how do I see its logs?")
    assert (logs["turn"], first(logs)) == ("follow_up", "get-container-logs")
    other = say(client, conversation, "that didn't help, what else can I try?")
    assert other["turn"] == "feedback" and other["reply"]["kind"] == "alternatives"
    assert other["reply"]["rejected_entry"] == "get-container-logs"
    assert "container-cannot-be-scheduled" not in [m["id"] for m in other["matches"]]
    korean = say(client, conversation, "and in Korean please")
    assert korean["turn"] == "language" and korean["answer_lang"] == "ko"
    assert [m["id"] for m in korean["matches"]] == [m["id"] for m in other["matches"]]
    thanks = say(client, conversation, "thanks!")
    assert thanks["turn"] == "small_talk" and thanks["matches"] == [] and thanks["reply"]["message"]
    with app.app_context():
        stored = db.session.scalars(select(Feedback).where(Feedback.entry_id == "get-container-logs")).all()
        assert [(row.helpful, row.channel) for row in stored] == [(False, "api")]


def test_without_a_conversation_the_reply_is_as_before(client):
    reply = client.post("/api/v1/match", json={"query": "thanks!"}).get_json()
    assert sorted(reply) == ["ambiguous", "answer_lang", "detected", "match_id", "matches", "out_of_scope",
                             "query_lang", "truncated"]


@pytest.mark.parametrize("value", ["nope", 5, None, ""])
def test_a_malformed_conversation_id_is_a_400(client, value):
    response = client.post("/api/v1/match", json={"query": "ERR_1100", "conversation_id": value})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_conversation_id"


def test_an_unknown_conversation_is_a_404(client):
    response = client.post("/api/v1/match", json={"query": "ERR_1100",
                                                  "conversation_id": "00000000-0000-4000-8000-000000000000"})
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "conversation_not_found"


def test_a_conversation_expires_when_unused(client, monkeypatch, app):
    conversation = start(client)
    ttl = app.config["CONVERSATION_TTL_SECONDS"]
    later = store.utc_now() + dt.timedelta(seconds=ttl + 1)
    monkeypatch.setattr(store, "utc_now", lambda: later)
    response = client.post("/api/v1/match", json={"query": "ERR_1100", "conversation_id": conversation})
    assert response.status_code == 404


def test_each_message_renews_the_conversation(client, monkeypatch, app):
    conversation = start(client)
    ttl = app.config["CONVERSATION_TTL_SECONDS"]
    almost = store.utc_now() + dt.timedelta(seconds=ttl - 5)
    monkeypatch.setattr(store, "utc_now", lambda: almost)
    say(client, conversation, "ERR_1100")
    monkeypatch.setattr(store, "utc_now", lambda: almost + dt.timedelta(seconds=ttl - 5))
    assert say(client, conversation, "thanks")["turn"] == "small_talk"


@pytest.fixture
def keyed_client(tmp_path, loaded_template):
    application = app_on_copy(tmp_path / "keys.sqlite3", loaded_template, API_KEYS={"one": "s1", "two": "s2"})
    yield application.test_client()
    dispose(application)


def test_a_conversation_belongs_to_the_key_that_created_it(keyed_client):
    conversation = start(keyed_client, **{"X-API-Key": "s1"})
    theirs = keyed_client.post("/api/v1/match", json={"query": "ERR_1100", "conversation_id": conversation},
                               headers={"X-API-Key": "s2"})
    anonymous = keyed_client.get(f"/api/v1/conversations/{conversation}/transcript")
    assert theirs.status_code == 404 and anonymous.status_code == 404
    mine = keyed_client.post("/api/v1/match", json={"query": "ERR_1100", "conversation_id": conversation},
                             headers={"X-API-Key": "s1"})
    assert mine.status_code == 200


def test_nothing_left_hands_over_a_transcript(client):
    conversation = start(client)
    say(client, conversation, "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ERR_2200 crashed")
    replies = [say(client, conversation, "still failing, that didn't help") for _ in range(4)]
    assert replies[-1]["reply"]["kind"] == "nothing_left"
    url = replies[-1]["reply"]["transcript_url"]
    transcript = client.get(url)
    assert transcript.status_code == 200 and transcript.mimetype == "text/markdown"
    text = transcript.get_data(as_text=True)
    assert "/entries/err_2200-user-container-has-crashedterminated" in text and "confidence" in text
    assert "wJalrXUtnFEMI" not in text


def test_markdown_replies_say_the_sentence(client):
    conversation = start(client)
    response = client.post("/api/v1/match?format=markdown", json={"query": "who are you?",
                                                                  "conversation_id": conversation})
    assert response.mimetype == "text/markdown" and "Azure Machine Learning" in response.get_data(as_text=True)


def test_a_bot_deletes_its_conversation(client, app):
    conversation = start(client)
    say(client, conversation, CRASH)
    assert client.delete(f"/api/v1/conversations/{conversation}").status_code == 204
    assert client.delete(f"/api/v1/conversations/{conversation}").status_code == 404
    assert client.get(f"/api/v1/conversations/{conversation}/transcript").status_code == 404

"""The chat as a conversation: the issue's four turns, language requests, small talk, the hand-off."""
from __future__ import annotations

from sqlalchemy import event, select

from app.conversations.models import Conversation, ConversationMessage
from app.extensions import db
from app.feedback.models import Feedback
from app.i18n import t

CONVERSATION_STATEMENTS_MAX = 3
"""Read the conversation, reserve positions and write the state (one UPDATE), insert both messages (one INSERT)."""
CRASH = "ERR_2200 user container crashed on my managed online endpoint"


def say(client, text: str) -> dict:
    response = client.post("/chat/messages", json={"text": text})
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    return {**data["messages"][1], "turn": data["turn"], "ui_lang": data["ui_lang"]}


def test_the_four_turns_of_the_issue(client, chat_app):
    first = say(client, CRASH)
    assert first["turn"] == "new_topic" and first["card"]["id"] == "err_2200-user-container-has-crashedterminated"

    logs = say(client, "how do I see its logs?")
    assert logs["turn"] == "follow_up"
    assert logs["kind"] == "answer" and logs["card"]["id"] == "get-container-logs"

    other = say(client, "that didn't help, what else can I try?")
    assert other["turn"] == "feedback" and other["kind"] == "alternatives"
    offered = [choice["id"] for choice in other["choices"]]
    assert offered and "get-container-logs" not in offered and "container-cannot-be-scheduled" not in offered
    with chat_app.app_context():
        rejected = db.session.scalars(select(Feedback).where(Feedback.entry_id == "get-container-logs")).all()
        assert [(row.helpful, row.channel) for row in rejected] == [(False, "chat")]

    korean = say(client, "and in Korean please")
    assert korean["turn"] == "language" and korean["lang"] == "ko" and korean["ui_lang"] == "ko"
    assert [choice["id"] for choice in korean["choices"]] == offered

    thanks = say(client, "thanks!")
    assert thanks["turn"] == "small_talk" and thanks["kind"] == "text"
    assert thanks["text"] == t("ko", "small_talk_thanks")  # the user asked for Korean, so it stays Korean


def test_a_new_paste_with_its_own_code_starts_a_new_topic(client):
    say(client, CRASH)
    reply = say(client, "now it says ERR_1100 not enough quota")
    assert reply["turn"] == "new_topic" and reply["card"]["id"] == "err_1100-not-enough-quota"


def test_the_same_problem_in_another_family(client):
    say(client, "ERR_2101 kubernetes unschedulable on my online deployment")
    reply = say(client, "same on AKS?")
    assert reply["turn"] == "follow_up" and reply["card"]["id"] == "container-cannot-be-scheduled"


def test_nothing_left_offers_the_hand_off(client):
    say(client, CRASH)
    kinds = [say(client, "still failing, that didn't help")["kind"] for _ in range(4)]
    assert kinds[-1] == "handoff"
    transcript = client.get("/chat/transcript")
    assert transcript.status_code == 200 and transcript.mimetype == "text/markdown"
    text = transcript.get_data(as_text=True)
    assert "ERR_2200" in text and "/entries/err_2200-user-container-has-crashedterminated" in text


def test_small_talk_and_off_topic_in_the_users_language(client):
    assert say(client, "안녕하세요")["lang"] == "ko"
    who = say(client, "кто ты?")
    assert who["turn"] == "small_talk" and who["lang"] == "ru" and "бот" in who["text"]
    weather = say(client, "what's the weather like today?")
    assert weather["turn"] == "small_talk" and weather["text"].startswith("Sorry")


def test_delete_removes_the_conversation_and_its_messages(client, chat_app):
    say(client, CRASH)
    with client.session_transaction() as session:
        conversation_id = session["conversation_id"]
    assert client.post("/chat/delete", json={}).status_code == 200
    with chat_app.app_context():
        assert db.session.get(Conversation, conversation_id) is None
        assert db.session.scalars(select(ConversationMessage.id).where(
            ConversationMessage.conversation_id == conversation_id)).all() == []
    assert client.get("/chat/history").get_json()["messages"] == []
    assert client.get("/chat/transcript").status_code == 404


def test_delete_needs_the_csrf_token(csrf_app):
    visitor = csrf_app.test_client()
    visitor.get("/")
    assert visitor.post("/chat/delete", json={}).status_code == 400


def test_a_follow_up_message_takes_few_sql_statements(client, chat_app):
    """The state is on the conversation row: reading a follow-up costs no query of earlier messages."""
    say(client, CRASH)
    statements: list[str] = []
    with chat_app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", count)
    try:
        say(client, "how do I see its logs?")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    conversation_statements = [s for s in statements if "conversation" in s]
    assert conversation_statements, statements  # the counter sees the conversation's statements
    assert len(conversation_statements) <= CONVERSATION_STATEMENTS_MAX, statements
    assert not any(s.startswith("SELECT") and "conversation_messages" in s for s in conversation_statements)

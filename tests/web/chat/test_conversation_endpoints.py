"""The chat page and its JSON endpoints, through the Flask test client."""
from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.config import ROOT
from app.conversations.models import ConversationMessage
from app.extensions import db
from app.feedback.models import Feedback
from tests.conftest import make_app

KOREAN_QUOTA = "배포하다가 오류가 났어요: ERR_1100 할당량이 부족합니다"
ENGLISH_QUOTA = "Deployment failed with ERR_1100: not enough quota"
XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def send(client, text: str, **headers) -> dict:
    """Post a paste and return the assistant's message."""
    response = client.post("/chat/messages", json={"text": text}, headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["messages"][1]


def csrf_token(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def test_page_loads_every_asset_from_the_app(client):
    """No CDN: every script, stylesheet and icon the page references is served by the app itself."""
    page = client.get("/").get_data(as_text=True)
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert assets and all(url.startswith("/static/") for url in assets)
    assert all(client.get(url).status_code == 200 for url in assets)


def test_scripts_and_styles_fetch_nothing_from_other_hosts():
    """Module imports and CSS urls stay on the app too (no fonts or libraries from a CDN)."""
    for path in [*(ROOT / "app" / "static").rglob("*.js"), *(ROOT / "app" / "static").rglob("*.css")]:
        assert not re.search(r"(?:from\s+|import\s*\(|url\()\s*[\"']?(?:https?:)?//", path.read_text()), path


def test_page_forbids_inline_and_third_party_scripts(client):
    """The content security policy is the second wall against injected markup."""
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_post_without_csrf_token_is_refused(csrf_app):
    """A state-changing request without the token (another site's form) is refused and stores nothing."""
    client = csrf_app.test_client()
    client.get("/")
    response = client.post("/chat/messages", json={"text": ENGLISH_QUOTA})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"
    assert client.get("/chat/history").get_json()["messages"] == []


def test_post_with_csrf_token_in_header_is_accepted(csrf_app):
    """The page sends the token in X-CSRFToken, as its script does."""
    client = csrf_app.test_client()
    message = send(client, ENGLISH_QUOTA, **{"X-CSRFToken": csrf_token(client)})
    assert message["kind"] == "answer"


def test_history_hands_out_a_working_csrf_token(csrf_app):
    """A page left open past the token's lifetime fetches a fresh one from the history and carries on."""
    client = csrf_app.test_client()
    token = client.get("/chat/history").get_json()["csrf_token"]
    assert send(client, ENGLISH_QUOTA, **{"X-CSRFToken": token})["kind"] == "answer"


def test_new_conversation_needs_the_csrf_token_too(csrf_app):
    """Even starting over changes state, so it needs the token."""
    client = csrf_app.test_client()
    client.get("/")
    assert client.post("/chat/new").status_code == 400


def test_korean_paste_is_answered_in_korean(client):
    """The answer follows the language of the paste."""
    message = send(client, KOREAN_QUOTA)
    assert (message["lang"], message["card"]["content_lang"]) == ("ko", "ko")
    assert message["card"]["title"] == "ERR_1100 / OutOfQuota(CPU 할당량): 할당량이 모자람"


def test_bare_code_is_answered_in_the_interface_language(client):
    """A paste with no words has no language of its own: the browser's language is used."""
    message = send(client, "ERR_1100", **{"Accept-Language": "zh-CN,zh;q=0.9"})
    assert message["lang"] == "zh"


def test_language_link_sets_the_interface_language_for_later_answers(client):
    """After opening /?lang=ru, a bare code is answered in Russian, as the page's interface is."""
    client.get("/?lang=ru")
    assert send(client, "ERR_1100")["lang"] == "ru"


def test_answer_explains_why_it_matched(client):
    """The card names the evidence, starting with the error code found in the paste."""
    card = send(client, ENGLISH_QUOTA)["card"]
    assert card["reasons"][0] == "The error code ERR_1100 is in your text."
    assert card["confidence"] == "high"


def test_answer_cites_its_source_article_and_section(client):
    """The source reads as the article's title and section heading, with language and date."""
    source = send(client, KOREAN_QUOTA)["card"]["sources"][0]
    assert source["article"] == "관리형 온라인 엔드포인트(미리 보기) 배포 문제 해결"
    assert source["section"].startswith("ERR_1100")
    assert (source["language"], source["date"]) == ("한국어", "2021-05-13")


def test_close_candidates_come_back_as_a_choice(client):
    """When two entries score about the same, the user is asked to choose instead of getting a guess."""
    message = send(client, "HTTP 429")
    assert message["kind"] == "choice"
    assert {choice["id"] for choice in message["choices"]} == {
        "http-429-rate-limiting", "http-429-too-many-pending-requests"}


def test_unmatched_paste_gets_tips_and_the_three_families(client):
    """No match: what to paste instead, and every family to browse."""
    message = send(client, "my coffee machine is broken")
    assert message["kind"] == "no_match"
    assert len(message["tips"]) == 3
    assert [family["id"] for family in message["families"]] == [
        "managed-online-endpoints", "batch-endpoints", "docker-aci-aks"]


def test_unknown_error_code_is_named_in_the_no_match_answer(client):
    """A code the knowledge does not cover is acknowledged, so the user knows it was read."""
    message = send(client, "ERR_9999 during deployment")
    assert "ERR_9999" in message["detected"]


def test_empty_paste_is_refused(client):
    response = client.post("/chat/messages", json={"text": "   \n "})
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, "empty_text")


def test_xss_payload_is_stored_and_returned_as_the_same_text(client, chat_app):
    """Markup in a paste is data: kept verbatim and returned for the page to show as text."""
    send(client, XSS)
    history = client.get("/chat/history").get_json()["messages"]
    assert history[0] == {"id": history[0]["id"], "role": "user", "text": XSS}
    with chat_app.app_context():
        assert db.session.get(ConversationMessage, history[0]["id"]).text == XSS


def test_secrets_in_a_paste_are_not_kept(client):
    """Pasted logs carry tokens; the conversation keeps the paste the way the query log does, redacted."""
    send(client, "ERR_1200 pulling image, password=Sup3rS3cret!")
    stored = client.get("/chat/history").get_json()["messages"][0]["text"]
    assert "Sup3rS3cret" not in stored and stored.startswith("ERR_1200 pulling image")


def test_chat_page_never_contains_the_paste(client):
    """History arrives as JSON, never rendered into the HTML page."""
    send(client, XSS)
    assert "onerror" not in client.get("/").get_data(as_text=True)


def test_history_survives_a_new_app_on_the_same_database(tmp_path, loaded_template):
    """A server restart (a new app, same database and secret) keeps the browser's conversation."""
    path = tmp_path / "restart.sqlite3"
    shutil.copy(loaded_template, path)
    first = make_app(f"sqlite:///{path}").test_client()
    send(first, KOREAN_QUOTA)
    cookie = first.get_cookie("session")
    second = make_app(f"sqlite:///{path}").test_client()
    second.set_cookie("session", cookie.value)
    messages = second.get("/chat/history").get_json()["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[0]["text"] == KOREAN_QUOTA


def test_history_is_private_to_its_browser(chat_app):
    """Another browser (another session cookie) sees an empty conversation."""
    send(chat_app.test_client(), KOREAN_QUOTA)
    assert chat_app.test_client().get("/chat/history").get_json()["messages"] == []


def test_new_conversation_starts_with_an_empty_history(client):
    send(client, KOREAN_QUOTA)
    client.post("/chat/new")
    assert client.get("/chat/history").get_json()["messages"] == []


def test_language_switch_rerenders_the_answer_and_marks_the_fallback(client):
    """ERR_1100 has no Russian text: switched to Russian, it shows English and says so in Russian."""
    message = send(client, ENGLISH_QUOTA)
    response = client.post("/chat/language", json={"lang": "ru", "message_id": message["id"]})
    card = response.get_json()["message"]["card"]
    assert (card["lang"], card["content_lang"]) == ("ru", "en")
    assert card["fallback_note"] == "Нет версии на языке «Русский»; показано на языке «English»."


def test_language_switch_is_kept_after_a_reload(client):
    """The re-rendered language is stored, so history shows the answer as the user last saw it."""
    message = send(client, ENGLISH_QUOTA)
    client.post("/chat/language", json={"lang": "ko", "message_id": message["id"]})
    history = client.get("/chat/history").get_json()
    assert history["ui_lang"] == "ko"
    assert history["messages"][1]["card"]["content_lang"] == "ko"


def test_opening_a_chip_adds_that_entry_as_a_card(client):
    message = send(client, ENGLISH_QUOTA)
    response = client.post("/chat/open", json={"entry_id": "err_1101-out-of-capacity",
                                               "from_message_id": message["id"], "lang": "en"})
    opened = response.get_json()["message"]
    assert (opened["kind"], opened["card"]["id"]) == ("entry", "err_1101-out-of-capacity")
    assert len(client.get("/chat/history").get_json()["messages"]) == 3


def test_opening_an_unknown_entry_is_not_found(client):
    response = client.post("/chat/open", json={"entry_id": "no-such-entry"})
    assert response.status_code == 404


def test_feedback_is_stored_with_its_query_and_entry(client, chat_app):
    """Feedback goes to the same table as the API's, tied to the logged query and the entry shown."""
    message = send(client, ENGLISH_QUOTA)
    response = client.post("/chat/feedback", json={
        "message_id": message["id"], "entry_id": "err_1100-not-enough-quota", "helpful": False,
        "reason": "not_related", "comment": "I use a different VM size"})
    assert response.get_json()["message"]["feedback"] == {"entry_id": "err_1100-not-enough-quota",
                                                         "helpful": False}
    with chat_app.app_context():
        stored = db.session.get(ConversationMessage, message["id"])
        row = db.session.scalars(select(Feedback).where(Feedback.match_id == stored.match_id)).one()
        assert (row.channel, row.helpful, row.reason, row.comment) == (
            "chat", False, "not_related", "I use a different VM size")
        assert (row.match_id, row.entry_id) == (stored.match_id, "err_1100-not-enough-quota")


def test_feedback_reason_must_be_a_known_one(client):
    message = send(client, ENGLISH_QUOTA)
    response = client.post("/chat/feedback", json={
        "message_id": message["id"], "entry_id": "err_1100-not-enough-quota", "helpful": False,
        "reason": "<b>bad</b>"})
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, "invalid_reason")


def test_feedback_is_taken_once_per_answer(client):
    """A second click does not count twice."""
    message = send(client, ENGLISH_QUOTA)
    body = {"message_id": message["id"], "entry_id": "err_1100-not-enough-quota", "helpful": True}
    client.post("/chat/feedback", json=body)
    assert client.post("/chat/feedback", json=body).status_code == 409


def test_feedback_on_another_browsers_answer_is_not_found(chat_app):
    """Message ids are guessable; the session decides which ones a browser may touch."""
    message = send(chat_app.test_client(), ENGLISH_QUOTA)
    response = chat_app.test_client().post("/chat/feedback", json={
        "message_id": message["id"], "entry_id": "err_1100-not-enough-quota", "helpful": True})
    assert response.status_code == 404


# Input the API refuses with a 400 is refused by the chat too: never a 500.

def _error_of(response) -> tuple[int, str]:
    return response.status_code, response.get_json()["error"]["code"]


def _post_raw(client, path: str, body: bytes, content_type: str = "application/json"):
    return client.post(path, data=body, content_type=content_type)


CHAT_JSON_ENDPOINTS = ["/chat/messages", "/chat/open", "/chat/language", "/chat/feedback"]


def test_a_lone_surrogate_in_the_text_is_a_400(client):
    """It cannot be encoded (the fingerprint hashes UTF-8), so it is refused like the API refuses it."""
    response = client.post("/chat/messages", json={"text": "ERR_1100 \ud800 quota"})
    assert _error_of(response) == (400, "invalid_text")


@pytest.mark.parametrize("text", ["\x01\x02\x03", "\u200b\u200c\u200d\u2060", "\ufeff\u200b", "\x1b\x07\x08\u200b"],
                         ids=["controls", "zero-width", "bom-and-zero-width", "mixed"])
def test_text_with_nothing_readable_is_a_400(client, text):
    response = client.post("/chat/messages", json={"text": text})
    assert _error_of(response) == (400, "invalid_text")
    assert client.get("/chat/history").get_json()["messages"] == []


@pytest.mark.parametrize("path", CHAT_JSON_ENDPOINTS)
def test_json_nested_too_deep_to_parse_is_a_400(client, path):
    body = ('{"text": ' + "[" * 2000 + "]" * 2000 + "}").encode()
    assert _error_of(_post_raw(client, path, body)) == (400, "invalid_json")


@pytest.mark.parametrize("body", [b'{"text": NaN}', b'{"text": Infinity}', b'{"text": "\xff\xfe"}', b'{"text": ',
                                  b"", b'["ERR_1100"]', b'"ERR_1100"', b"null"],
                         ids=["nan", "infinity", "bad-utf8", "truncated", "empty", "array", "string", "null"])
@pytest.mark.parametrize("path", CHAT_JSON_ENDPOINTS)
def test_a_body_that_is_not_a_json_object_in_utf8_is_a_400(client, path, body):
    assert _error_of(_post_raw(client, path, body)) == (400, "invalid_json")


def test_json_with_a_byte_order_mark_is_accepted(client):
    """As the API does: UTF-8 with a BOM is still UTF-8."""
    body = '\ufeff{"text": "ERR_1100"}'.encode()
    assert _post_raw(client, "/chat/messages", body).status_code == 200


@pytest.mark.parametrize("path", CHAT_JSON_ENDPOINTS)
def test_a_body_that_is_not_json_is_a_415(client, path):
    response = _post_raw(client, path, b"text=ERR_1100", "application/x-www-form-urlencoded")
    assert _error_of(response) == (415, "unsupported_media_type")


@pytest.mark.parametrize("value", [2**63, 2**64 + 1, 10**30, 0, -1, -(2**63) - 1, True, 1.0, "1", [1]],
                         ids=["2**63", "2**64+1", "10**30", "zero", "negative", "below-int64", "bool", "float",
                              "string", "list"])
def test_a_message_id_outside_the_sql_integer_range_is_a_400(client, value):
    answer = send(client, ENGLISH_QUOTA)
    bodies = {
        "/chat/feedback": {"message_id": value, "entry_id": "err_1100-not-enough-quota", "helpful": True},
        "/chat/open": {"entry_id": "err_1101-out-of-capacity", "from_message_id": value},
        "/chat/language": {"lang": "ko", "message_id": value},
    }
    for path, body in bodies.items():
        response = client.post(path, json=body)
        assert _error_of(response) == (400, "invalid_message_id"), path
        assert "2**63" not in response.get_json()["error"]["message"]
    # The answer itself is untouched.
    assert client.get("/chat/history").get_json()["messages"][1]["id"] == answer["id"]


def test_the_largest_sql_integer_is_a_well_formed_id_that_is_not_found(client):
    send(client, ENGLISH_QUOTA)
    largest = 2**63 - 1
    assert _error_of(client.post("/chat/language", json={"lang": "ko", "message_id": largest})) == (
        404, "message_not_found")
    assert _error_of(client.post("/chat/feedback", json={
        "message_id": largest, "entry_id": "err_1100-not-enough-quota", "helpful": True})) == (404, "message_not_found")
    assert _error_of(client.post("/chat/open", json={"entry_id": "err_1101-out-of-capacity",
                                                     "from_message_id": largest})) == (404, "message_not_found")


@pytest.mark.postgres
def test_an_id_beyond_postgres_integer_columns_is_not_found_on_postgres(postgres_app):
    """PostgreSQL's INTEGER ids stop at 2**31 - 1; a larger (valid) id is simply not there."""
    client = postgres_app.test_client()
    send(client, ENGLISH_QUOTA)
    for message_id in (2**31, 2**62, 2**63 - 1):
        response = client.post("/chat/language", json={"lang": "ko", "message_id": message_id})
        assert _error_of(response) == (404, "message_not_found")


@pytest.mark.parametrize("comment", ["bad \ud800 surrogate", "nul \x00 byte", "x" * 2001],
                         ids=["surrogate", "nul", "too-long"])
def test_a_comment_that_is_not_clean_text_is_a_400(client, chat_app, comment):
    message = send(client, ENGLISH_QUOTA)
    response = client.post("/chat/feedback", json={
        "message_id": message["id"], "entry_id": "err_1100-not-enough-quota", "helpful": False,
        "reason": "other", "comment": comment})
    assert _error_of(response) == (400, "invalid_comment")
    with chat_app.app_context():
        stored = db.session.get(ConversationMessage, message["id"])
        assert db.session.scalars(select(Feedback).where(Feedback.match_id == stored.match_id)).all() == []


def test_a_blank_comment_and_an_empty_reason_mean_none(client, chat_app):
    """What the page's form sends when nothing was chosen or typed."""
    message = send(client, ENGLISH_QUOTA)
    response = client.post("/chat/feedback", json={
        "message_id": message["id"], "entry_id": "err_1100-not-enough-quota", "helpful": False,
        "reason": "", "comment": "   "})
    assert response.status_code == 200
    with chat_app.app_context():
        stored = db.session.get(ConversationMessage, message["id"])
        row = db.session.scalars(select(Feedback).where(Feedback.match_id == stored.match_id)).one()
        assert (row.reason, row.comment, row.message_id) == (None, None, message["id"])


@pytest.mark.parametrize("entry_id", ["err_1100-not-enough-quota\ud800", "\x00", "x" * 121, "ERR_1100", "a b"],
                         ids=["surrogate", "nul", "too-long", "upper-case", "space"])
def test_opening_an_entry_id_that_cannot_exist_is_not_found(client, entry_id):
    response = client.post("/chat/open", json={"entry_id": entry_id})
    assert _error_of(response) == (404, "entry_not_found")


@pytest.mark.parametrize("lang", [["ko"], {"ko": 1}, 1, None, "kor", "\ud800"])
def test_a_language_that_is_not_one_of_ours_is_a_400(client, lang):
    assert _error_of(client.post("/chat/language", json={"lang": lang})) == (400, "invalid_lang")


@pytest.mark.parametrize("error", [
    OperationalError("SELECT 1", {}, Exception("database is locked")),
    PoolTimeout("QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00"),
], ids=["database-down", "no-free-connection"])
def test_database_trouble_is_a_503_to_retry_not_a_500(client, monkeypatch, error):
    """The chat answers as the rest of the app does (app/errors.py): temporary, retry shortly."""
    def unavailable(_conversation_id):
        raise error

    monkeypatch.setattr("app.web.chat.store.find_conversation", unavailable)
    response = client.get("/chat/history")
    assert _error_of(response) == (503, "database_unavailable")
    assert int(response.headers["Retry-After"]) > 0


def test_a_neighbouring_topic_gets_a_card_that_says_it_is_not_covered(client):
    message = send(client, "Our AmlCompute cluster is stuck resizing and the nodes never become idle")
    assert message["kind"] == "no_match"
    assert message["out_of_scope"]["topic"] == "compute-cluster"
    assert message["out_of_scope"]["docs"]["url"].startswith("https://learn.microsoft.com/")


def test_a_plain_no_match_has_no_topic(client):
    assert send(client, "my deployment keeps doing something odd with the widgets")["out_of_scope"] is None


def test_off_topic_chatter_gets_a_one_line_refusal_not_a_no_match_card(client):
    """Chatter is answered as small talk (app/dialogue), not with tips on what to paste."""
    message = send(client, "the weather is nice today, any tips for lunch?")
    assert message["kind"] == "text" and message["turn"] == "small_talk"
    assert message["text"].startswith("Sorry") and "\n" not in message["text"]

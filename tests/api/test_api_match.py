"""POST /api/v1/match: the contract bots rely on."""
from __future__ import annotations

from sqlalchemy import select

from app.api.models import MATCH_LIMIT_MAX
from app.extensions import db
from app.querylog.models import QueryLogRecord
from app.querylog.recorder import flush

MATCH_FIELDS = {"id", "score", "lang", "fallback", "title", "cause", "steps", "commands", "sources", "reasons"}


def _match(client, **body):
    return client.post("/api/v1/match", json=body)


def test_an_error_code_finds_its_entry(client):
    response = _match(client, query="Deployment failed: ERR_1100 Not enough quota")
    assert response.status_code == 200
    assert response.get_json()["matches"][0]["id"] == "err_1100-not-enough-quota"


def test_every_match_carries_the_documented_fields(client):
    matches = _match(client, query="ERR_1100 not enough quota").get_json()["matches"]
    assert matches and all(set(match) >= MATCH_FIELDS for match in matches)


def test_detected_codes_and_statuses_are_reported(client):
    body = _match(client, query="ERR_1100 and then the endpoint returned HTTP 429").get_json()
    assert body["detected"] == {"codes": ["ERR_1100"], "http_status": [429]}


def test_match_id_is_in_the_body_and_the_header(client):
    response = _match(client, query="ERR_1100")
    assert response.headers["X-Match-Id"] == response.get_json()["match_id"]


def test_the_answer_uses_the_requested_language(client):
    body = _match(client, query="ERR_1100 not enough quota", lang="ko").get_json()
    assert body["matches"][0]["lang"] == "ko"


def test_the_answer_follows_the_query_language_by_default(client):
    body = _match(client, query="ERR_1100 배포할 때 할당량이 부족하다는 오류가 나요").get_json()
    assert (body["query_lang"], body["matches"][0]["lang"]) == ("ko", "ko")


def test_limit_caps_the_number_of_matches(client):
    body = _match(client, query="HTTP 429 too many requests", limit=1).get_json()
    assert len(body["matches"]) == 1


def test_the_largest_limit_is_accepted(client):
    assert _match(client, query="HTTP 429", limit=MATCH_LIMIT_MAX).status_code == 200


def test_text_about_something_else_gets_no_match(client):
    body = _match(client, query="what is a good recipe for chocolate cake with strawberries").get_json()
    assert body["matches"] == []


def test_a_long_paste_is_analysed_and_marked_truncated(client, app):
    filler = "\n".join(f"step {i}: copying layer data to the build context" for i in range(400))
    query = "my deployment fails\nERR_1100: Not enough quota\n" + filler
    assert len(query) > app.config["MATCH_MAX_QUERY_CHARS"]
    body = _match(client, query=query).get_json()
    assert (body["truncated"], body["matches"][0]["id"]) == (True, "err_1100-not-enough-quota")


def test_a_short_query_is_not_marked_truncated(client):
    assert _match(client, query="ERR_1100").get_json()["truncated"] is False


def test_markdown_format_returns_a_ready_to_post_message(client):
    response = client.post("/api/v1/match?format=markdown", json={"query": "ERR_1100 not enough quota"})
    assert response.mimetype == "text/markdown"
    assert response.get_data(as_text=True).startswith("### ERR_1100")


def test_accept_text_markdown_returns_markdown(client):
    response = client.post("/api/v1/match", json={"query": "ERR_1100"}, headers={"Accept": "text/markdown"})
    assert response.mimetype == "text/markdown"


def test_a_markdown_reply_still_carries_the_match_id(client):
    response = client.post("/api/v1/match?format=markdown", json={"query": "ERR_1100"})
    assert len(response.headers["X-Match-Id"]) == 36


def test_terminal_colour_codes_in_a_pasted_log_are_accepted(client):
    query = "\x1b[31mERROR\x1b[0m ERR_1100: Not enough quota\n\x1b[33mWARNING\x1b[0m retrying"
    assert _match(client, query=query).status_code == 200


def test_every_match_is_logged_under_its_match_id(client, app):
    match_id = _match(client, query="ERR_1100 not enough quota").get_json()["match_id"]
    with app.app_context():
        flush()
        row = db.session.scalars(select(QueryLogRecord).where(QueryLogRecord.id == match_id)).one()
    assert row.top_ids[0] == "err_1100-not-enough-quota"


def test_a_neighbouring_topic_is_named_instead_of_a_wrong_entry(client):
    body = client.post("/api/v1/match", json={
        "query": "Our AmlCompute cluster is stuck resizing, nodes never become idle", "lang": "ko"}).get_json()
    assert body["matches"] == []
    assert body["out_of_scope"]["topic"] == "compute-cluster"
    assert "컴퓨팅 클러스터" in body["out_of_scope"]["message"]
    assert body["out_of_scope"]["docs"]["url"].startswith("https://learn.microsoft.com/")


def test_a_deployment_paste_has_no_out_of_scope(client):
    assert client.post("/api/v1/match", json={"query": "ERR_1100"}).get_json()["out_of_scope"] is None


def test_the_bot_message_names_the_neighbouring_topic_and_where_to_look(client):
    response = client.post("/api/v1/match?format=markdown",
                           json={"query": "AutoML run failed during featurization with a UserError"})
    assert "AutoML" in response.get_data(as_text=True) and "](https://learn.microsoft.com/" in response.get_data(as_text=True)

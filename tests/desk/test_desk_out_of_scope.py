"""An applied out-of-scope decision changes the answer: the paste group gets "not covered" with its topic."""
from __future__ import annotations

import yaml

from app.extensions import db
from app.querylog.fingerprint import fingerprint
from app.store.loader import OUT_OF_SCOPE_FILE, parse_out_of_scope, read_out_of_scope
from app.store.snapshot import holder
from tests.conftest import KNOWLEDGE_DIR
from tests.desk.conftest import TARGET_ENTRY, flush_query_log

PASTE = "Deployment failed with ERR_1100: not enough quota on cluster 4815162342"
"""Answered with an entry today; the curator decides the group is a compute-cluster question."""
SAME_GROUP = PASTE.replace("4815162342", "2718281828")
"""Another paste of the group: the fingerprint folds long numbers."""
TOPIC = "compute-cluster"


def ask(client, paste: str) -> dict:
    response = client.post("/api/v1/match", json={"query": paste})
    assert response.status_code == 200, response.text
    return response.json


def mark_out_of_scope(desk_app, curator, paste: str = PASTE) -> None:
    response = curator.post(f"/desk/gaps/{fingerprint(paste)}/out-of-scope",
                            data={"topic": TOPIC, "note": "quota of a training cluster"})
    assert response.status_code == 302, response.text
    assert curator.post(response.headers["Location"] + "/apply").status_code == 302
    holder(desk_app).settle(desk_app)


def test_an_applied_decision_answers_the_group_not_covered(desk_app, curator):
    client = desk_app.test_client()
    before = ask(client, PASTE)
    assert [m["id"] for m in before["matches"]][:1] == [TARGET_ENTRY] and before["out_of_scope"] is None
    flush_query_log(desk_app)  # the group exists in the log because of real API traffic
    mark_out_of_scope(desk_app, curator)
    for paste in (PASTE, SAME_GROUP):
        after = ask(client, paste)
        assert after["matches"] == []
        assert after["out_of_scope"]["topic"] == TOPIC and after["out_of_scope"]["docs"]["url"]
    assert ask(client, "Deployment failed with ERR_1100: not enough quota")["matches"][0]["id"] == TARGET_ENTRY


def test_the_chat_markdown_and_a_bot_conversation_say_not_covered(desk_app, curator):
    mark_out_of_scope(desk_app, curator)
    client = desk_app.test_client()
    response = client.post("/chat/messages", json={"text": PASTE})
    assert response.status_code == 200, response.text
    assert TARGET_ENTRY not in str(response.json["messages"][1])
    markdown = client.post("/api/v1/match?format=markdown", json={"query": PASTE})
    assert markdown.status_code == 200 and TARGET_ENTRY not in markdown.text
    conversation = client.post("/api/v1/conversations").json["conversation_id"]
    said = client.post("/api/v1/match", json={"query": PASTE, "conversation_id": conversation})
    assert said.status_code == 200, said.text
    assert said.json["matches"] == [] and said.json["out_of_scope"]["topic"] == TOPIC
    transcript = client.get(f"/api/v1/conversations/{conversation}/transcript").text
    assert TARGET_ENTRY not in transcript


def test_the_decision_survives_export_and_load(desk_app, curator, tmp_path):
    mark_out_of_scope(desk_app, curator)
    runner = desk_app.test_cli_runner()
    exported = tmp_path / "exported"
    assert runner.invoke(args=["kb", "export", str(exported)]).exit_code == 0
    decisions, errors = parse_out_of_scope((exported / OUT_OF_SCOPE_FILE).read_text(encoding="utf-8"))
    assert not errors and [(d["fingerprint"], d["topic"]) for d in decisions] == [(fingerprint(PASTE), TOPIC)]
    loaded = runner.invoke(args=["kb", "load", "--dir", str(exported)])
    assert loaded.exit_code == 0, loaded.output
    holder(desk_app).settle(desk_app)
    assert ask(desk_app.test_client(), PASTE)["out_of_scope"]["topic"] == TOPIC
    # the files are the source of truth: a folder without the file has no decisions
    assert runner.invoke(args=["kb", "load", "--dir", str(KNOWLEDGE_DIR)]).exit_code == 0
    holder(desk_app).settle(desk_app)
    with desk_app.app_context():
        assert read_out_of_scope(db.session()) == []
    assert ask(desk_app.test_client(), PASTE)["matches"][0]["id"] == TARGET_ENTRY


def test_a_broken_decisions_file_loads_nothing(desk_app, tmp_path):
    runner = desk_app.test_cli_runner()
    folder = tmp_path / "broken"
    assert runner.invoke(args=["kb", "export", str(folder)]).exit_code == 0
    (folder / OUT_OF_SCOPE_FILE).write_text(yaml.safe_dump([{"fingerprint": "abc", "topic": "the moon"}]))
    loaded = runner.invoke(args=["kb", "load", "--dir", str(folder)])
    assert loaded.exit_code == 1 and "fingerprint" in loaded.output and "topic" in loaded.output

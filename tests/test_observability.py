"""What an operator sees: metrics that move with traffic, request ids, JSON log lines."""
from __future__ import annotations

import json
import logging

from app.observability.requests import JsonLinesFormatter, RequestIdFilter


def _sample(text: str, name: str, **labels) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{key}="{value}"' in line for key, value in labels.items()):
            return float(line.rsplit(" ", 1)[1])
        if line.startswith(name + " ") and not labels:
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_matches_and_knowledge(client):
    before = client.get("/metrics").get_data(as_text=True)
    client.post("/api/v1/match", json={"query": "ERR_1100 not enough quota"})
    client.post("/api/v1/match", json={"query": "chocolate cake recipe with strawberries"})
    after = client.get("/metrics")
    text = after.get_data(as_text=True)
    assert after.status_code == 200 and after.mimetype == "text/plain"
    route = {"route": "/api/v1/match", "status": "200", "method": "POST"}
    assert _sample(text, "http_requests_total", **route) == _sample(before, "http_requests_total", **route) + 2
    assert _sample(text, "matches_total", outcome="answered", channel="api") >= 1
    for stage in ("normalise", "candidates", "semantic", "score", "total"):
        assert _sample(text, "match_stage_duration_seconds_count", stage=stage) >= 2, stage
    assert _sample(text, "knowledge_entries") > 50
    assert "query_log_queue_depth" in text and "query_log_dropped_total" in text


def test_metrics_can_require_a_token(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "METRICS_TOKEN", "s3cret-token")
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200


def test_every_response_carries_a_request_id_and_a_well_formed_one_is_kept(client):
    made = client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "bot-42.trace:7"}).headers["X-Request-ID"] == "bot-42.trace:7"
    forged = client.get("/healthz", headers={"X-Request-ID": "id with spaces; and=quotes\""}).headers["X-Request-ID"]
    assert len(forged) == 32 and " " not in forged
    assert len(client.get("/healthz", headers={"X-Request-ID": "a" * 500}).headers["X-Request-ID"]) == 32
    assert client.post("/api/v1/match", data="{").headers["X-Request-ID"]  # errors too


def test_log_lines_can_be_json_with_the_request_id():
    record = logging.LogRecord("app.x", logging.WARNING, __file__, 1, "slow %s", ("match",), None)
    RequestIdFilter().filter(record)
    line = json.loads(JsonLinesFormatter().format(record))
    assert (line["level"], line["message"], line["request_id"]) == ("WARNING", "slow match", None)

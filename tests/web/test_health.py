"""Liveness and readiness probes, in the states an orchestrator sees."""
from __future__ import annotations

from tests.conftest import make_app


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_is_ok_when_knowledge_is_loaded(client):
    response = client.get("/readyz")
    assert (response.status_code, response.get_json()["status"]) == (200, "ok")


def test_readyz_counts_entries_per_language(client):
    knowledge = client.get("/readyz").get_json()["knowledge"]
    assert knowledge["languages"]["en"] == knowledge["entries"] > 0 and set(knowledge["languages"]) == {
        "en", "ko", "zh", "ru"}


def test_readyz_is_503_on_an_empty_database(empty_app):
    response = empty_app.test_client().get("/readyz")
    assert (response.status_code, response.get_json()["knowledge"]["entries"]) == (503, 0)


def test_readyz_is_503_when_the_database_is_unreachable(tmp_path):
    response = make_app(f"sqlite:///{tmp_path}").test_client().get("/readyz")
    assert (response.status_code, response.get_json()["database"]) == (503, "unreachable")


def test_healthz_stays_ok_when_the_database_is_unreachable(tmp_path):
    assert make_app(f"sqlite:///{tmp_path}").test_client().get("/healthz").status_code == 200

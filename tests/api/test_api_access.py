"""Optional API keys and the CORS allow-list."""
from __future__ import annotations

import pytest

KEYS = {"teams-bot": "k-teams-0123456789", "desk": "k-desk-9876543210"}
ORIGIN = "https://support.contoso.example"


@pytest.fixture
def keyed_client(make_loaded_app):
    return make_loaded_app(API_KEYS=KEYS).test_client()


@pytest.fixture
def cors_client(make_loaded_app):
    return make_loaded_app(CORS_ORIGINS=[ORIGIN]).test_client()


def test_a_valid_api_key_is_accepted(keyed_client):
    assert keyed_client.get("/api/v1/entries", headers={"X-API-Key": KEYS["desk"]}).status_code == 200


def test_calls_without_a_key_stay_allowed(keyed_client):
    assert keyed_client.get("/api/v1/entries").status_code == 200


@pytest.mark.parametrize("key", ["wrong", KEYS["desk"] + "x", KEYS["desk"][:-1], "teams-bot"])
def test_an_invalid_api_key_is_a_json_401(keyed_client, key):
    response = keyed_client.get("/api/v1/entries", headers={"X-API-Key": key})
    assert (response.status_code, response.get_json()["error"]["code"]) == (401, "invalid_api_key")


def test_a_key_is_refused_when_no_keys_are_configured(client):
    assert client.get("/api/v1/entries", headers={"X-API-Key": "anything"}).status_code == 401


def test_an_allowed_origin_may_read_the_response(cors_client):
    response = cors_client.get("/api/v1/entries", headers={"Origin": ORIGIN})
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_an_allowed_origin_can_read_the_rate_limit_and_match_headers(cors_client):
    exposed = cors_client.get("/api/v1/entries", headers={"Origin": ORIGIN}).headers["Access-Control-Expose-Headers"]
    assert {"Retry-After", "X-Match-Id"} <= {name.strip() for name in exposed.split(",")}


def test_another_origin_gets_no_cors_headers(cors_client):
    response = cors_client.get("/api/v1/entries", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_preflight_allows_json_posts_with_an_api_key(cors_client):
    response = cors_client.options("/api/v1/match", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, x-api-key"})
    headers = response.headers
    assert ("POST" in headers["Access-Control-Allow-Methods"], "X-API-Key" in headers["Access-Control-Allow-Headers"],
            headers["Access-Control-Allow-Origin"]) == (True, True, ORIGIN)


def test_errors_carry_cors_headers_too(cors_client):
    response = cors_client.post("/api/v1/match", json={}, headers={"Origin": ORIGIN})
    assert (response.status_code, response.headers.get("Access-Control-Allow-Origin")) == (400, ORIGIN)


def test_cors_stays_off_outside_the_api(cors_client):
    response = cors_client.get("/healthz", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_is_off_when_no_origin_is_configured(client):
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/entries", headers={"Origin": ORIGIN}).headers

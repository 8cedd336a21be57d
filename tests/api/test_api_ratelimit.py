"""Rate limits in one process (memory storage); test_api_ratelimit_gunicorn.py covers Redis."""
from __future__ import annotations

import pytest

KEY = "k-bot-0123456789"


@pytest.fixture
def limited(make_loaded_app):
    """Anonymous callers get 2 requests a minute, the keyed bot 4."""
    def build(**overrides):
        return make_loaded_app(RATELIMIT_ENABLED=True, RATELIMIT_EXEMPT_ADDRESSES=[], RATELIMIT_DEFAULT="2 per minute",
                               RATELIMIT_API_KEY="4 per minute", API_KEYS={"bot": KEY}, **overrides).test_client()
    return build


def _spend(client, count: int, **kwargs) -> list[int]:
    return [client.get("/api/v1/entries", **kwargs).status_code for _ in range(count)]


def test_over_the_limit_is_a_json_429(limited):
    client = limited()
    _spend(client, 2)
    response = client.get("/api/v1/entries")
    assert (response.status_code, response.get_json()["error"]["code"]) == (429, "rate_limited")


def test_a_429_says_when_to_retry(limited):
    client = limited()
    _spend(client, 2)
    assert 0 < int(client.get("/api/v1/entries").headers["Retry-After"]) <= 60


def test_every_reply_announces_the_remaining_budget(limited):
    assert limited().get("/api/v1/entries").headers["X-RateLimit-Remaining"] == "1"


def test_the_budget_is_shared_by_all_api_endpoints(limited):
    client = limited()
    client.get("/api/v1/entries")
    client.get("/api/v1/lookup/ERR_1100")
    assert client.post("/api/v1/match", json={"query": "ERR_1100"}).status_code == 429


def test_a_keyed_bot_has_its_own_larger_budget(limited):
    client = limited()
    _spend(client, 2)
    assert _spend(client, 5, headers={"X-API-Key": KEY}) == [200, 200, 200, 200, 429]


def test_an_invalid_key_still_spends_the_callers_budget(limited):
    client = limited()
    _spend(client, 2, headers={"X-API-Key": "guess"})
    assert client.get("/api/v1/entries").status_code == 429


def test_cors_preflights_do_not_spend_the_budget(limited):
    client = limited(CORS_ORIGINS=["https://desk.example"])
    for _ in range(3):
        client.options("/api/v1/match", headers={"Origin": "https://desk.example",
                                                  "Access-Control-Request-Method": "POST"})
    assert _spend(client, 2) == [200, 200]


def test_health_probes_are_never_limited(limited):
    client = limited()
    _spend(client, 3)
    assert [client.get(path).status_code for path in ("/healthz", "/readyz")] == [200, 200]


def test_clients_behind_a_trusted_proxy_are_limited_one_by_one(limited):
    client = limited(TRUSTED_PROXIES=1)
    _spend(client, 2, headers={"X-Forwarded-For": "203.0.113.7"})
    assert client.get("/api/v1/entries", headers={"X-Forwarded-For": "198.51.100.9"}).status_code == 200


def test_an_unreachable_redis_falls_back_to_per_process_limits(limited):
    client = limited(RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0")
    assert _spend(client, 3) == [200, 200, 429]


def test_callers_on_this_host_are_not_limited_by_default(make_loaded_app):
    """Health checks and evaluation runs on the host itself never see a 429."""
    client = make_loaded_app(RATELIMIT_ENABLED=True, RATELIMIT_DEFAULT="2 per minute").test_client()
    assert _spend(client, 5) == [200] * 5

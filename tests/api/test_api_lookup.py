"""GET /api/v1/lookup/<code>: an error code or HTTP status straight to its entries."""
from __future__ import annotations

import pytest


def _ids(client, code: str) -> list[str]:
    return [entry["id"] for entry in client.get(f"/api/v1/lookup/{code}").get_json()["entries"]]


@pytest.mark.parametrize("code", ["ERR_1100", "err-1100", "err_1100", "ERR%201100", "err1100"])
def test_an_error_code_in_any_usual_spelling_finds_its_entry(client, code):
    assert _ids(client, code) == ["err_1100-not-enough-quota"]


@pytest.mark.parametrize("status, expected", [
    ("424", ["http-424-model-error", "http-424-response-payload-too-large"]),
    ("429", ["http-429-rate-limiting", "http-429-too-many-pending-requests"]),
])
def test_an_http_status_finds_every_entry_that_answers_it(client, status, expected):
    assert _ids(client, status) == expected


def test_several_families_can_answer_status_500(client):
    assert "http-500-internal-server-error" in _ids(client, "500") and len(_ids(client, "500")) > 1


def test_http_prefix_is_accepted(client):
    assert _ids(client, "HTTP%20429") == _ids(client, "429")


def test_the_reply_names_what_was_looked_up(client):
    body = client.get("/api/v1/lookup/err-1100").get_json()
    assert (body["query"], body["code"], body["http_status"]) == ("err-1100", "ERR_1100", None)


def test_entries_come_in_the_requested_language(client):
    assert {entry["lang"] for entry in client.get("/api/v1/lookup/ERR_1100?lang=ko").get_json()["entries"]} == {"ko"}


@pytest.mark.parametrize("code, shown", [("ERR_9999", "ERR_9999"), ("418", "HTTP 418")])
def test_an_unknown_code_is_a_404_that_says_so(client, code, shown):
    response = client.get(f"/api/v1/lookup/{code}")
    error = response.get_json()["error"]
    assert (response.status_code, error["code"], shown in error["message"]) == (404, "unknown_code", True)


@pytest.mark.parametrize("code", ["hello", "ERR_11", "1100", "42", "600", "%00", "x" * 300])
def test_something_that_is_not_a_code_is_a_400(client, code):
    response = client.get(f"/api/v1/lookup/{code}")
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, "invalid_code")


def test_a_lookup_as_markdown_holds_every_entry(client):
    text = client.get("/api/v1/lookup/429?format=markdown").get_data(as_text=True)
    assert text.count("\n### ") + text.startswith("### ") == 2

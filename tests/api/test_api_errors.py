"""One JSON error shape under /api/, with the right status, whatever a client sends."""
from __future__ import annotations

import io
import json

import pytest

from tests.conftest import make_app


def _post_raw(client, data: bytes, content_type: str = "application/json", path: str = "/api/v1/match"):
    return client.post(path, data=data, headers={"Content-Type": content_type})


def _error(response) -> dict:
    assert response.mimetype == "application/json"
    return response.get_json()["error"]


@pytest.mark.parametrize("body", [b"{", b"", b"{'query': 'x'}", b'{"query": "x",}', b"\xff\xfe\x00",
                                  b'{"query": "ERR_1100", "limit": NaN}', b'{"query": "x", "limit": Infinity}',
                                  b"[" * 100_000 + b"]" * 100_000, b'{"limit": ' + b"9" * 5000 + b"}"],
                         ids=["truncated", "empty", "single-quotes", "trailing-comma", "binary", "nan",
                              "infinity", "deep-nesting", "huge-number"])
def test_a_body_that_is_not_json_is_a_400(client, body):
    assert _error(_post_raw(client, body))["code"] == "invalid_json"


def test_a_body_in_latin_1_is_a_400(client):
    body = json.dumps({"query": "déploiement échoué"}, ensure_ascii=False).encode("latin-1")
    assert _error(_post_raw(client, body))["code"] == "invalid_json"


def test_a_body_in_utf_16_is_a_400(client):
    assert _error(_post_raw(client, json.dumps({"query": "ERR_1100"}).encode("utf-16")))["code"] == "invalid_json"


def test_a_utf_8_byte_order_mark_is_tolerated(client):
    assert _post_raw(client, b"\xef\xbb\xbf" + json.dumps({"query": "ERR_1100"}).encode()).status_code == 200


@pytest.mark.parametrize("body", ["[]", '"ERR_1100"', "42", "null", '[{"query": "ERR_1100"}]'])
def test_json_that_is_not_an_object_is_a_400(client, body):
    assert _error(_post_raw(client, body.encode()))["code"] == "invalid_json"


@pytest.mark.parametrize("body", [{}, {"query": ""}, {"query": "   \n\t"}, {"query": None}])
def test_a_missing_or_empty_query_is_a_400(client, body):
    assert _error(client.post("/api/v1/match", json=body))["code"] == "missing_query"


@pytest.mark.parametrize("query", [42, ["ERR_1100"], {"text": "ERR_1100"}, True])
def test_a_query_that_is_not_a_string_is_a_400(client, query):
    assert _error(client.post("/api/v1/match", json={"query": query}))["code"] == "invalid_query"


@pytest.mark.parametrize("query", ["ERR_1100\x00", "\x00" * 10, "\x01\x02\x03\x04\x05\x06ab",
                                   bytes(range(256)).decode("latin-1")],
                         ids=["nul-byte", "only-nul", "control-bytes", "binary-file"])
def test_binary_data_as_a_query_is_a_400(client, query):
    assert _error(client.post("/api/v1/match", json={"query": query}))["code"] == "invalid_query"


def test_a_lone_surrogate_in_the_query_is_a_400(client):
    assert _error(_post_raw(client, b'{"query": "ERR_1100 \\ud800"}'))["code"] == "invalid_query"


def test_an_integral_float_limit_is_an_integer_as_json_schema_says(client):
    response = client.post("/api/v1/match", json={"query": "ERR_1100", "limit": 2.0})
    assert response.status_code == 200 and len(response.get_json()["matches"]) <= 2


@pytest.mark.parametrize("limit", [0, -1, 21, 10**12, "5", 2.5, True, False, None, [5], {"n": 5}],
                         ids=["zero", "negative", "above-max", "huge", "string", "float",
                              "true", "false", "null", "list", "object"])
def test_a_bad_limit_is_a_400(client, limit):
    assert _error(client.post("/api/v1/match", json={"query": "ERR_1100", "limit": limit}))["code"] == "invalid_limit"


@pytest.mark.parametrize("lang", ["fr", "EN", "english", "", None, 5, ["en"]])
def test_a_bad_lang_is_a_400(client, lang):
    assert _error(client.post("/api/v1/match", json={"query": "ERR_1100", "lang": lang}))["code"] == "invalid_lang"


def test_an_unknown_field_is_a_400_that_names_it(client):
    error = _error(client.post("/api/v1/match", json={"query": "ERR_1100", "limt": 3}))
    assert (error["code"], "limt" in error["message"]) == ("unknown_field", True)


def test_a_bad_format_parameter_is_a_400(client):
    assert _error(client.post("/api/v1/match?format=xml", json={"query": "ERR_1100"}))["code"] == "invalid_format"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          "application/xml", ""])
def test_a_body_that_is_not_sent_as_json_is_a_415(client, content_type):
    response = _post_raw(client, b'{"query": "ERR_1100"}', content_type)
    assert (response.status_code, _error(response)["code"]) == (415, "unsupported_media_type")


def test_a_body_over_the_size_limit_is_a_413(make_loaded_app):
    client = make_loaded_app(MAX_CONTENT_LENGTH=1024).test_client()
    response = client.post("/api/v1/match", json={"query": "ERR_1100 " + "x" * 2048})
    assert (response.status_code, _error(response)["code"]) == (413, "payload_too_large")


def test_a_chunked_body_over_the_size_limit_is_a_413(make_loaded_app):
    """Without Content-Length (chunked, as gunicorn passes it on) the limit applies while reading."""
    client = make_loaded_app(MAX_CONTENT_LENGTH=1024).test_client()
    body = json.dumps({"query": "ERR_1100 " + "x" * 4096}).encode()
    response = client.post("/api/v1/match", input_stream=io.BytesIO(body),
                           headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
                           environ_overrides={"wsgi.input_terminated": True})
    assert (response.status_code, _error(response)["code"]) == (413, "payload_too_large")


def test_the_default_size_limit_is_256_kb(app):
    assert app.config["MAX_CONTENT_LENGTH"] == 256 * 1024


@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v2/match", "/api/", "/api", "/api/v1/entries/a/b/c"])
def test_an_unknown_api_path_is_a_json_404(client, path):
    response = client.get(path)
    assert (response.status_code, _error(response)["code"]) == (404, "not_found")


def test_a_wrong_method_is_a_json_405_with_allow(client):
    response = client.get("/api/v1/match")
    assert (response.status_code, _error(response)["code"], "POST" in response.headers["Allow"]) == \
        (405, "method_not_allowed", True)


def test_an_unexpected_failure_is_a_json_500_without_details(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")
    monkeypatch.setattr("app.api.routes.answer", broken)
    response = client.post("/api/v1/match", json={"query": "ERR_1100"})
    assert (response.status_code, "secret internal detail" in response.get_data(as_text=True)) == (500, False)


def test_an_unreachable_database_is_a_json_503_with_retry_after(tmp_path):
    broken = make_app(f"sqlite:///{tmp_path}")  # a directory: SQLite cannot open it
    response = broken.test_client().get("/api/v1/entries")
    assert (response.status_code, _error(response)["code"], response.headers.get("Retry-After")) == \
        (503, "database_unavailable", "5")


def test_a_url_over_4_kb_is_a_414_in_the_json_shape(client):
    response = client.get("/api/v1/entries?q=" + "a" * 5000)
    assert response.status_code == 414 and response.get_json()["error"]["code"]

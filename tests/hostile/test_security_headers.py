"""Security headers on every response, error pages included: HTML error pages carry the same
Content-Security-Policy as the other pages, and every response (API JSON and JSON errors too)
says `X-Content-Type-Options: nosniff`, so no browser runs a reflected body as another type."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.web.pages import CONTENT_SECURITY_POLICY
from tests.conftest import app_on_copy, dispose


@pytest.fixture(scope="module")
def headers_app(tmp_path_factory, loaded_template):
    application = app_on_copy(tmp_path_factory.mktemp("headers") / "headers.sqlite3", loaded_template,
                              PROPAGATE_EXCEPTIONS=False)

    @application.get("/__boom")
    def boom():
        raise RuntimeError("an unexpected error")

    @application.get("/api/v1/__boom")
    def api_boom():
        raise RuntimeError("an unexpected error")

    @application.get("/api/v1/__busy")
    @application.get("/__busy")
    def busy():
        raise PoolTimeout("QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00")

    yield application
    dispose(application)


@pytest.fixture
def client(headers_app):
    return headers_app.test_client()


def _assert_page_headers(response) -> None:
    assert response.mimetype == "text/html"
    assert response.headers.get("Content-Security-Policy") == CONTENT_SECURITY_POLICY
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") == "same-origin"


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/no-such-page", 404),
    ("GET", "/no/such/page/<script>alert(1)</script>", 404),
    ("GET", "/entries/no-such-entry", 404),
    ("POST", "/entries", 405),
    ("GET", "/__boom", 500),
    ("GET", "/__busy", 503),
], ids=["404", "404-with-markup", "404-entry", "405", "500", "503-no-free-connection"])
def test_every_html_error_page_has_the_page_headers(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    _assert_page_headers(response)


def test_ordinary_pages_keep_their_headers(client):
    for path in ("/", "/entries"):
        _assert_page_headers(client.get(path))


def test_the_api_docs_page_keeps_its_own_policy(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] != CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("POST", "/api/v1/match", {"json": {"query": "ERR_1100 not enough quota"}}, 200),
    ("GET", "/api/v1/entries", {}, 200),
    ("GET", "/api/v1/openapi.json", {}, 200),
    ("GET", "/api/v1/no-such-endpoint", {}, 404),
    ("GET", "/api/v1/lookup/<script>", {}, 400),
    ("POST", "/api/v1/match", {"data": "{", "content_type": "application/json"}, 400),
    ("POST", "/api/v1/match", {"data": "query=x", "content_type": "text/plain"}, 415),
    ("DELETE", "/api/v1/match", {}, 405),
    ("GET", "/healthz", {}, 200),
    ("GET", "/chat/history", {}, 200),
    ("POST", "/chat/messages", {"data": "{", "content_type": "application/json"}, 400),
    ("POST", "/chat/language", {"json": {"lang": "xx"}}, 400),
], ids=["match", "entries", "openapi", "api-404", "api-400-lookup", "api-400-json", "api-415", "api-405",
        "healthz", "chat-history", "chat-400", "chat-400-lang"])
def test_every_json_response_says_nosniff(client, method, path, kwargs, status):
    response = client.open(path, method=method, **kwargs)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_an_unexpected_api_error_says_nosniff(client):
    response = client.get("/api/v1/__boom")
    assert (response.status_code, response.mimetype) == (500, "application/json")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_no_free_database_connection_is_a_503_to_retry(client):
    """A burst that leaves no free connection in the pool is temporary: 503 with Retry-After, not a 500."""
    response = client.get("/api/v1/__busy")
    assert (response.status_code, response.get_json()["error"]["code"]) == (503, "database_unavailable")
    assert int(response.headers["Retry-After"]) > 0

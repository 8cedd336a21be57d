"""The OpenAPI document matches the code, and the docs page is served without any CDN."""
from __future__ import annotations

import re

import pytest

from app.api.openapi import openapi_document

HEALTH_PATHS = {"/healthz", "/readyz"}


def _documented(app) -> set[tuple[str, str]]:
    with app.app_context():
        paths = openapi_document()["paths"]
    return {(path, method.upper()) for path, operations in paths.items() for method in operations}


def _served(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api.") or rule.rule in HEALTH_PATHS:
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            routes |= {(path, method) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def test_every_api_route_is_documented(app):
    assert _served(app) - _documented(app) == set()


def test_every_documented_operation_exists(app):
    assert _documented(app) - _served(app) == set()


def test_the_document_is_served_as_openapi_3_1(client):
    assert client.get("/api/v1/openapi.json").get_json()["openapi"] == "3.1.0"


def test_every_reference_resolves(client):
    response = client.get("/api/v1/openapi.json")
    document = response.get_json()
    refs = set(re.findall(r'"\$ref": ?"#/components/(\w+)/(\w+)"', response.get_data(as_text=True)))
    assert refs
    assert [ref for ref in refs if ref[1] not in document["components"][ref[0]]] == []


def test_every_rate_limited_operation_documents_429(app):
    with app.app_context():
        paths = openapi_document()["paths"]
    missing = [path for path, ops in paths.items() for op in ops.values()
               if path not in HEALTH_PATHS and "429" not in op["responses"]]
    assert missing == []


def test_documented_limits_follow_the_config(make_loaded_app):
    application = make_loaded_app(FEEDBACK_COMMENT_MAX=500)
    with application.app_context():
        schema = openapi_document()["components"]["schemas"]["FeedbackRequest"]
    assert schema["properties"]["comment"]["maxLength"] == 500


@pytest.fixture
def docs_page(client) -> str:
    return client.get("/api/v1/docs").get_data(as_text=True)


def test_the_docs_page_lists_every_operation(app, docs_page):
    assert [path for path, _ in _documented(app) if f"<code>{path}</code>" not in docs_page] == []


def test_the_docs_page_loads_nothing_from_elsewhere(docs_page):
    assert re.findall(r'(?:src|href)="(?:https?:)?//', docs_page) == []


def test_the_docs_page_runs_no_script(docs_page):
    assert "<script" not in docs_page.lower()


def test_the_docs_page_forbids_scripts_by_policy(client):
    assert "default-src 'none'" in client.get("/api/v1/docs").headers["Content-Security-Policy"]


def test_the_docs_stylesheet_is_served_by_the_app(client):
    assert client.get("/static/api/docs.css").status_code == 200

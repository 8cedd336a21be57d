"""Nothing under /desk without a session of the right role: every route of the url map is tried."""
from __future__ import annotations

import re

import pytest

from app.desk.auth import PUBLIC
from tests.desk.conftest import signed_in

SAMPLE_VALUES = {"fingerprint": "0" * 64, "entry_id": "err_1100-not-enough-quota", "proposal_id": "1"}


def desk_routes(application) -> list[tuple[str, str, str]]:
    """(method, url, endpoint) for every /desk rule, with sample values for its variables."""
    routes = []
    for rule in application.url_map.iter_rules():
        if not rule.rule.startswith("/desk"):
            continue
        url = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: SAMPLE_VALUES[m.group(1)], rule.rule)
        routes.extend((method, url, rule.endpoint) for method in sorted(rule.methods - {"HEAD", "OPTIONS"}))
    return routes


def test_the_desk_has_the_routes_this_file_tries(desk_app):
    endpoints = {endpoint for _, _, endpoint in desk_routes(desk_app)}
    assert {"desk.gaps", "desk.attach", "desk.apply", "desk.audit_log", "desk.sign_in"} <= endpoints


def test_every_desk_view_declares_its_role(desk_app):
    for _, _, endpoint in desk_routes(desk_app):
        assert hasattr(desk_app.view_functions[endpoint], "desk_role"), endpoint


def test_anonymous_visitors_see_nothing_but_the_sign_in_form(desk_app):
    client = desk_app.test_client()
    for method, url, endpoint in desk_routes(desk_app):
        response = client.open(url, method=method)
        if desk_app.view_functions[endpoint].desk_role == PUBLIC:
            assert response.status_code in (200, 401), (method, url)
            continue
        if method == "GET":
            assert response.status_code == 302, (method, url)
            assert response.headers["Location"].startswith("/desk/sign-in"), (method, url)
        else:
            assert response.status_code == 401, (method, url)
        assert "Sign out" not in response.text


def test_an_agent_reads_but_cannot_change_anything(agent, desk_app):
    for method, url, endpoint in desk_routes(desk_app):
        role = desk_app.view_functions[endpoint].desk_role
        if role == PUBLIC or endpoint == "desk.sign_out_page":
            continue
        response = agent.open(url, method=method)
        if role == "curator":
            assert response.status_code == 403, (method, url)
        else:
            assert response.status_code in (200, 302, 404), (method, url)


def test_a_curator_may_open_every_route(curator, desk_app):
    for method, url, endpoint in desk_routes(desk_app):
        if endpoint == "desk.sign_out_page" or desk_app.view_functions[endpoint].desk_role == PUBLIC:
            continue
        assert curator.open(url, method=method).status_code not in (401, 403), (method, url)


def test_a_desk_route_without_a_declared_role_is_refused_to_everyone(desk_app):
    desk_app.add_url_rule("/desk/forgotten", endpoint="desk.forgotten", view_func=lambda: "secret")
    curator = signed_in(desk_app, "cora")
    assert curator.get("/desk/forgotten").status_code == 403
    assert desk_app.test_client().get("/desk/forgotten").status_code == 403


@pytest.mark.parametrize("query", ["days=2", "days=x", "family=nope", "lang=xx", "channel=fax"])
def test_filters_the_form_never_offers_are_a_400(agent, query):
    assert agent.get(f"/desk/gaps?{query}").status_code == 400


def test_desk_pages_are_not_cached(agent):
    assert agent.get("/desk/gaps").headers["Cache-Control"] == "no-store"

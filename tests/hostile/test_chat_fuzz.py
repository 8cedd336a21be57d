"""The chat's JSON endpoints on hostile input: any JSON value in any field, any text, any
bytes, never a 500, and every answer within the time limit."""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import app_on_copy, dispose
from tests.hostile.strategies import any_character, hostile_text

TIME_LIMIT_SECONDS = 2.0
FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
ENDPOINT_FIELDS = {
    "/chat/messages": ("text",),
    "/chat/open": ("entry_id", "lang", "from_message_id"),
    "/chat/language": ("lang", "message_id"),
    "/chat/feedback": ("message_id", "entry_id", "helpful", "reason", "comment"),
}
ENDPOINTS = sorted(ENDPOINT_FIELDS)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-3, max_value=40),
    st.sampled_from([2**31 - 1, 2**31, 2**53, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**40]),
    st.floats(allow_nan=True, allow_infinity=True), st.text(any_character, max_size=40), hostile_text,
    st.sampled_from(["en", "ko", "zh", "ru", "err_1100-not-enough-quota", "err_1101-out-of-capacity",
                     "not_related", "outdated", "other", "", " ", "\u200b", "\ud800", "\x00"]),
)
json_values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(any_character, max_size=10), children, max_size=4)),
    max_leaves=12)


hostile_ids = st.one_of(st.sampled_from([0, -1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**40]),
                        st.integers(min_value=1, max_value=12), st.integers())
FIELDS: dict[str, st.SearchStrategy[object]] = {
    "text": hostile_text,
    "entry_id": st.one_of(st.sampled_from(["err_1100-not-enough-quota", "err_1101-out-of-capacity"]), hostile_text),
    "lang": st.sampled_from(["en", "ko", "zh", "ru"]),
    "message_id": hostile_ids,
    "from_message_id": st.one_of(st.none(), hostile_ids),
    "helpful": st.booleans(),
    "reason": st.one_of(st.none(), st.sampled_from(["not_related", "related_but_not_helpful", "outdated", "other"])),
    "comment": st.one_of(st.none(), hostile_text),
}
"""Plausible values for each field, so that a request gets past the first check and the
hostile value in another field (a lone surrogate, an id of 2**63) is what the server meets."""


def _body_for(path: str) -> st.SearchStrategy[object]:
    fields = ENDPOINT_FIELDS[path]
    plausible = {field: FIELDS[field] for field in fields}
    return st.one_of(
        st.fixed_dictionaries(plausible),
        st.fixed_dictionaries({}, optional={field: st.one_of(FIELDS[field], scalars) for field in fields}),
        st.fixed_dictionaries({}, optional=dict.fromkeys(fields, json_values)),
        json_values,
    )


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory, loaded_template):
    application = app_on_copy(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite3", loaded_template)
    yield application
    dispose(application)


@pytest.fixture(scope="module")
def browser(fuzz_app):
    """One visitor with a conversation of two answers, so that some generated ids are real."""
    client = fuzz_app.test_client()
    for text in ("ERR_1100 not enough quota", "HTTP 429"):
        assert client.post("/chat/messages", json={"text": text}).status_code == 200
    return client


def _check(response, started: float) -> None:
    elapsed = time.perf_counter() - started
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert elapsed < TIME_LIMIT_SECONDS, f"{elapsed:.2f}s"
    if response.status_code >= 400:
        assert response.get_json()["error"]["code"]


def _encoded(value: object) -> bytes:
    """JSON as a client would send it: ASCII escapes (lone surrogates included), NaN allowed."""
    return json.dumps(value, ensure_ascii=True, allow_nan=True).encode()


@pytest.mark.parametrize("path", ENDPOINTS)
@FUZZ
@given(data=st.data())
def test_any_json_body_is_answered_without_a_server_error(browser, path, data):
    body = data.draw(_body_for(path), label="body")
    started = time.perf_counter()
    response = browser.post(path, data=_encoded(body), content_type="application/json")
    _check(response, started)


@FUZZ
@given(text=hostile_text)
def test_any_text_is_answered_without_a_server_error(browser, text):
    started = time.perf_counter()
    response = browser.post("/chat/messages", data=_encoded({"text": text}), content_type="application/json")
    _check(response, started)


@pytest.mark.parametrize("path", ENDPOINTS)
@settings(FUZZ, max_examples=60)
@given(body=st.one_of(st.binary(max_size=300), hostile_text.map(lambda text: text.encode("utf-8", "surrogatepass"))),
       content_type=st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain",
                                     "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]))
def test_any_bytes_are_answered_without_a_server_error(browser, path, body, content_type):
    started = time.perf_counter()
    response = browser.post(path, data=body, content_type=content_type)
    _check(response, started)


@pytest.mark.parametrize("path", ENDPOINTS)
@settings(FUZZ, max_examples=10)
@given(depth=st.integers(min_value=900, max_value=20_000), opener=st.sampled_from(["[", '{"a":']))
def test_deeply_nested_json_is_answered_without_a_server_error(browser, path, depth, opener):
    closer = "]" if opener == "[" else "}"
    body = ('{"text": ' + opener * depth + "1" + closer * depth + "}").encode()
    started = time.perf_counter()
    _check(browser.post(path, data=body, content_type="application/json"), started)

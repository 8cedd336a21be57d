"""Redaction of pasted secrets, on a corpus of realistic fake secrets and of ordinary error text."""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
import yaml

from app import privacy
from app.privacy import redact

CORPUS = yaml.safe_load((Path(__file__).parent / "secrets_corpus.yaml").read_text(encoding="utf-8"))
SECRETS = CORPUS["secrets"]
NORMAL = CORPUS["normal"]
WITH_CONTEXT = [case for case in SECRETS if case.get("keep")]


def _name(case: dict) -> str:
    return case["name"]


@pytest.mark.parametrize("case", SECRETS, ids=_name)
def test_no_secret_survives(case):
    redacted = redact(case["text"])
    assert [secret for secret in case["secrets"] if secret in redacted] == []


@pytest.mark.parametrize("case", WITH_CONTEXT, ids=_name)
def test_the_context_around_a_secret_survives(case):
    redacted = redact(case["text"])
    assert [kept for kept in case["keep"] if kept not in redacted] == []


@pytest.mark.parametrize("case", NORMAL, ids=_name)
def test_ordinary_error_text_is_left_alone(case):
    assert redact(case["text"]) == case["text"]


@pytest.mark.parametrize("case", SECRETS, ids=_name)
def test_redacting_twice_changes_nothing(case):
    once = redact(case["text"])
    assert redact(once) == once


def test_the_marker_names_what_was_removed():
    assert redact("AccountName=ml;AccountKey=abc123def456") == "AccountName=ml;AccountKey=[REDACTED:connection-string]"


@pytest.mark.parametrize("hostile", [
    "a" * 262_144, "aA1" * 87_381, "password token key " * 13_797, "-----BEGIN PRIVATE KEY-----" * 9_709,
    "docker login " * 20_164, "http://a:" * 29_127, '"name": "password", ' * 13_107,
    "a:" * 131_072, "relay: " * 37_449, "lat=1&" * 43_690, "--x " * 65_536, "password=" * 29_127,
    "sk-" + "aB3-" * 65_535, "xoxb-" * 52_428, "https://hooks.slack.com/services/" * 7_943,
    "Bearer " * 37_449, "bearer abcdefgh " * 16_384,
], ids=["letters", "mixed-case-run", "secret-words", "pem-headers", "login-words", "url-prefixes", "json-names",
        "colon-chain", "harmless-names", "query-pairs", "cli-flags", "secret-names", "sk-segments", "slack-prefixes",
        "webhook-prefixes", "bearer-words", "bearer-tokens"])
def test_redaction_stays_fast_on_a_hostile_body_of_the_maximum_size(hostile):
    """Catastrophic backtracking would take minutes; linear patterns take well under a second."""
    started = time.perf_counter()
    redact(hostile)
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize("case", SECRETS + NORMAL, ids=_name)
def test_rules_skipped_for_want_of_their_words_would_have_changed_nothing(case, monkeypatch):
    """A rule runs only when one of its words is in the text; every rule run on everything agrees."""
    expected = redact(case["text"])
    monkeypatch.setattr(privacy, "_RULES", tuple(dataclasses.replace(rule, needs=()) for rule in privacy._RULES))
    assert redact(case["text"]) == expected


@pytest.mark.parametrize("text", [
    "Account\u212aey=abc123def456", "x-api-\u212aey: abc123def456", "Pa\u017f\u017fword=hunter22abc",
    "AUTHOR\u0130ZATION: Basic dXNlcjpwYXNz", "Author\u0131zation: Basic dXNlcjpwYXNz", "docker log\u0131n -p hunter22abc",
])
def test_a_secret_name_in_letters_that_ignoring_case_reads_as_ascii_is_still_looked_for(text):
    """Kelvin sign, long s, dotted and dotless i: case-insensitive rules match them as k, s and i."""
    assert "[REDACTED:" in redact(text)

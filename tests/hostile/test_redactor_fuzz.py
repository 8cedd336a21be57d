"""The redactor on hostile input: any text never raises, redacting twice changes nothing, and
a secret of any shape it covers, pasted into any surrounding text, never survives."""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app import privacy
from app.privacy import redact
from tests.hostile.strategies import SECRETS, hostile_text

FUZZ = settings(max_examples=200, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
SEPARATORS = st.sampled_from([" ", "\n", "\t", "  ", " \n"])


@FUZZ
@given(hostile_text)
def test_any_text_is_redacted_without_an_error(text):
    assert isinstance(redact(text), str)


@FUZZ
@given(hostile_text)
def test_redacting_twice_changes_nothing(text):
    once = redact(text)
    assert redact(once) == once


@pytest.mark.parametrize("shape", sorted(SECRETS))
@settings(max_examples=60, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_secret_in_any_surrounding_text_never_survives(shape, data):
    pasted, secret_parts = data.draw(SECRETS[shape], label="secret")
    before = data.draw(hostile_text, label="before")
    after = data.draw(hostile_text, label="after")
    assume(not any(part in before or part in after for part in secret_parts))
    text = before + data.draw(SEPARATORS) + pasted + data.draw(SEPARATORS) + after
    redacted = redact(text)
    assert [part for part in secret_parts if part in redacted] == []
    assert redact(redacted) == redacted


_FOLDING = st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a", "K", "S", "I", "\u03a3"])


@FUZZ
@given(hostile_text, st.lists(st.tuples(st.integers(min_value=0, max_value=300), _FOLDING), max_size=4))
def test_skipping_rules_without_their_words_changes_nothing(text, insertions):
    """A rule is skipped when none of its words is in the text (app/privacy.py): the words must
    be in every match, so running every rule on everything gives the same text. Letters that a
    case-insensitive pattern folds onto ASCII (dotted and dotless i, long s, Kelvin) are spliced in."""
    for position, letter in insertions:
        text = text[:position] + letter + text[position:]
    with _every_rule_run():
        expected = redact(text)
    assert redact(text) == expected


@contextmanager
def _every_rule_run():
    rules = privacy._RULES
    privacy._RULES = tuple(dataclasses.replace(rule, needs=()) for rule in rules)
    try:
        yield
    finally:
        privacy._RULES = rules

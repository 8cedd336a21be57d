"""The normaliser and the extractor on hostile input: any text, never an error, and the
shapes their callers rely on (clean lines; canonical codes and real statuses, each once)."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.matching.extract import HTTP_REASONS, canonical_error_code, error_codes, http_statuses
from app.matching.normalize import normalize
from tests.hostile.strategies import hostile_text

FUZZ = settings(max_examples=200, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
_LEFT_OVER_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CODE = re.compile(r"ERR_\d{4}")
code_digits = st.text("0123456789", min_size=4, max_size=4)


@FUZZ
@given(hostile_text)
def test_normalised_text_is_clean_lines(text):
    normalised = normalize(text)
    assert isinstance(normalised, str)
    assert not _LEFT_OVER_CONTROL.search(normalised)
    lines = normalised.split("\n")
    assert all(line and line == line.strip() and "  " not in line and "\t" not in line for line in lines) \
        or normalised == ""


@FUZZ
@given(hostile_text)
def test_extracted_codes_are_canonical_and_listed_once(text):
    for candidate in (text, normalize(text)):
        codes = error_codes(candidate)
        assert all(_CODE.fullmatch(code) for code in codes)
        assert len(codes) == len(set(codes))


@FUZZ
@given(hostile_text)
def test_extracted_statuses_are_http_statuses_listed_once(text):
    for candidate in (text, normalize(text)):
        statuses = http_statuses(candidate)
        assert all(isinstance(s, int) and (s in HTTP_REASONS or 400 <= s <= 599) for s in statuses)
        assert len(statuses) == len(set(statuses))


@FUZZ
@given(hostile_text)
def test_canonical_error_code_is_a_code_or_nothing(text):
    code = canonical_error_code(text)
    assert code is None or _CODE.fullmatch(code)


@FUZZ
@given(hostile_text, code_digits, hostile_text)
def test_a_code_between_spaces_is_found_in_any_text(before, digits, after):
    """Whatever surrounds it, `err_1234` as a word of its own is read as ERR_1234."""
    assert f"ERR_{digits}" in error_codes(f"{before} err_{digits} {after}")


@FUZZ
@given(hostile_text, st.sampled_from(sorted(HTTP_REASONS)), hostile_text)
def test_a_status_line_is_found_in_any_text(before, status, after):
    found = http_statuses(f"{before} http/1.1 {status} {after}")
    assert status in found or not (status in HTTP_REASONS or 400 <= status <= 599)

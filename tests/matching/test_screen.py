"""A screened pattern answers as the pattern itself: the screen only skips texts that surely do not match."""
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.matching import lexicon
from app.matching.neighbours import TOPICS
from app.matching.normalize import fold, normalize
from app.matching.screen import Screened, in_line, literals

TEXTS = [
    "", "zebra quilt", "my scoring container keeps restarting after the rollout",
    "Timeout while pulling the image from our private registry, HTTP 504",
    "how can i move my web service from aci to a managed online endpoint?",
    "Traceback (most recent call last):\n  File \"main.py\", line 9\nValueError: bad shape",
    "2025-01-02 10:00:01 | web_1  | worker booted\nsystemctl restart gunicorn.service",
    "thanks a lot, have a nice evening", "npm install fails behind the corporate proxy",
    "배포 후 컨테이너가 계속 재시작돼요", "在线终结点调用时报错 500", "как увеличить квоту для онлайн-эндпоинта?",
    "ᲀ as a rounded Cyrillic ve, ſ as a long s, K as the Kelvin sign",
    "CRASHLOOPBACKOFF IN THE SCORING POD", "az ml online-deployment update --name blue",
]
CUES = [lexicon.ERROR_CONTEXT, lexicon.ERROR_OUTPUT, lexicon.OFF_DOMAIN, lexicon.SMALL_TALK, lexicon.CLIENT_APP,
        lexicon.OTHER_SERVING, lexicon.HOW_TO_QUESTION, lexicon.ASKS_WHERE, lexicon.AZURE_ML,
        *lexicon.FAMILY_CUES.values(), *lexicon.FAMILY_MARKERS.values(), *lexicon.SUBJECTS.values(),
        *(topic.strong for topic in TOPICS)]


def _variants(text: str) -> list[str]:
    return [text, text.upper(), fold(text), normalize(text)]


@pytest.mark.parametrize("number", range(len(CUES)))
def test_a_screened_cue_finds_what_the_cue_finds(number):
    pattern = CUES[number]
    screened = Screened(pattern)
    found = literals(pattern)
    # each of its own literals in a sentence, and plain texts in four languages and both cases
    probes = [f"before {literal} after" for literal in (found[0] if found else [])] + TEXTS
    for text in (variant for probe in probes for variant in _variants(probe)):
        expected, got = pattern.search(text), screened.search(text)
        assert (got.span() if got else None) == (expected.span() if expected else None), text


def test_every_match_contains_one_of_the_literals():
    found = literals(re.compile(r"\btimed? ?out\b|(?:connection|read) refused"))
    assert found == ([" refused", "time"], True)


def test_a_pattern_with_no_literal_in_each_alternative_has_no_screen():
    assert literals(re.compile(r"\d{3}|quota")) is None
    assert Screened(re.compile(r"\d{3}|quota")).search("error 507") is not None


def test_case_ignored_literals_are_looked_for_in_lower_case_ascii_only():
    pattern = re.compile(r"image pull|이미지", re.IGNORECASE)
    assert literals(pattern) == (["image pull"], False)
    screened = Screened(pattern)
    assert screened.search("IMAGE PULL failed") is not None
    assert screened.search("이미지 빌드") is not None  # not ASCII: the pattern reads it
    assert screened.search("nothing here") is None


def test_a_letter_with_an_ascii_twin_in_another_case_leaves_the_pattern_unscreened():
    # the Kelvin sign matches `k` when case is ignored: a lower-case screen would miss `k` in an ASCII text
    assert literals(re.compile("\u212aubelet", re.IGNORECASE)) is None


def test_an_exact_pattern_is_screened_in_every_script():
    pattern = re.compile(r"(?<!\w)ошибка сборки|build failed")
    screened = Screened(pattern)
    assert literals(pattern) == (["build failed", "ошибка сборки"], True)
    assert screened.search("у меня ошибка сборки образа") is not None
    assert screened.search("у меня всё работает") is None


def test_a_group_that_ignores_case_makes_the_literals_lower_case():
    assert literals(re.compile(r"(?i:Core Quota)|limit reached")) == (["core quota", "limit reached"], False)


def test_the_status_share_is_what_isin_gives(matcher):
    """`_unsaid_status_share` finds a status's phrases by a binary search: the same as `np.isin`."""
    for status, naming in matcher.index.status_phrases.items():
        numbers = np.arange(0, len(matcher.index.phrase_entry), 3, dtype=np.int64)
        expected = matcher._unsaid_keeps[numbers].copy()
        expected[np.isin(numbers, naming)] = 1.0
        assert np.array_equal(matcher._unsaid_status_share(numbers, {status}), expected)


@pytest.mark.parametrize("pattern", [r"key\s+vault", r"[^,]+ failed", r"not\Wready", r"done$", r"^error", r"\Aok",
                                     r"(?s)pod.*killed", r"(?i)oom", r"(?m)^warn", r"retry(?=\s)", r"(?<=\n)x",
                                     r"(\w+) \1", r"[\x00-\x20]+", "line\nbreak"])
def test_a_pattern_that_may_read_a_line_break_is_not_read_line_by_line(pattern):
    assert not in_line(re.compile(pattern))


@pytest.mark.parametrize("pattern", [r"\bgpu quota\b", r"[^\n]{0,20} denied", r"[^\s]+ crashed", r"(?<![\w-])vnet(?!\w)",
                                     r"(?:pull|push)ed (?:\w+ ){0,3}image", r"a.{0,40}b", r"\d+ cores?|内存不足",
                                     r"(?<!x)y(?!z?)", r"plain \B\w+"])
def test_a_pattern_that_keeps_to_a_line_is_read_line_by_line(pattern):
    assert in_line(re.compile(pattern))


_LINE_PATTERNS = [r"\bgpu quota\b", r"[^\s]+ crashed", r"(?<![\w-])vnet(?!\w)", r"(?<!x)y(?!z?)", r"a.{0,4}b\B",
                  r"(?<=[a-z]{2})q(?=[^\n]{2})", r"\by\b|quota(?![a-z])"]
_LINE_WORDS = ["gpu", " ", "quota", "\n", "vnet", "-", "x", "y", "z", "a", "b", "q", "crashed", "ab", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_LINE_PATTERNS), st.lists(st.sampled_from(_LINE_WORDS), max_size=16).map("".join))
def test_a_pattern_read_line_by_line_finds_in_the_lines_what_it_finds_in_the_text(pattern, text):
    compiled = re.compile(pattern)
    assert in_line(compiled)
    starts = [0] + [at + 1 for at, char in enumerate(text) if char == "\n"]
    ends = [at for at, char in enumerate(text) if char == "\n"] + [len(text)]
    in_lines = [match.span() for start, end in zip(starts, ends) for match in compiled.finditer(text, start, end)]
    assert in_lines == [match.span() for match in compiled.finditer(text)]

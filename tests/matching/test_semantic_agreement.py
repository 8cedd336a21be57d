"""Words and meaning that agree: a question whose words alone fall a little short of the answer threshold
(a native question meets fewer of an alias's words) is answered when its meaning finds the same entry."""
from __future__ import annotations

from app.matching.matcher import _Evidence
from app.matching.scoring import ScoringParams


def test_meaning_lifts_words_a_little_short_of_the_threshold():
    params = ScoringParams.load()
    words = params.threshold - 7.0
    assert _Evidence(text=words).combined(params) < params.threshold
    assert _Evidence(text=words, semantic=20.0).combined(params) >= params.threshold


def test_meaning_alone_of_the_same_strength_does_not_answer():
    params = ScoringParams.load()
    assert _Evidence(semantic=params.threshold - 7.0, text=0.0).combined(params) < params.threshold

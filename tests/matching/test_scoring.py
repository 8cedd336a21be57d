"""Scoring parameters: one frozen object, fitted defaults from a file, config overrides by name."""
import json

import pytest

from app.matching.scoring import FITTED_PARAMS, ScoringParams


def test_overrides_replace_single_values():
    params = ScoringParams.load({"threshold": 61.5})
    assert params.threshold == 61.5 and params.code_score == ScoringParams().code_score


def test_an_unknown_parameter_is_an_error_not_ignored():
    with pytest.raises(ValueError, match="threshld"):
        ScoringParams.load({"threshld": 40})


def test_the_fitted_file_names_only_known_parameters():
    if FITTED_PARAMS.exists():
        fitted = json.loads(FITTED_PARAMS.read_text(encoding="utf-8"))
        assert set(fitted) <= set(ScoringParams().as_dict())
        assert ScoringParams.load().as_dict() | fitted == ScoringParams.load().as_dict()


def test_parameters_cannot_change_after_loading():
    with pytest.raises(AttributeError):
        ScoringParams.load().threshold = 1.0  # type: ignore[misc]

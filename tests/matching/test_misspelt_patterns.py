"""A pattern's literal word typed with a typo (`ImageBuildFailre`) is found again once the word is corrected,
as a misspelt signature is: the paste still names the entry's error."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("query", [
    "az ml online-deployment create ended with (ImageBuildFailre): the environment could not be built",
    "배포 중 ImagBuildFailure 에러가 나고 환경 빌드가 안 돼요",
])
def test_a_misspelt_error_name_of_a_pattern_still_finds_its_entry(matcher, query):
    first = matcher.match(query).matches[0]
    assert first.id == "error-imagebuildfailure"
    assert any(reason["type"] == "fuzzy_signature" for reason in first.reasons)


def test_a_correctly_spelt_name_is_a_pattern_hit_not_a_fuzzy_one(matcher):
    first = matcher.match("az ml online-deployment create ended with (ImageBuildFailure): see the build log").matches[0]
    assert first.id == "error-imagebuildfailure"
    assert not any(reason["type"] == "fuzzy_signature" for reason in first.reasons)

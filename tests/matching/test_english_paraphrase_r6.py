"""English questions, round 6: engineers' words for a failure ("chokes", "concat"), setting up metric-based
autoscaling of an online deployment (a feature no entry covers), and close siblings told apart in the asker's
words (building the debug image vs attaching the debugger; the image build's registry sign-in vs the deployment's
image pull). Every case is our own wording."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Config
from app.matching.features import features
from app.matching.index import uncovered_subjects
from app.matching.lexicon import subjects_named
from app.matching.matcher import Matcher
from app.matching.normalize import fold, normalize
from app.matching.scoring import ScoringParams
from app.matching.semantic import default_encoder


@pytest.fixture(scope="module")
def served(shipped_entries) -> Matcher:
    """The matcher as the service builds it: a written question is read for its meaning too."""
    return Matcher(shipped_entries, params=ScoringParams.load(Config.MATCH_PARAMS), encoder=default_encoder(),
                   cache_dir=Path(Config.SEMANTIC_CACHE_DIR))


@pytest.mark.parametrize(("everyday", "plain"), [
    ("the handler chokes on large bodies", "the handler fails on large bodies"),
    ("my parser choked on the csv", "my parser fails on the csv"),
    ("pandas could not concat the frames", "pandas could not concatenate the frames"),
])
def test_engineers_words_read_as_the_knowledges_words(everyday, plain):
    assert features(normalize(everyday)) == features(normalize(plain))


@pytest.mark.parametrize("text", [
    "how do I configure autoscaling for my online endpoint",
    "scale the deployment out depending on average gpu usage",
    "can I define autoscale rules for the kubernetes online deployment",
])
def test_scaling_by_a_metric_is_a_subject_of_its_own(text):
    assert "metric-autoscale" in subjects_named(fold(text))


@pytest.mark.parametrize("text", [
    "autoscaling of the online endpoint is too slow for our morning peak",
    "what does autoscale_target_utilization do on an AKS web service",
])
def test_autoscaling_named_in_passing_is_not_that_subject(text):
    assert "metric-autoscale" not in subjects_named(fold(text))


@pytest.mark.parametrize("query", [
    "how can I enable autoscale on a managed online deployment using memory usage thresholds",
    "add scaling of replicas driven by cpu utilization to my online deployment",
])
def test_setting_up_metric_autoscale_gets_no_entry(served, query):
    assert served.match(query).matches == []


@pytest.mark.parametrize(("query", "entry"), [
    ("I need a special build of the scoring container image where the debugger package is already in place; "
     "how do I make one?", "create-an-image-that-includes-ptvsd"),
    ("since the registry's admin login was switched off our endpoint deployments fail while the image is being built, "
     "access denied", "azure-container-registry-authorization-failure"),
])
def test_a_sibling_told_in_the_askers_words_finds_its_entry(served, query, entry):
    matches = served.match(query).matches
    assert matches and matches[0].id == entry


@pytest.mark.parametrize(("text", "subject"), [
    ("is there a dashboard of response time for the endpoint", "latency-metrics"),
    ("which instance types are available for a kubernetes online deployment", "supported-sizes"),
    ("is there a limit on the number of replicas one deployment can have", "instance-limits"),
    ("do I have to add the ml extension to the arc cluster first", "cluster-extension"),
])
def test_a_feature_other_languages_name_is_a_subject_in_english_too(text, subject):
    assert subject in subjects_named(fold(text))


def test_the_english_subjects_are_still_uncovered_by_the_knowledge(shipped_entries):
    """The English words must not match what an entry says it is about: the concept would then be covered, and its
    questions in every language would lose the discount."""
    uncovered = uncovered_subjects(shipped_entries)
    for subject in ("metric-autoscale", "latency-metrics", "supported-sizes", "instance-limits", "cluster-extension"):
        assert subject in uncovered

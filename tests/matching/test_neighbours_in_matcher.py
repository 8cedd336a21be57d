"""Pastes about Azure ML's neighbours (compute, training, AutoML, ...) get no entry but the named topic."""
import pytest


@pytest.mark.parametrize(("paste", "topic"), [
    ("Our AmlCompute cluster is stuck resizing and nodes never become idle: 500 InternalServerError", "compute-cluster"),
    ("AutoML run failed during featurization with a UserError about the target column", "automl"),
])
def test_a_neighbouring_topic_gets_no_entry_and_is_named(matcher, paste, topic):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic


def test_a_deployment_error_that_mentions_a_neighbour_keeps_its_entry(matcher):
    result = matcher.match("ERR_1100 when deploying the model I trained with AutoML to a managed online endpoint")
    assert result.matches and result.matches[0].id == "err_1100-not-enough-quota" and result.out_of_scope is None


def test_the_neighbour_discount_is_named_in_the_reasons(matcher):
    candidates = matcher.match("compute cluster provisioning failed with 500 Internal Server Error").candidates
    assert any(r["type"] == "discount" and r["value"] == "neighbour:compute-cluster"
               for c in candidates for r in c.reasons)

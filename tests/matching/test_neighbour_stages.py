"""A paste whose failure is a neighbour's own (signing in, the CLI, a compute, a run, a dataset) is not covered even
when it says what the user meant to deploy next; prompt flow authoring is a neighbour of its own."""
import re

import pytest

from app.matching.neighbours import _SOURCES, neighbour_topic
from app.matching.normalize import fold, normalize


def _topic(paste: str) -> str | None:
    sighting = neighbour_topic(normalize(paste), fold(paste))
    return sighting.topic.id if sighting else None


@pytest.mark.parametrize(("paste", "topic"), [
    ("Getting ready to publish my model to a managed online endpoint, but building the MLClient fails:\n"
     "azure.core.exceptions.ClientAuthenticationError: the chained credentials could not get a token", "workspace-auth"),
    ("az ml online-endpoint update -n fraud-ep -f ep.yml\n"
     "ERROR: 'online-endpoint' is misspelled or not recognized by the system.", "cli-install"),
    ("Before I can deploy anything the AKS attach fails: ComputeTargetException: Compute target creation failed",
     "compute-cluster"),
    ("The run I submitted before deploying ends with ActivityFailedException: Activity Failed", "training-job"),
    ("Logging a metric batch to the tracking server fails: API request to endpoint /api/2.0/mlflow/runs/log-metric "
     "failed with error code 413 != 200. Response body: 'Request Entity Too Large'", "training-job"),
])
def test_the_neighbours_own_failure_outweighs_the_deployment_it_was_for(matcher, paste, topic):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic


@pytest.mark.parametrize("paste", [
    "pf flow test --flow ./summarise fails: the python node raised KeyError 'text'",
    "In the prompt flow authoring page my chat flow's LLM node times out after 600 seconds",
])
def test_prompt_flow_authoring_is_a_neighbour(matcher, paste):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == "prompt-flow"


def test_a_flow_deployed_to_an_online_endpoint_is_a_deployment_paste():
    assert _topic("I deployed my prompt flow to a managed online endpoint and the deployment container keeps "
                  "restarting while scoring") is None


def test_mlflow_tracking_calls_place_a_paste_in_training():
    assert _topic("mlflow.set_tracking_uri(uri) then mlflow.search_runs() returns 403 for my experiment") == "training-job"


def test_no_entry_prints_a_neighbours_own_failure(shipped_entries):
    """A topic's errors say the paste failed in the neighbour's stage, so no covered entry may print one."""
    knowledge = fold("\n".join(str(entry) for entry in shipped_entries))
    for source in _SOURCES:
        for error in source.errors:
            assert re.search(error, knowledge) is None, (source.id, error)


@pytest.mark.parametrize("question", [
    "Can I get a Responsible AI scorecard for the model behind my online endpoint?",
    "온라인 엔드포인트에 올린 모델의 책임 있는 AI 대시보드는 어디서 보나요?",
])
def test_a_question_about_the_responsible_ai_dashboard_is_not_covered(matcher, question):
    assert matcher.match(question).matches == []

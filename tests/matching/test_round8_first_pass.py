"""Round 8, first pass. When a paste prints an error's name as its own (`"code": "DeploymentTimedOut"`) and an entry
has that name as its signature, another entry hit only by a short line around the error (the service's state,
`Unhealthy`) is discounted (`other_error_named`): the named error is what the paste reports. A whole sentence of an
entry's own error output still counts in full. A pasted error followed by the user asking what to write in a file or
pass to a command is a how-to question: the how-to entry is not discounted as an answer to bare error output.
The reports are written here, in our own words."""
from __future__ import annotations

from app.matching.lexicon import HOW_TO_QUESTION
from app.matching.matcher import Matcher
from app.matching.normalize import normalize


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


def test_a_named_time_out_outweighs_the_unhealthy_state(matcher: Matcher):
    report = ("Deploying my model to ACI with an inference config (entry script score.py, memory_gb=1):\n"
              "Service deployment polling reached non-successful terminal state, current service state: Unhealthy\n"
              "More information can be found using '.get_logs()'\n"
              "Error:\n{\n  \"code\": \"DeploymentTimedOut\",\n  \"statusCode\": 504\n}")
    result = matcher.match(report)
    assert top(result) == "dockerlog"
    unhealthy = next(match for match in result.matches if match.id == "service-launch-fails")
    assert any(reason.get("value") == "other_error_named" for reason in unhealthy.reasons)


def test_the_unhealthy_state_without_a_named_error_keeps_its_entry(matcher: Matcher):
    report = "wait_for_deployment() ended with current service state: Unhealthy after my init() raised an exception"
    assert top(matcher.match(report)) == "service-launch-fails"


def test_a_whole_sentence_of_an_entrys_output_still_counts_next_to_a_named_error(matcher: Matcher):
    report = ("$ az ml batch-endpoint show -n nightly-scorer\n"
              "(ResourceNotFound) The Resource 'Microsoft.MachineLearningServices/workspaces/ws1/batchEndpoints/"
              "nightly-scorer' under resource group 'rg1' was not found.\nCode: ResourceNotFound")
    assert top(matcher.match(report)) == "batch-resource-not-found"


def test_asking_what_to_write_in_a_file_is_a_how_to_question():
    assert HOW_TO_QUESTION.search(normalize("What do I have to put in the deployment config file?"))
    assert HOW_TO_QUESTION.search(normalize("what should we pass to --dc then"))
    # a question about what went wrong is not one
    assert not HOW_TO_QUESTION.search(normalize("what do I have wrong in this config?"))


def test_a_cli_error_with_a_how_to_question_finds_the_how_to(matcher: Matcher):
    report = ("Deploying with the v1 CLI to a container instance fails:\n\n"
              "az ml model deploy: error: the following arguments are required: --deploy-config-file/--dc\n\n"
              "What do I have to put in the deployment config file to deploy the model to ACI?")
    result = matcher.match(report)
    assert top(result) == "steps-for-docker-deployment-of-machine-learning-models"
    assert not any(reason.get("value") == "error_report_how_to" for reason in result.matches[0].reasons)

"""Shapes real pastes from issue threads come in, read as what they say: statuses listed together,
a link whose file name is the clue, the folder models are mounted in, the error text a scoring script
echoes back, SDK class names that place a paste in the deployment stage, and an error name of its own
that the knowledge does not know. The pastes are written here in our own words."""
from __future__ import annotations

import pytest

from app.matching.extract import http_statuses
from app.matching.lexicon import families_marked
from app.matching.matcher import _error_names
from app.matching.neighbours import neighbour_topic
from app.matching.normalize import fold, normalize


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


# --- statuses listed together -------------------------------------------------------------

@pytest.mark.parametrize("text, statuses", [
    ("under load the router answers HTTP 503 and 504", [503, 504]),
    ("intermittent 502/503 errors from the scoring uri", [502, 503]),
    ("status 429, 503 once traffic grows", [429, 503]),
    ("возвращает 502 или 504 при нагрузке", [502, 504]),
    ("接口返回 503 或 504", [503, 504]),
])
def test_every_status_of_a_list_is_read(text, statuses):
    assert http_statuses(normalize(text)) == statuses


@pytest.mark.parametrize("text, statuses", [
    ("the job returned 500 and 200 rows were skipped", [500]),
    ("status 404 and 3.5 seconds later a retry", [404]),
])
def test_a_count_or_a_number_after_a_status_is_no_status(text, statuses):
    assert http_statuses(normalize(text)) == statuses


# --- what normalising keeps ---------------------------------------------------------------

def test_a_link_keeps_its_file_name():
    text = normalize("log: https://acct.blob.core.windows.net/azureml/ImageLogs/0a1b/build.log?sv=2020&sig=abc%3D")
    assert "build.log" in text.split()
    assert "imagelogs" not in text


def test_a_link_without_a_file_name_keeps_only_its_host():
    assert normalize("read https://learn.microsoft.com/azure/machine-learning/concept-endpoints first") \
        == "read learn.microsoft.com first"


def test_the_folder_models_are_mounted_in_survives_a_path():
    text = normalize("FileNotFoundError: '/var/azureml-app/azureml-models/churn/3/churn.joblib'")
    assert "azureml-models churn.joblib" in text
    assert "var" not in text.split()


# --- family and stage ---------------------------------------------------------------------

def test_an_aci_scoring_host_marks_a_v1_web_service():
    assert families_marked(normalize("POST http://3f2e-aa.westeurope.azurecontainer.io/score gives nothing")) \
        == {"docker-aci-aks"}


@pytest.mark.parametrize("text", [
    "my notebook builds a ManagedOnlineDeployment and the container cannot import its package",
    "the notebook creates an AksWebservice and it never turns healthy",
])
def test_a_deployment_class_name_places_a_paste_in_the_deployment_stage(text):
    assert neighbour_topic(normalize(text), fold(text)) is None


def test_a_scoring_script_locating_its_model_is_a_deployments_paste_despite_its_workspace():
    text = ("init() calls Model.get_model_path('churn', _workspace=Workspace.from_config()) and the\n"
            "workspace config.json is not found in the container")
    sighting = neighbour_topic(normalize(text), fold(text))
    assert sighting is None or not sighting.conclusive


# --- error names --------------------------------------------------------------------------

def test_a_line_led_by_a_services_own_error_class_names_its_error():
    assert _error_names("`ExtensionIdentityMissingError: the node pool has no identity`") \
        == frozenset({"extensionidentitymissingerror"})


@pytest.mark.parametrize("line", [
    "KeyError: 'features'",
    "ModuleNotFoundError: No module named 'xgboost'",
    "HttpResponseError: (BadRequest) the request was rejected",
    "ResourceNotFoundError: the resource was not found",
])
def test_python_and_sdk_wrapper_exceptions_name_no_error(line):
    assert _error_names(line) == frozenset()


# --- answers ------------------------------------------------------------------------------

def test_a_v1_deployment_linking_its_image_build_log_gets_the_image_build_entry(matcher):
    paste = ("service = Model.deploy(ws, 'churn-svc', [model], inference_config, aci_config)\n"
             "Failed: current service state: Transitioning\n"
             "Details: https://acct.blob.core.windows.net/azureml/ImageLogs/77aa/build.log?sv=2019&sig=x%3D")
    assert top(matcher.match(paste)) == "image-building-fails"


def test_a_key_error_echoed_by_the_scoring_script_gets_the_run_entry(matcher):
    paste = 'calling http://9c1d-77.northeurope.azurecontainer.io/score returns {"error": "\'features\'"}'
    assert top(matcher.match(paste)) == "function-fails-runinput_data"


def test_a_missing_file_in_the_model_mount_gets_the_model_path_entry(matcher):
    paste = ("init() fails when the web service starts:\n"
             "FileNotFoundError: [Errno 2] No such file or directory: "
             "'/var/azureml-app/azureml-models/churn/3/churn.joblib'")
    assert top(matcher.match(paste)) == "function-fails-get_model_path"


def test_an_editor_extensions_error_report_is_another_tool_not_a_deployment(matcher):
    paste = ("Action: ModelTree.expand\nError type: 504\nError Message: 504 Gateway Timeout while listing the models\n\n"
             "Version: 0.44.1\nOS: darwin")
    assert matcher.match(paste).matches == []
    assert top(matcher.match("Our scoring calls end in 504 Gateway Timeout from the AKS web service")) \
        == "http-status-code-504"


def test_an_online_endpoint_paste_quoting_a_batch_error_gets_no_batch_answer(matcher):
    paste = ("ml_client.online_endpoints.begin_create_or_update(endpoint) fails the second time:\n"
             "Endpoint 'scorer-7' already exists")
    assert all(not match.id.startswith("batch-") for match in matcher.match(paste).matches)


# --- the scoring server's own line when init() raises ---------------------------------------

def test_the_scoring_servers_init_failure_line_is_a_crashing_container(matcher):
    # a v1 web service's JSON log, written in our own words: the server says the user's init failed
    paste = ('{"timestamp": "2021-03-02T08:00:01Z", "message": "Loading the model", "logger": "root"}\n'
             '{"timestamp": "2021-03-02T08:00:02Z", "path": "/var/azureml-app/aml_logger.py", '
             '"message": "User\'s init function failed", "level": "ERROR"}\n'
             "the AciWebservice never becomes healthy")
    result = matcher.match(paste)
    assert top(result) == "service-launch-fails"
    assert any(reason["type"] == "pattern" and "init function failed" in reason["value"]
               for reason in result.matches[0].reasons)


def test_the_init_failure_line_of_an_online_deployment_stays_the_new_generations(matcher):
    paste = ("az ml online-deployment get-logs -n green -e churn-api\n"
             "ERROR | User's init function failed\n"
             "Worker exiting (pid: 41)")
    assert top(matcher.match(paste)) == "err_2200-user-container-has-crashedterminated"


def test_the_paste_is_read_once_for_error_words(matcher, monkeypatch):
    from app.matching import matcher as matcher_module
    calls = []
    cue = matcher_module._ERROR_CONTEXT

    class Counting:
        def search(self, text):
            calls.append(text)
            return cue.search(text)

    monkeypatch.setattr(matcher_module, "_ERROR_CONTEXT", Counting())
    # a pattern hit that other entries' titles name, so the case evidence runs too
    cases = []
    case_evidence = type(matcher)._case_evidence
    monkeypatch.setattr(type(matcher), "_case_evidence",
                        lambda self, *args: cases.append(args) or case_evidence(self, *args))
    matcher.match("creating the online deployment failed: (OutOfQuota) not enough quota for Standard_F4s_v2")
    assert cases and len(calls) == 1

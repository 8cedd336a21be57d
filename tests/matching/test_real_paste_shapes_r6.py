"""More shapes of real pastes, read as what they say: an SDK v1 deployment that timed out (its error name
sends the user to the Docker log), a scoring container missing a system library, a Docker build log of a
web service's image, a call's argument in parentheses that is no HTTP status, and a traceback through the
v1 web service's own server code. The pastes are invented here, in our own words."""
from __future__ import annotations

import pytest

from app.matching.extract import http_statuses
from app.matching.normalize import fold, normalize


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


# --- DeploymentTimedOut: the deployment never got healthy, read the Docker log ---------------------

V1_TIMEOUT = (
    "ran the deploy cell of my notebook for an ACI web service, after twenty minutes:\n"
    "Service deployment polling reached non-successful terminal state, current service state: Transitioning\n"
    "Error:\n{\n  \"code\": \"DeploymentTimedOut\",\n  \"statusCode\": 504,\n"
    "  \"message\": \"The deployment operation polling has TimedOut. Check the service state later.\"\n}\n")


def test_a_v1_deployment_timeout_goes_to_the_docker_log(matcher):
    assert top(matcher.match(V1_TIMEOUT)) == "dockerlog"


def test_the_timeout_name_beats_the_scoring_timeout_status(matcher):
    scores = {m.id: m.score for m in matcher.match(V1_TIMEOUT).candidates}
    assert scores["dockerlog"] > scores.get("http-status-code-504", 0.0)


# --- a system library missing in the scoring container --------------------------------------------

@pytest.mark.parametrize("paste", [
    "deploying my segmentation model to AKS, the web service logs end with\n"
    "  File \"/azureml-envs/azureml_abc/lib/python3.8/site-packages/cv2/__init__.py\", line 8, in <module>\n"
    "ImportError: libGL.so.1: cannot open shared object file: No such file or directory",
    "my score.py imports opencv and the deployment dies at start:\n"
    "ImportError: libXext.so.6: cannot open shared object file: No such file or directory",
])
def test_a_missing_shared_library_at_startup_is_a_launch_failure(matcher, paste):
    assert top(matcher.match(paste)) == "service-launch-fails"


def test_the_same_import_error_in_a_training_script_is_no_launch_failure(matcher):
    paste = ("my training.py on the cluster stops right away:\n"
             "ImportError: libGL.so.1: cannot open shared object file: No such file or directory")
    assert top(matcher.match(paste)) != "service-launch-fails"


# --- a Docker build log of the web service's image -------------------------------------------------

def test_a_docker_build_step_log_of_a_deployment_is_the_image_build(matcher):
    paste = ("Model.deploy to ACI stops, and the build output I found shows\n"
             "Step 6/12 : RUN conda env create -p /azureml-envs/azureml_0f1e -f mutated_conda_dependencies.yml\n"
             " ---> Running in 1a2b3c4d5e6f\n"
             "Solving environment: ...working... failed\n"
             "ResolvePackageNotFound:\n  - python=3.5.1\n")
    assert top(matcher.match(paste)) == "image-building-fails"


def test_a_docker_build_step_log_of_a_training_run_stays_out(matcher):
    paste = ("Step 4/9 : RUN pip install -r requirements.txt\n ---> Running in 7f6e5d4c3b2a\n"
             "ERROR: No matching distribution found for torch==9.9\nwhile preparing my training environment")
    assert top(matcher.match(paste)) != "image-building-fails"


# --- a call's argument is no status ----------------------------------------------------------------

@pytest.mark.parametrize("text, statuses", [
    ("error conda.core.link:_execute(502): could not install a package", []),
    ("helper.retry(404) failed after three attempts", []),
    ("the remote server returned an error: (503) server unavailable", [503]),
])
def test_a_number_in_a_calls_parentheses_is_no_status(text, statuses):
    assert http_statuses(normalize(text)) == statuses


# --- a traceback through the v1 web service's own server -------------------------------------------

def test_a_frame_of_the_v1_server_places_a_crash_in_the_v1_web_service(matcher):
    paste = ("what I see after that:\n"
             "  File \"/var/azureml-server/entry.py\", line 12, in <module>\n    import pandas\n"
             "ModuleNotFoundError: No module named 'pandas'\n"
             "Worker exiting (pid: 41)\nReason: Worker failed to boot.")
    assert top(matcher.match(paste)) == "service-launch-fails"


def test_a_frame_of_that_server_in_an_endpoints_log_stays_the_endpoints(matcher):
    paste = ("az ml endpoint get-logs for my endpoint shows\n"
             "  File \"/var/azureml-server/entry.py\", line 12, in <module>\n    import pandas\n"
             "ModuleNotFoundError: No module named 'pandas'\n"
             "Worker exiting (pid: 41)\nReason: Worker failed to boot.")
    assert top(matcher.match(paste)) == "err_2200-user-container-has-crashedterminated"


# --- SDK v1's model image is a deployment's ----------------------------------------------------------

def test_the_v1_image_api_is_a_deployment_word():
    from app.matching.neighbours import names_deployment
    assert names_deployment(normalize("img = ContainerImage.image_configuration(runtime='python')"))
    assert names_deployment(normalize("built it with mlflow.azureml.build_image(model_uri, workspace=ws)"))


def test_a_conda_file_beside_the_v1_image_api_is_no_environment_topic():
    from app.matching.neighbours import neighbour_topic
    paste = ("creating the scoring image fails\n"
             "image = mlflow.azureml.build_image(model_uri=uri, workspace=ws, synchronous=False)\n"
             "conda.yaml:\ndependencies:\n- python=3.7\n- pip\n")
    sighting = neighbour_topic(normalize(paste), fold(paste))
    assert sighting is None or sighting.topic.id != "environment-build"

"""Real error lines the knowledge did not know yet (round 6, second pass): a misspelt CrashLoopBackOff, the
inference image's last words before it stops ("Sleeping to send error logs"), the batch driver's EntryScript
logger, a traceback through the SDK v1 LocalWebservice, a native library missing in a deployment container,
the v1 service driver without the entry script's run(), an ACR build step that failed, and the inference
server's message for an exception in run(). A generic "internal server error, contact support" line is no
longer the Key Vault entry's alone. The pastes are invented here, in our own words."""
from __future__ import annotations

import pytest


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


@pytest.mark.parametrize("paste", [
    "my AKS service never gets healthy, kubectl shows the pod in CrashBackOff and restarting every minute",
    "the web service pod keeps going into crash back-off right after the image was pulled, no logs at all",
])
def test_a_misspelt_crash_loop_back_off_is_a_service_launch_failure(matcher, paste):
    assert top(matcher.match(paste)) == "service-launch-fails"


def test_the_inference_image_giving_up_at_start_is_a_crashed_container(matcher):
    paste = (
        "az ml online-deployment create never finishes, the deployment stays unhealthy. container log:\n"
        "ERROR: No matching distribution found for numpy==9.9.9\n"
        "Error occurred. Sleeping to send error logs.\n")
    assert top(matcher.match(paste)) == "err_2200-user-container-has-crashedterminated"


def test_the_batch_entry_script_logger_is_about_logging_in_the_scoring_script(matcher):
    paste = ("where do the messages go that I write with EntryScript().logger.info(...) inside my mini-batch "
             "scoring script? I can't find them anywhere")
    assert top(matcher.match(paste)) == "how-to-log-in-scoring-script"


def test_a_traceback_through_the_local_web_service_is_local_debugging(matcher):
    paste = (
        "testing my model on my laptop before ACI:\n"
        "Traceback (most recent call last):\n"
        "  File \"/opt/conda/lib/python3.8/site-packages/azureml/core/webservice/local.py\", line 70, in decorated\n"
        "    return func(self, *args, **kwargs)\n"
        "ValueError: could not convert string to float: 'abc'\n")
    assert top(matcher.match(paste)) == "debug-locally"


def test_a_generic_internal_error_of_another_operation_is_not_the_key_vault_entry(matcher):
    paste = ("registering a dataset from the portal: An internal server error occurred. Please try again. "
             "If the problem persists, contact support.")
    assert top(matcher.match(paste)) != "azure-key-vault-access-policy-and-azure-resource-manager-templates"


def test_a_missing_native_library_in_the_container_is_a_launch_failure(matcher):
    paste = ("I added pyzbar to my conda file and now my container dies at start with\n"
             "ImportError: libzbar.so.0: cannot open shared object file: No such file or directory")
    assert top(matcher.match(paste)) == "service-launch-fails"


def test_the_v1_service_driver_without_run_is_a_launch_failure(matcher):
    paste = ("Deployment to ACI failed.\nAttributeError: module 'service_driver' has no attribute 'init'\n"
             "It worked when I ran the notebook by hand.")
    assert top(matcher.match(paste)) == "service-launch-fails"


def test_a_failed_container_registry_build_step_is_an_image_build_failure(matcher):
    paste = ("using my own Dockerfile for the inference environment, the build stops with\n"
             "Container failed during run: acb_step_1. No retries remaining.\n"
             "failed to run step ID: acb_step_1: exit status 2")
    assert top(matcher.match(paste)) == "image-building-fails"


def test_the_servers_message_for_an_exception_in_run_is_a_model_error(matcher):
    paste = ("calling the endpoint from my notebook with ml_client.online_endpoints.invoke gives\n"
             "HttpResponseError: An unexpected error occurred in scoring script. Check the logs for more info.")
    assert top(matcher.match(paste)) == "http-424-model-error"


def test_the_container_front_end_timing_out_on_the_local_scoring_server_is_a_gateway_timeout(matcher):
    paste = ("my ACI web service answers after a minute with\n"
             "Post http://localhost:5001/score: net/http: request canceled (Client.Timeout exceeded while awaiting headers)")
    assert top(matcher.match(paste)) == "http-status-code-504"


def test_an_image_pull_timeout_is_not_the_scoring_timeout(matcher):
    paste = ("Get https://myregistry.azurecr.io/v2/: net/http: request canceled "
             "(Client.Timeout exceeded while awaiting headers)")
    assert top(matcher.match(paste)) != "http-status-code-504"


def test_a_v1_web_service_call_failing_in_the_sdk_run_is_a_run_failure(matcher):
    paste = (
        "scoring my AKS web service from the notebook:\n"
        "WebserviceException                       Traceback (most recent call last)\n"
        "----> 1 service.run(json.dumps(payload))\n"
        "~/envs/py38/lib/python3.8/site-packages/azureml/core/webservice/aks.py in run(self, input_data)\n"
        "WebserviceException: Received bad response from service. More information can be found here\n")
    assert top(matcher.match(paste)) == "function-fails-runinput_data"

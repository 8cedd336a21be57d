"""Each error name of today's online-endpoint and batch-endpoint troubleshooting articles, pasted
in the envelope it usually comes in, finds its entry first. The pastes are written here in our
own words (no evaluation case is copied); the envelopes are the shapes the CLI, the SDK and the
REST API print: `(Name) message`, a JSON body, `Code: ... Message: ...`, an aka.ms link."""
from __future__ import annotations

import json
import re

import pytest


def paren(name: str, message: str) -> str:
    return f"Deployment failed.\n({name}) {message}\nCode: {name}\nMessage: {message}"


def json_body(name: str, message: str) -> str:
    return json.dumps({"error": {"code": name, "message": message}}, indent=2)


def code_message(name: str, message: str) -> str:
    return f"ERROR: Code: {name}\nMessage: {message}\nTarget: deployment"


def link(anchor: str, message: str) -> str:
    return f"{message} Please see troubleshooting guide, available here: https://aka.ms/oe-tsg#{anchor}"


CASES = [
    (paren("OutOfQuota", "Not enough quota available for Standard_DS3_v2 in the subscription (CPU quota)."),
     "err_1100-not-enough-quota"),
    (code_message("OutOfQuota", "The region-wide VM capacity for the requested size is used up; try later."),
     "err_1101-out-of-capacity"),
    (json_body("OutOfQuota", "The model is larger than the disk quota of the chosen instance type."),
     "err_1350-unable-to-download-user-model-not-enough-space-on-the-disk"),
    (paren("OutOfQuota", "Role assignment quota of the subscription is exhausted."),
     "err_1102-no-more-role-assignments"),
    (link("error-outofquota", "Endpoint quota reached for this subscription and region."),
     "err_1103-endpoint-quota-reached"),
    (code_message("OutOfQuota", "Kubernetes quota: the compute cannot fit the requested pods."),
     "err_2101-kubernetes-unschedulable"),
    (paren("BadArgument", "Unable to download user container image: the image was not found in the registry."),
     "err_1200-unable-to-download-user-container-image"),
    (json_body("BadArgument", "Unable to download user model. Check that the model artifacts exist in the "
                              "workspace storage."),
     "err_1300-unable-to-download-user-modelcode-artifacts"),
    (code_message("BadArgument", "Resource requests greater than limits for the container."),
     "err_2102-resources-requests-invalid"),
    (paren("ResourceNotReady", "User container has crashed or terminated; liveness probe failed."),
     "err_2200-user-container-has-crashedterminated"),
    (json_body("ResourceNotFound", "Resource Manager could not find the resource the deployment references."),
     "error-resourcenotfound"),
    (paren("OperationCanceled", "The operation was canceled because another operation is running on it."),
     "error-operationcanceled"),
    (link("error-imagebuildfailure", "ImageBuildFailure: the environment image could not be built."),
     "error-imagebuildfailure"),
    (code_message("WorkspaceManagedNetworkNotReady", "The managed network of the workspace is not ready yet."),
     "error-workspacemanagednetworknotready"),
    (paren("SecretsInjectionError", "Secret injection failed while creating the deployment."),
     "error-secretsinjectionerror"),
    (paren("InternalServerError", "ERROR: InternalServerError while creating the deployment, retry later."),
     "err_5000-internal-error"),
    (json_body("BadArgument", "Subscription doesn't exist or is not registered."), "subscription-doesnt-exist"),
    (code_message("BadArgument", "Startup task failed due to authorization error on the container registry."),
     "startup-task-authorization-error"),
    (paren("BadArgument", "Invalid template function specification in the deployment template."),
     "invalid-template-function-specification"),
    ("batch job failed: ModuleNotFoundError: No module named 'azureml'", "batch-no-module-named-azureml"),
    ("batch endpoint job error: ValueError: No objects to concatenate", "batch-valueerror-no-objects-to-concatenate"),
    ("invoking the batch endpoint: Audience or service not allowed", "batch-audience-or-service-not-allowed"),
    ("batch-endpoint invoke: No valid deployments to route to. Please check that the batch endpoint has "
     "a default deployment", "batch-no-valid-deployments-to-route"),
]


@pytest.mark.parametrize(("paste", "entry_id"), CASES, ids=[entry_id for _, entry_id in CASES])
def test_todays_error_name_in_its_envelope_finds_its_entry(matcher, paste, entry_id):
    matches = matcher.match(paste).matches
    assert matches and matches[0].id == entry_id, [(m.id, m.score) for m in matches[:3]]


LOG_SHAPES = [
    # the scoring container's supervisor gives up on a server that exited
    ("2025-03-02T08:00:01,123+00:00 - gunicorn/finish 1 0\n"
     "2025-03-02T08:00:01,124+00:00 - Exit code 1 is not normal. Killing image.",
     "err_2200-user-container-has-crashedterminated"),
    # the v1 scoring server (azureml-server) calling the entry script's init()
    ('File "/var/azureml-server/aml_blueprint.py", line 150, in register\n    main.init()\n'
     'File "/var/azureml-app/main.py", line 70, in init\n    driver_module.init()\n'
     'File "my_entry.py", line 9, in init\n    import lightgbm\nImportError: libgomp.so.1: cannot open shared '
     "object file", "service-launch-fails"),
    # the endpoint's gateway refusing an expired token (Envoy's wording)
    ("requests.post(uri, headers=auth) -> Jwt is expired", "http-401-unauthorized"),
    ("the call answers `Jwt verification fails` although I pass the key", "http-401-unauthorized"),
]


@pytest.mark.parametrize(("paste", "entry_id"), LOG_SHAPES, ids=[f"log-{n}" for n in range(len(LOG_SHAPES))])
def test_the_output_shape_of_the_scoring_stack_finds_its_entry(matcher, paste, entry_id):
    """Lines only the scoring container or the endpoint's gateway print are evidence of their stage."""
    matches = matcher.match(paste).matches
    assert matches and matches[0].id == entry_id, [(m.id, m.score) for m in matches[:3]]


def test_the_v2_servers_init_frame_is_a_failed_start(shipped_entries):
    """`invoke_init` in a traceback is the inference server calling init(): the container did not start,
    whichever family runs it (v1 web service or online deployment)."""
    frame = '  File "user_script.py", line 117, in invoke_init\n    self._user_init()'
    hits = {e["id"] for e in shipped_entries for pattern in e["patterns"] if re.search(pattern, frame.casefold())}
    assert {"err_2200-user-container-has-crashedterminated", "service-launch-fails"} <= hits


def test_an_online_endpoint_naming_a_missing_resource_is_the_online_entry(matcher):
    online = matcher.match("az ml online-endpoint create: (NotFound) The specified resource was not found.")
    assert online.matches and online.matches[0].id == "error-resourcenotfound"


def _discounts(match) -> set[str]:
    return {str(reason["value"]) for reason in match.reasons if reason["type"] == "discount"}


def test_next_to_an_unknown_error_name_a_short_signature_counts_like_words(matcher):
    """`(SomeNameNoEntryKnows) ... already exists`: the service names another error, so a two-word phrase
    of an entry's output is weak evidence; a full sentence of that output still is not."""
    short = matcher.match("(BadRequest) Details: (KubernetesEndpointConflict) Endpoint churn-ep already exists "
                          "in the attached cluster").candidates[0]
    assert short.id == "batch-endpoint-name-exists-or-deleting" and "unknown_error_name" in _discounts(short)
    sentence = matcher.match("(EndpointNameTaken) The provided endpoint name exists or is being deleted").matches[0]
    assert sentence.id == "batch-endpoint-name-exists-or-deleting" and "unknown_error_name" not in _discounts(sentence)


@pytest.mark.parametrize(("paste", "names"), [
    ("NodeSetupFailed: the node could not mount the shared volume", {"nodesetupfailed"}),
    ("  QuotaCheckTimedOut: no answer from the quota service", {"quotachecktimedout"}),
    ("RequestId: 7f3a\nStatusCode: 502", set()),           # a log's fields, not error names
    ("AttributeError: 'NoneType' object has no attribute 'predict'", set()),  # Python's, no service's
])
def test_an_error_name_leading_a_line_is_read_when_it_says_what_failed(paste, names):
    from app.matching.matcher import _error_names
    assert _error_names(paste) == names

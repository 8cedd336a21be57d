"""Each error name of today's online-endpoint and batch-endpoint troubleshooting articles, pasted
in the envelope it usually comes in, finds its entry first. The pastes are written here in our
own words (no evaluation case is copied); the envelopes are the shapes the CLI, the SDK and the
REST API print: `(Name) message`, a JSON body, `Code: ... Message: ...`, an aka.ms link."""
from __future__ import annotations

import json

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

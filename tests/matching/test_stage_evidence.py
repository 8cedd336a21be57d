"""The stage a paste is in is evidence: outside deploying and scoring (training, provisioning,
signing in), statuses and short generic signatures do not bring a deployment entry."""
import pytest


@pytest.mark.parametrize(("paste", "topic"), [
    ("The experiment fails after epoch 3: ModuleNotFoundError: No module named 'azureml'", "training-job"),
    ("학습 작업이 에포크 2에서 500 Internal Server Error로 실패해요", "training-job"),
    ("训练作业在计算集群上返回 413 Request Entity Too Large", "compute-cluster"),
    ("Задание обучения падает: rate limit exceeded", "training-job"),
])
def test_a_generic_signature_or_status_outside_deployment_gets_no_entry(matcher, paste, topic):
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic


def test_the_same_signature_in_a_deployment_paste_keeps_its_entry(matcher):
    result = matcher.match("My batch endpoint job fails: ModuleNotFoundError: No module named 'azureml'")
    assert result.matches and result.matches[0].id == "batch-no-module-named-azureml"


def test_an_error_code_outside_deployment_keeps_its_entry(matcher):
    result = matcher.match("The experiment fails after epoch 3 with ERR_2200")
    assert result.matches and result.matches[0].id == "err_2200-user-container-has-crashedterminated"


def test_a_sentence_of_an_entrys_error_output_outside_deployment_keeps_its_entry(matcher):
    result = matcher.match("The experiment fails after epoch 3, the log says: "
                           "Image creation polling reached non-successful terminal state")
    assert result.matches and result.matches[0].id == "image-building-fails"


def test_the_discount_of_a_generic_signature_is_named(matcher):
    candidate = matcher.match("The experiment fails after epoch 3: No module named 'azureml'").candidates[0]
    assert {"type": "discount", "value": "neighbour:training-job", "factor": matcher.params.neighbour} \
        in candidate.reasons


@pytest.mark.parametrize(("original", "specific"), [
    ("No module named 'azureml'", False),
    ("rate[- ]?limit(?:ing|ed)?", False),
    ("Docker image build failed", False),
    ("Image creation polling reached non-successful terminal state", True),
    ("(?:can'?t|cannot|can not|unable to) mount dataset", False),
    ("Updating these assets for an existing batch endpoint is not yet supported", True),
])
def test_a_signature_is_specific_when_it_spells_out_a_sentence(original, specific):
    from app.matching.scoring import specific_signature
    assert specific_signature([{"type": "signature", "value": original}], min_words=5) is specific


@pytest.mark.parametrize(("paste", "topic"), [
    ("Job status: Failed (500 Internal Server Error from the run history service). Link: "
     "https://ml.azure.com/runs/quiet_fox_4?wsid=/subscriptions/s/resourcegroups/g/workspaces/w", "training-job"),
    ("PUT https://management.azure.com/subscriptions/1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/"
     "workspaces/ws/computes/gpu-pool?api-version=2024-04-01 returned 500 Internal Server Error", "compute-cluster"),
])
def test_a_link_or_resource_id_of_another_stage_takes_a_status_away(matcher, paste, topic):
    """Normalising keeps a URL's host only; where the link points (a job, a compute) still names the stage."""
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == topic


def test_two_words_of_other_stages_take_a_status_away(matcher):
    result = matcher.match("After the experiment the image build failed: 500 Internal Server Error")
    assert result.matches == [] and result.out_of_scope is not None


def test_a_training_job_on_an_attached_kubernetes_cluster_is_no_deployment(matcher):
    result = matcher.match("I submitted a training job to our AKS-attached Kubernetes compute and it stays queued: "
                           "insufficient cpu on every node")
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == "training-job"
    deployed = matcher.match("My online deployment on the Kubernetes compute is not scheduled: 0/2 nodes are "
                             "available, insufficient cpu")
    assert deployed.matches and deployed.matches[0].id == "err_2101-kubernetes-unschedulable"


@pytest.mark.parametrize("link", [
    "https://aka.ms/oe-tsg#error-internalservererror",
    "https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints#error-internalservererror",
])
def test_a_link_to_a_deployment_troubleshooting_guide_places_the_paste_in_deployment(matcher, link):
    """The service links its own errors to the guide of their stage: build-log words next to such a link are
    the deployment's image build, not a training environment's."""
    paste = ("(None) InternalServerError: Internal error. Please see troubleshooting guide, available here: "
             f"{link}\nThe build log of the image is in the workspace storage, see build.log")
    result = matcher.match(paste)
    assert result.matches and result.matches[0].id == "err_5000-internal-error"
    assert result.out_of_scope is None

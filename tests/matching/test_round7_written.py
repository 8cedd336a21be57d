"""Written reports, round 7: following a job with `az ml job show` or `az ml job stream` is what a batch endpoint's
user does too, so it no longer places a paste in a training job beyond doubt (only submitting one does); and a
mini batch, in words or in the batch driver's log line, is a batch deployment's word. ParallelRunStep's own
setting (`mini_batch_size`) stays the pipeline's. A package missing in a batch job is its user program failing
(a word a pattern must not contain is no word it needs: `_pattern_anchors`). "Insufficient memory" is the
Kubernetes scheduler's only after its count of nodes; said of an instance type, the container cannot start.
The reports are written here, in our own words."""
from __future__ import annotations

from app.matching.index import _pattern_anchors
from app.matching.matcher import Matcher


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


def test_showing_a_failed_batch_job_is_the_batch_entry(matcher: Matcher):
    report = ("My batch endpoint job failed. az ml job show -n sharp-lemon-42 prints status Failed and\n"
              "UserError: User program failed with Exception: Run failed, please check logs for details.")
    assert top(matcher.match(report)) == "batch-user-program-fails-run-fails"


def test_submitting_a_job_is_still_a_training_job(matcher: Matcher):
    report = "az ml job create -f train.yml fails right away, the command job never starts on my compute"
    result = matcher.match(report)
    assert top(result) is None
    assert result.out_of_scope is not None and result.out_of_scope.id == "training-job"


def test_a_mini_batch_timeout_in_the_log_is_the_batch_timeout(matcher: Matcher):
    report = ("logs/sys/error shows run_invocation_timeout exceeded for mini batch 12 and then the whole job fails. "
              "Which setting gives each mini batch more time?")
    assert top(matcher.match(report)) == "batch-process-times-out"


def test_a_parallel_run_step_with_its_mini_batch_size_stays_a_pipeline(matcher: Matcher):
    report = ("ParallelRunConfig(mini_batch_size='5', run_invocation_timeout=600, error_threshold=10) in my "
              "ParallelRunStep, and the pipeline step still times out")
    result = matcher.match(report)
    assert top(result) is None
    assert result.out_of_scope is not None and result.out_of_scope.id == "pipelines"


def test_a_missing_package_in_a_batch_job_is_its_user_program_failing(matcher: Matcher):
    report = ("our batch deployment's scoring job stops at once: ModuleNotFoundError: No module named 'lightgbm', "
              "though the same score.py runs fine on my laptop")
    assert top(matcher.match(report)) == "batch-user-program-fails-run-fails"


def test_a_missing_azureml_package_in_a_batch_job_keeps_its_own_entry(matcher: Matcher):
    report = "batch deployment job fails right away: ModuleNotFoundError: No module named 'azureml'"
    assert top(matcher.match(report)) == "batch-no-module-named-azureml"


def test_a_word_a_pattern_must_not_contain_is_not_its_anchor():
    anchors = _pattern_anchors(r"no module named ['\"`]?(?!somepackage\b)[\w.]+")
    assert "somepackage" not in anchors
    assert anchors == ("module",)


def test_the_schedulers_insufficient_memory_is_still_kubernetes_unschedulable(matcher: Matcher):
    report = "my kubernetes online deployment stays Pending: 0/4 nodes are available: 4 Insufficient memory."
    assert top(matcher.match(report)) == "err_2101-kubernetes-unschedulable"


def test_insufficient_memory_of_an_instance_type_is_the_container_that_cannot_start(matcher: Matcher):
    report = "deployment failed: insufficient memory on the instance type for my model, which SKU should I choose?"
    assert top(matcher.match(report)) == "err_2100-unable-to-start-user-container"

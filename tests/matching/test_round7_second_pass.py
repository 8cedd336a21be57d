"""Round 7, second pass. A CI service (GitHub Actions, GitLab, Jenkins) that deploys a model or calls an endpoint is
a client of the deployment, like a Logic App: off the domain only when the paste names no deployment. Calling an
endpoint is invoking it (its invocation URI), and a batch job is a batch run too: both are the deployment stage's
words, so a batch job's dataset mount error is not a datastore question. In Chinese, asking how to troubleshoot
(怎么排查) a failure asks for its cause and fix, as 怎么解决 does, not how to do something.
The reports are written here, in our own words."""
from __future__ import annotations

from app.matching.lexicon import CLIENT_APP, HOW_TO_QUESTION, OFF_DOMAIN
from app.matching.matcher import Matcher
from app.matching.neighbours import names_deployment
from app.matching.normalize import normalize


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


def test_a_ci_job_calling_a_batch_endpoint_gets_the_audience_entry(matcher: Matcher):
    report = ("Our Jenkins stage gets an Entra token for the service principal and calls the batch endpoint's "
              "invocation URL, but the request is refused: the audience of the token is not allowed. What should "
              "the resource be?")
    assert top(matcher.match(report)) == "batch-audience-or-service-not-allowed"


def test_a_ci_service_is_a_client_not_another_product():
    text = normalize("a GitLab job posts rows to the scoring URI")
    assert CLIENT_APP.search(text)
    assert not OFF_DOMAIN.search(text)


def test_a_ci_failure_without_a_deployment_stays_off_the_domain(matcher: Matcher):
    report = "Jenkins pipeline fails with exit code 137 on the build agent while running the unit tests"
    assert top(matcher.match(report)) is None


def test_invoking_an_endpoint_and_a_batch_run_are_deployment_words():
    assert names_deployment(normalize("the invocation fails with a token error"))
    assert names_deployment(normalize("yesterday's batch run never finished"))
    # a ParallelRunStep setting is not the word
    assert not names_deployment(normalize("run_invocation_timeout=600 in my step"))


def test_a_batch_runs_dataset_mount_error_is_the_batch_entry(matcher: Matcher):
    report = ("The nightly batch run stopped with UserErrorException: Dataset initialization failed: Cannot mount "
              "Dataset(id='1f0e', name='scores', version=3). Error Code: ScriptExecution.StreamAccess.NotFound")
    assert top(matcher.match(report)) == "batch-dataset-initialization-failed-cant-mount-dataset"


def test_a_datastore_error_outside_deployment_stays_the_neighbours(matcher: Matcher):
    report = ("Registering a tabular dataset from my datastore and calling to_pandas_dataframe gives "
              "ScriptExecution.StreamAccess.Authentication")
    result = matcher.match(report)
    assert top(result) is None
    assert result.out_of_scope is not None and result.out_of_scope.id == "datastores"


def test_asking_how_to_troubleshoot_in_chinese_is_no_how_to_question():
    assert not HOW_TO_QUESTION.search(normalize("部署 Web 服务时镜像构建报错，该怎么排查？"))
    assert not HOW_TO_QUESTION.search(normalize("容器启动失败，如何排查原因"))
    assert HOW_TO_QUESTION.search(normalize("怎么把模型部署到 AKS？"))


def test_a_v1_image_build_failure_asked_in_chinese_is_the_v1_entry(matcher: Matcher):
    question = "老的 SDK 把模型部署成 ACI 服务，Docker 映像生成失败，怎么排查？"
    assert top(matcher.match(question)) == "image-building-fails"

"""Weaknesses that showed on unseen pastes, fixed in general: how statuses are written, which stage a
shared log line belongs to, chat words that are no evidence, another product's hosts."""
import pytest

from app.matching.extract import http_statuses
from app.matching.languages import ru, zh
from app.matching.neighbours import neighbour_topic
from app.matching.normalize import normalize


@pytest.mark.parametrize("text,status", [
    ("print(r) shows <Response [503]>", 503),
    ("the gateway answered 502 - Bad Gateway", 502),
    ("our client received a 413 for the bigger files", 413),
    ("after a minute the call got back 504", 504),
    ("the endpoint returns a 401 although the key is new", 401),
    ("엔드포인트가 424 모델 오류를 돌려줘요", 424),
    ("调用时报 424 模型错误", 424),
    ("Operation returned an invalid status code 'TooManyRequests'", 429),
    ("Response status code does not indicate success: 401 (Unauthorized).", 401),
    ("urllib raised HTTPError 503 for the scoring URI", 503),
    ("每次调用都收到 429", 429),
    ("эндпоинт отдаёт 502 после обновления", 502),
])
def test_more_ways_of_writing_a_status_are_read(text, status):
    assert http_statuses(normalize(text)) == [status]


@pytest.mark.parametrize("text", ["the job received 500 rows and wrote 200 files", "the model returned 3 labels",
                                  "the batch job got 500 files", "批处理作业收到了 500 条数据", "задание получило 500 строк"])
def test_counts_after_the_same_verbs_are_still_no_statuses(text):
    assert http_statuses(normalize(text)) == []


@pytest.mark.parametrize("word", ["говорит", "вчера", "сколько", "ещё", "её"])
def test_chat_and_question_words_of_a_russian_paste_are_no_evidence(word):
    assert ru.word_features(word) == []


def test_how_many_is_no_evidence_in_chinese_either():
    assert "h:多少" not in zh.word_features("能部署多少个")


def test_a_strong_neighbour_cue_outweighs_a_deployment_word_said_in_passing():
    found = neighbour_topic(normalize(
        "Before we deploy anything, the compute cluster will not grow: the low priority nodes of our "
        "training cluster are preempted"))
    assert found is not None and found.topic.id == "compute-cluster" and found.conclusive


def test_a_deployment_paste_that_names_one_strong_neighbour_cue_stays_open():
    found = neighbour_topic(normalize("I call my online endpoint from a notebook on my compute instance"))
    assert found is None or not found.conclusive


def test_an_ai_foundry_serverless_host_is_another_product():
    found = neighbour_topic(normalize(
        "POST https://llama-chat-abcde-serverless.eastus2.inference.ai.azure.com/v1/chat answered 404"))
    assert found is not None and found.topic.id == "azure-openai"


def test_the_batch_driver_exit_is_the_batch_entry_s(matcher):
    paste = ('Traceback (most recent call last):\n  File "driver/amlbi_main.py", line 240, in <module>\n'
             "    main()\nSystemExit: 42\nthe batch endpoint job I invoked ends like this")
    result = matcher.match(paste)
    assert result.matches and result.matches[0].id == "batch-user-program-fails-run-fails"


def test_the_same_driver_under_a_parallel_run_step_is_a_pipeline_s(matcher):
    paste = ('ParallelRunStep with ParallelRunConfig(error_threshold=5) fails:\n'
             '  File "driver/amlbi_main.py", line 240, in <module>\nSystemExit: 42')
    result = matcher.match(paste)
    assert result.matches == [] and result.out_of_scope is not None and result.out_of_scope.id == "pipelines"


def test_the_v1_kubernetes_deployment_error_names_the_v1_family(matcher):
    result = matcher.match("KubernetesDeploymentFailed: the AKS web service crashed, maybe in init() of score.py")
    assert result.matches and result.matches[0].id == "service-launch-fails"

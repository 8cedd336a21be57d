"""Written questions, round six (b): everyday words for the knowledge's (a subscription's GUID, an organisation's
governance rules, a misspelt Korean role, gunicorn's worker process and pid in Chinese), a batch endpoint's job that
fails (not a training job's), and the Azure portal, where users look at any resource (not the studio's UI). Every
sentence is our own wording."""
from __future__ import annotations

import pytest

from app.matching.features import features
from app.matching.languages import en, zh
from app.matching.neighbours import topic_cues
from app.matching.normalize import normalize


def feats(text: str) -> set[str]:
    return set(features(normalize(text)))


@pytest.mark.parametrize(("said", "meant"), [("guid", "id"), ("uuid", "id"), ("governance", "policy")])
def test_an_everyday_english_word_reads_as_the_knowledges(said, meant):
    assert feats(f"the {said} rule") == feats(f"the {meant} rule")


def test_a_misspelt_korean_role_reads_as_the_word_meant():
    assert feats("역활 할당") == feats("역할 할당")


def test_a_korean_image_fetched_reads_as_downloaded():
    assert "k:다운" in feats("노드가 이미지를 받아오지 못했어요")


def test_a_chinese_worker_process_and_its_pid_read_as_gunicorns_words():
    assert set(zh.word_features("工作进程")) >= set(en.word_features("worker"))
    assert set(zh.word_features("进程号")) >= set(en.word_features("pid"))


@pytest.mark.parametrize("text", ["the batch job failed after an hour", "our batch-job fails on every file",
                                  "the scoring job failed overnight"])
def test_a_batch_endpoints_failed_job_is_no_training_jobs(text):
    assert "training-job" not in topic_cues(normalize(text))


def test_a_job_that_failed_alone_is_still_a_training_cue():
    assert "training-job" in topic_cues(normalize("the job failed after an hour"))


@pytest.mark.parametrize("text", ["I can see the subscription in the Azure portal", "подписка видна в портале",
                                  "门户里能看到这个订阅", "포털에서는 구독이 보여요"])
def test_the_azure_portal_alone_is_not_the_studio(text):
    assert "studio-portal" not in topic_cues(normalize(text))


@pytest.mark.parametrize(("query", "expected"), [
    ("creating the online endpoint stops because the subscription GUID in my MLClient is unknown",
     "subscription-doesnt-exist"),
    # no deployment word: the subscription and the portal are no neighbour's (a sign-in's, the studio's) subject
    ("the error says my subscription does not exist, but the Azure portal shows it", "subscription-doesnt-exist"),
    ("ошибка говорит, что подписка не существует, но в портале она есть", "subscription-doesnt-exist"),
    ("报错说订阅不存在，但门户里能看到它", "subscription-doesnt-exist"),
    ("구독이 존재하지 않는다는 오류인데 포털에는 있어요", "subscription-doesnt-exist"),
    ("our online endpoint cannot be created: a governance definition the admins assigned has a broken template expression",
     "invalid-template-function-specification"),
    ("역활 할당을 더 이상 추가할 수 없다며 온라인 엔드포인트 생성이 멈춰요", "err_1102-no-more-role-assignments"),
    ("관리형 배포의 노드가 작업 영역 레지스트리에서 컨테이너 이미지를 받아오지 못하고 실패합니다", "err_1200-unable-to-download-user-container-image"),
    ("AKS 上的 Web 服务日志里，工作进程的进程号一直在变", "dockerlog"),
    ("a 429 from the managed deployment although the request rate is modest, since dozens of parallel clients send "
     "their calls together", "http-429-too-many-pending-requests"),
    ("the region has no VM of that size free right now, even though the subscription quota is plenty",
     "err_1101-out-of-capacity"),
])
def test_a_written_question_finds_its_entry(matcher, query, expected):
    assert [match.id for match in matcher.match(query).matches][:1] == [expected]

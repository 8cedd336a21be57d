"""Korean, Chinese and Russian questions, round 7: the everyday Korean verb for editing a file (고치다) is the
knowledge's 수정하다; 써야 ("must use") is grammar, not a subject; fine-tuning a model is a training job in each
language, while 微调 alone (nudging a setting) is not; asking which command to run is no CLI-install question,
setting the CLI's default resource group is; a Russian image build is one concept, not two cues of an environment
build; and image builds that run out of time, said in everyday words, reach their entry.
The questions are written here, in our own words."""
from __future__ import annotations

from app.matching.languages import ko, ru
from app.matching.matcher import Matcher


def top(result) -> str | None:
    return result.matches[0].id if result.matches else None


def neighbour(result) -> str | None:
    return result.out_of_scope.id if result.out_of_scope is not None else None


def test_korean_everyday_verb_for_editing_reads_as_the_knowledge_word():
    edited = set(ko.word_features("고쳤는데"))
    assert "k:수정" in edited
    assert "k:수정" in set(ko.word_features("수정했는데"))


def test_korean_edited_scoring_script_not_picked_up_is_updating_the_service(matcher: Matcher):
    for question in ("로컬 웹 서비스에서 score.py를 고쳤는데 반영하려면 재배포 말고 방법이 있나요?",
                     "엔트리 스크립트 한 줄 고쳤을 뿐인데 로컬 서비스에 적용하려면 어떻게 하죠?"):
        assert top(matcher.match(question)) == "update-the-service", question


def test_korean_must_use_ending_is_no_feature():
    assert "k:써야" not in ko.word_features("써야")


def test_russian_until_is_a_stop_word():
    assert ru.word_features("пока") == []


def test_chinese_fine_tuning_a_large_model_is_a_training_job(matcher: Matcher):
    result = matcher.match("在 Azure ML 上怎么对大模型做微调")
    assert top(result) is None
    assert neighbour(result) == "training-job"


def test_korean_fine_tuning_loanword_is_a_training_job(matcher: Matcher):
    result = matcher.match("Azure ML 에서 언어 모델 파인튜닝하는 절차가 궁금해요")
    assert top(result) is None
    assert neighbour(result) == "training-job"


def test_russian_fine_tuning_is_a_training_job(matcher: Matcher):
    result = matcher.match("с чего начать дообучение своей модели в Azure ML?")
    assert top(result) is None
    assert neighbour(result) == "training-job"


def test_chinese_nudging_a_setting_is_not_fine_tuning(matcher: Matcher):
    result = matcher.match("联机终结点总是超时，request_timeout_ms 微调一下能好吗")
    assert neighbour(result) != "training-job"
    assert top(result) == "http-408-request-timeout"


def test_chinese_which_command_downloads_the_image_is_not_cli_install(matcher: Matcher):
    result = matcher.match("要把 ACR 里的调试镜像下载到本机，用哪个命令")
    assert neighbour(result) is None
    assert top(result) == "download-the-image"


def test_chinese_unrecognised_command_is_still_cli_install(matcher: Matcher):
    result = matcher.match("az ml 命令无法识别，是不是要先装什么扩展")
    assert top(result) is None
    assert neighbour(result) == "cli-install"


def test_setting_the_cli_default_resource_group_is_cli_install(matcher: Matcher):
    for question in ("az ml 老是说找不到 workspace，默认资源组要怎么设",
                     "az ml 이 workspace 를 못 찾아요. 기본 리소스 그룹을 어디서 설정하나요",
                     "az ml не видит workspace, где задать группу ресурсов по умолчанию?"):
        result = matcher.match(question)
        assert top(result) is None, question
        assert neighbour(result) == "cli-install", question


def test_russian_image_build_out_of_time_is_no_environment_build(matcher: Matcher):
    result = matcher.match("сборка образа превысила время ожидания")
    assert neighbour(result) is None
    assert "image-build-timing-out" in [match.id for match in result.matches[:3]]


def test_russian_everyday_build_timeout_reaches_its_entry(matcher: Matcher):
    result = matcher.match("билд образа идет часами и в конце падает по таймауту")
    assert top(result) == "image-build-timing-out"


def test_chinese_mixed_build_timeout_reaches_its_entry(matcher: Matcher):
    result = matcher.match("镜像 build 一直超时")
    assert top(result) == "image-build-timing-out"

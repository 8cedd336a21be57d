"""Everyday words of each language meet the knowledge's words: loanwords and tool names in Hangul and Cyrillic,
colloquial Chinese terms, Snowball's split forms of one Russian word, English size and part words; and two
deployment subjects no entry covers (an MLflow model's signature, moving an endpoint to another region) stay
unanswered in every language. Every case is our own wording."""
from __future__ import annotations

import pytest

from app.matching.features import features
from app.matching.index import uncovered_subjects
from app.matching.languages import en, ko, ru, zh
from app.matching.lexicon import subjects_named
from app.matching.neighbours import neighbour_topic
from app.matching.normalize import normalize


def feats(text: str) -> set[str]:
    return set(features(normalize(text)))


def discounts(match) -> list[str]:
    return [reason["value"] for reason in match.reasons if reason["type"] == "discount"]


@pytest.mark.parametrize(("user_word", "knowledge_word"), [
    ("쿼터", "할당량"), ("리전", "지역"), ("끝점", "엔드포인트"), ("타임아웃", "시간초과"), ("의존성", "종속성"),
    ("스코어링", "채점"),
])
def test_korean_loanwords_give_the_knowledge_words_grams(user_word, knowledge_word):
    assert ko.word_features(user_word) == ko.word_features(knowledge_word)


def test_korean_job_is_a_task_only_as_a_word_of_its_own():
    assert "k:작업" in feats("배치 잡이 실패했어요") and "k:작업" in feats("배치잡 로그")
    assert "k:작업" not in feats("설정이 복잡해요")


@pytest.mark.parametrize(("user_text", "latin_word"), [
    ("도커 이미지를 못 받아요", "docker"), ("образ в докере не собирается", "docker"),
    ("쿠버네티스 클러스터", "kubernetes"), ("кластер кубернетес", "kubernetes"), ("клиент на питоне", "python"),
])
def test_tool_names_in_hangul_and_cyrillic_are_the_latin_words(user_text, latin_word):
    assert feats(latin_word) <= feats(user_text)


def test_not_knowing_and_asking_to_be_told_are_no_korean_subject():
    grams = feats("왜 그런지 모르겠어요 알려 주세요")
    assert not grams & {"k:모르", "k:르겠", "k:겠어", "k:알려", "k:주세"}


@pytest.mark.parametrize(("user_word", "knowledge_word"), [
    ("在线终结点", "联机终结点"), ("配额", "额度"), ("镜像仓库", "注册表"), ("私有终结点", "专用终结点"), ("打分脚本", "评分脚本"),
])
def test_everyday_chinese_words_give_the_knowledge_words_grams(user_word, knowledge_word):
    assert zh.word_features(user_word) == zh.word_features(knowledge_word)


@pytest.mark.parametrize("forms", [
    ("журнал", "журналы", "журнале", "логи", "логов"),
    ("лимит", "лимиты", "лимитов"),
    ("проверьте", "проверить"),
    ("нода", "ноды", "узлы", "узлов"),
    ("рестарт", "перезапуск"),
])
def test_russian_forms_and_loanwords_of_one_word_share_its_stem(forms):
    assert len({tuple(ru.word_features(form)) for form in forms}) == 1


@pytest.mark.parametrize(("user_word", "knowledge_word"), [
    ("giant", "large"), ("massive", "large"), ("huge", "large"), ("chunks", "mini-batch"), ("chunk", "batch"), ("blank", "empty"),
])
def test_english_size_and_part_words_meet_the_knowledge_word(user_word, knowledge_word):
    assert set(en.word_features(user_word)) <= set(en.word_features(knowledge_word))


def test_a_package_named_in_passing_leaves_a_korean_deployment_question_a_deployment_one():
    sighting = neighbour_topic(normalize("배포하다가 환경 이미지 빌드에서 conda 패키지 설치가 실패해요"), "")
    assert sighting is None or not sighting.conclusive


def test_a_korean_quota_question_in_loanwords_finds_the_quota_entry(matcher):
    result = matcher.match("온라인 엔드포인트 배포하는데 vCPU 쿼터가 모자라서 생성이 안 돼요")
    assert result.matches and result.matches[0].id == "err_1100-not-enough-quota"


@pytest.mark.parametrize(("query", "subject"), [
    ("How do I attach an input signature to my MLflow model before deploying it?", "model-signature"),
    ("MLflow 모델에 시그니처가 없으면 어떻게 되나요?", "model-signature"),
    ("MLflow 模型签名要怎么定义？", "model-signature"),
    ("Где задать сигнатуру для MLflow-модели?", "model-signature"),
    ("is it possible to relocate an online endpoint to a different region", "migration"),
    ("온라인 엔드포인트를 다른 리전으로 이동할 수 있나요?", "migration"),
    ("能把联机终结点迁移到其他区域吗？", "migration"),
    ("Можно ли перенести эндпоинт в другой регион?", "migration"),
])
def test_each_language_names_a_signature_and_a_move_to_another_region(query, subject):
    assert subject in subjects_named(normalize(query))


@pytest.mark.parametrize("query", [
    "the request signature in the header is rejected",   # an HTTP request's signature, not a model's
    "다른 지역으로 옮길지 다시 시도할지 고민이에요",          # where a capacity error's deployment goes, nothing moved
    "pick another region for this VM size",
])
def test_words_near_those_subjects_do_not_name_them(query):
    assert not subjects_named(normalize(query)) & {"model-signature", "migration"}


def test_no_entry_is_about_those_subjects(shipped_entries):
    assert {"model-signature", "migration"} <= uncovered_subjects(shipped_entries)


@pytest.mark.parametrize("query", [
    "how do I add a model signature so the no-code MLflow deployment accepts my columns?",
    "Нам нужно переместить управляемый онлайн-эндпоинт со всеми его деплоями в новый регион, это возможно?",
])
def test_a_question_about_those_subjects_gets_no_entry(matcher, query):
    result = matcher.match(query)
    assert not result.matches


def test_a_latin_look_alike_inside_a_russian_word_is_read_as_cyrillic():
    assert "r:реестр" in feats("образ лежит в частном рееcтре")  # a Latin c between Cyrillic letters
    assert "w:aks" in feats("вызов aks") or "w:ak" in feats("вызов aks")  # a Latin word after a space stays Latin


@pytest.mark.parametrize("query", [
    "워크스페이스를 새로 생성하려면 어떤 리소스 그룹이 필요해요?",
    "how can I register a new tabular dataset that points at a blob container",
])
def test_creating_a_workspace_or_registering_a_dataset_is_a_neighbour_question(matcher, query):
    result = matcher.match(query)
    assert not result.matches and result.out_of_scope is not None

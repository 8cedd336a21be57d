"""Questions written in Korean, Chinese and Russian: their everyday words meet the knowledge's (two renderings of
one term, a noun and its verb, the documentation's word and the users'), and the Latin names such a question
lists as its setting (the packages of an environment, the app that calls the endpoint) are no uncovered subject
(`unknown_term`), while a Latin term asked about still is; the words of how sure the user is, and chat spellings of
an ending, are no subject. Every case is our own wording."""
from __future__ import annotations

import pytest

from app.matching.features import features, tokens
from app.matching.languages import ko, ru, zh
from app.matching.lexicon import CLIENT_APP
from app.matching.normalize import normalize


def names_unknown_term(matcher, query: str) -> bool:
    words = tokens(normalize(query))
    return matcher._names_unknown_term(query, words, matcher._corrections(words))


def feats(text: str) -> set[str]:
    return set(features(normalize(text)))


def discounts(match) -> list[str]:
    return [reason["value"] for reason in match.reasons if reason["type"] == "discount"]


@pytest.mark.parametrize(("user_word", "knowledge_word"), [
    ("镜像", "映像"), ("设置", "配置"), ("探针", "探测"), ("退出", "终止"),
])
def test_chinese_renderings_of_one_term_give_the_same_grams(user_word, knowledge_word):
    assert zh.word_features(user_word) == zh.word_features(knowledge_word)


@pytest.mark.parametrize(("user_word", "knowledge_word"), [("접근", "액세스"), ("워크스페이스", "작업영역")])
def test_korean_everyday_words_give_the_knowledge_words_grams(user_word, knowledge_word):
    assert ko.word_features(user_word) == ko.word_features(knowledge_word)


@pytest.mark.parametrize(("user_word", "knowledge_word"), [
    ("окружении", "среды"), ("вызов", "вызовом"), ("настройки", "настроить"), ("настраиваю", "настроил"),
])
def test_russian_forms_of_one_concept_share_a_feature(user_word, knowledge_word):
    assert ru.word_features(user_word) == ru.word_features(knowledge_word)


def test_how_sure_the_user_is_and_chat_endings_give_no_features():
    assert not {"h:好像", "h:感觉", "h:其实"} & feats("好像是依赖的问题，其实我感觉镜像没问题")
    assert not {"k:분명", "k:혹시", "k:와여", "k:해여"} & feats("분명 설정했는데 혹시 결과가 안 나와여 어떻게 해여")
    assert not {"r:хот", "r:кажет", "r:дел"} & feats("хотя, кажется, в чем дело")
    assert "k:결과" in feats("결과가 안 나와여") and "h:依赖" in feats("好像是依赖的问题")


@pytest.mark.parametrize("query", [
    "배치 추론 환경에 numpy와 catboost만 넣었더니 azureml 모듈이 없다고 나와요",
    "我们的推理镜像里装了 transformers、sentencepiece，构建一直超时",
    "В окружении развертывания только xgboost, polars и пара утилит, а сборка образа обрывается",
])
def test_latin_names_listed_together_are_the_setting_not_the_subject(matcher, query):
    assert not names_unknown_term(matcher, query)


def test_an_app_calling_the_endpoint_is_its_client_not_its_subject(matcher):
    assert not names_unknown_term(matcher, "Vue 프런트엔드에서 온라인 엔드포인트를 호출하면 CORS 오류가 나요")
    assert CLIENT_APP.search("вызываю конечную точку из андроид-приложения")


@pytest.mark.parametrize("query", [
    "ONNX 模型能直接部署到托管在线终结点吗？",                        # one term asked about
    "Как развернуть модель на устройство IoT Edge через Azure ML?",  # two words of one name, not a list
])
def test_a_latin_term_asked_about_stays_the_subject(matcher, query):
    assert names_unknown_term(matcher, query)


@pytest.mark.parametrize(("query", "expected"), [
    ("批量推理作业报 No module named azureml，环境的 conda 文件只列了 numpy 和 catboost",
     "batch-no-module-named-azureml"),
    ("Образ онлайн-развертывания собирается слишком долго и время истекает, в окружении tensorflow, cuda",
     "image-build-timing-out"),
])
def test_a_native_question_listing_its_stack_finds_its_entry(matcher, query, expected):
    result = matcher.match(query)
    assert result.matches and result.matches[0].id == expected
    assert "unknown_term" not in discounts(result.matches[0])


@pytest.mark.parametrize(("everyday", "documented"), [
    ("批量推理作业跑完报用户程序失败，是评分脚本的问题吗", "批处理推理作业跑完报用户程序失败，是评分脚本的问题吗"),
    ("배치 작업 돌렸는데 미니배치 처리 시간이 초과됐어요", "배치 작업 실행했는데 미니 배치 처리 시간이 초과됐어요"),
    ("Наш веб-сервис в AKS недавно перестал отвечать, в журналах ошибка в run()",
     "Веб-служба в AKS перестала отвечать, в журналах ошибка в run()"),
])
def test_a_question_in_everyday_words_is_answered_as_in_the_knowledge_words(matcher, everyday, documented):
    said, written = matcher.match(everyday), matcher.match(documented)
    assert said.matches and [(m.id, m.score) for m in said.matches] == [(m.id, m.score) for m in written.matches]


@pytest.mark.parametrize(("query", "expected"), [
    ("批量推理作业跑完报用户程序失败，是评分脚本的问题吗", "batch-user-program-fails-run-fails"),
    ("배치 작업 돌렸는데 미니배치 처리 시간이 초과됐어요", "batch-process-times-out"),
])
def test_a_batch_question_in_everyday_words_finds_its_entry(matcher, query, expected):
    assert matcher.match(query).matches[0].id == expected

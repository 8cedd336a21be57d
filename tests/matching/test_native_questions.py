"""Questions written in Korean, Chinese and Russian: their everyday words meet the knowledge's (two renderings of
one term, a noun and its verb, the documentation's word and the users'), and the Latin names such a question
lists as its setting (the packages of an environment, the app that calls the endpoint) are no uncovered subject
(`unknown_term`), while a Latin term asked about still is; the words of how sure the user is, and chat spellings of
an ending, are no subject. Every case is our own wording."""
from __future__ import annotations

import pytest

from app.matching.features import features, tokens
from app.matching.languages import ko, ru, zh
from app.matching.lexicon import CLIENT_APP, subjects_named
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


# Deployment features no entry covers, asked in Korean, Chinese and Russian (`subject_terms`): our own wording.
NATIVE_SUBJECTS = [
    ("Как включить сбор данных модели, чтобы сохранять запросы к развертыванию?", "data-collection-setup"),
    ("如何启用模型数据收集，把推理数据存起来？", "data-collection-setup"),
    ("배포로 들어오는 요청과 응답을 저장소에 수집하는 방법", "data-collection-setup"),
    ("모델 데이터 수집을 활성화하려면 무엇을 해야 하나요?", "data-collection-setup"),
    ("какие флейворы MLflow разворачиваются без скрипта оценки?", "mlflow-flavors"),
    ("无代码部署时 MLflow 模型缺少 signature 怎么办", "model-signature"),
    ("MLflow 모델에 signature를 어떻게 넣나요?", "model-signature"),
    ("Где смотреть метрики задержки и количества запросов эндпоинта?", "latency-metrics"),
    ("终结点的响应时间和调用量在哪里看？", "latency-metrics"),
    ("엔드포인트 응답 시간 지표로 경고를 만들고 싶어요", "latency-metrics"),
    ("Можно ли масштабировать развертывание в зависимости от нагрузки процессора?", "metric-autoscale"),
    ("在线部署能按照内存使用率自动伸缩吗？", "metric-autoscale"),
    ("메모리 사용률 기준으로 배포 인스턴스를 늘리고 싶어요", "metric-autoscale"),
    ("Какие размеры ВМ поддерживаются для пакетных развертываний?", "supported-sizes"),
    ("托管在线部署支持哪些虚拟机大小？", "supported-sizes"),
    ("온라인 배포에서 지원되는 인스턴스 종류가 뭐예요?", "supported-sizes"),
    ("Какое максимальное количество экземпляров у одного развертывания?", "instance-limits"),
    ("一个部署的实例数上限是多少？", "instance-limits"),
    ("배포 하나의 인스턴스 수 최대값이 얼마인가요?", "instance-limits"),
    ("배포 하나에 인스턴스를 몇 개까지 둘 수 있나요?", "instance-limits"),
    ("До скольких экземпляров можно масштабировать одно развертывание?", "instance-limits"),
    ("一个部署的实例最多能开几个？", "instance-limits"),
    ("Нужно ли расширение Azure ML на кластере Kubernetes для развертываний?", "cluster-extension"),
    ("怎么在 AKS 集群上安装 ML 扩展？", "cluster-extension"),
    ("AKS 클러스터에 ML 확장을 설치해야 하나요?", "cluster-extension"),
    ("한 엔드포인트에 여러 모델을 올릴 수 있을까요?", "multi-model"),
]


@pytest.mark.parametrize(("text", "subject"), NATIVE_SUBJECTS)
def test_a_native_question_about_a_feature_names_its_subject(text, subject):
    assert subject in subjects_named(normalize(text))


@pytest.mark.parametrize("text", [
    "при включенном сборе данных модели развертывание падает с ошибкой доступа к хранилищу",  # the entry's failure
    "开启模型数据收集以后部署报存储权限错误",
    "모델 데이터 수집 켜면 권한 오류가 나요",
    "автомасштабирование aks не успевает за всплесками запросов",  # AKS's own autoscaler: an entry's cause
    "这个 vm 大小在该区域没有容量",
    "задержка растет, и на графике network bytes видно упор в предел",  # latency seen on a chart: the bandwidth entry's
    "延迟一直在涨，监控上能看到网络字节数到了上限",
    "지연 시간이 늘어나는 게 메트릭에 보여요",
    "Сколько экземпляров можно держать, чтобы не упереться в квоту ядер?",  # the quota entries' question
])
def test_a_native_question_naming_a_feature_in_passing_has_no_new_subject(text):
    new = {"data-collection-setup", "latency-metrics", "metric-autoscale", "supported-sizes", "instance-limits",
           "cluster-extension"}
    assert subjects_named(normalize(text)).isdisjoint(new)


def test_no_entry_covers_the_native_subjects(matcher):
    assert {subject for _, subject in NATIVE_SUBJECTS} <= matcher.index.uncovered_subjects


@pytest.mark.parametrize("query", [
    "Как включить сбор входных и выходных данных для управляемого онлайн-развертывания?",
    "托管在线部署支持哪些 GPU 虚拟机规格？",
    "관리형 온라인 배포의 지연 시간 메트릭은 어디서 보나요?",
])
def test_a_native_question_about_an_uncovered_feature_gets_no_entry(matcher, query):
    assert matcher.match(query).matches == []


def test_a_lone_chinese_crash_verb_reads_as_the_knowledge_word():
    assert set(zh.word_features("老是崩")) >= set(zh.word_features("崩溃"))
    assert zh.word_features("崩溃") == zh.word_features("崩了")
    assert not {"h:老是", "h:总是", "h:一会", "h:会儿"} & feats("容器老是重启，总是过一会儿就退出")


@pytest.mark.parametrize("user_word", ["вытащить", "вытянуть", "стянуть", "спулить", "скачивать"])
def test_russian_verbs_for_pulling_an_image_share_the_knowledge_word(user_word):
    assert ru.word_features(user_word) == ru.word_features("скачать")


def test_developers_words_for_building_an_image_and_downloading_read_as_the_knowledge_words():
    assert zh.word_features("打镜像") == zh.word_features("做镜像") == zh.word_features("构建镜像")
    assert ko.word_features("내려받기") == ko.word_features("다운로드기")


def test_the_encoder_reads_a_chinese_homophone_typo_as_the_word_meant():
    assert zh.mend("批处理终结点说没有有效的部属，登陆以后也一样") == "批处理终结点说没有有效的部署，登录以后也一样"
    assert zh.mend("在线终结点的额度不够") == "在线终结点的额度不够"  # everyday words: the encoder knows them


def test_the_chinese_word_for_the_command_line_reads_as_the_cli():
    assert "w:cli" in zh.word_features("用命令行查看日志")
    assert {"h:查看", "h:日志"} <= set(zh.word_features("用命令行查看日志"))

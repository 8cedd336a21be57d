"""Korean, Chinese and Russian questions, round six: error names spelt as heard in Hangul, more of Chinese input
methods' homophone slips, and the native words of the deployment features and platform parts no entry covers
(`subject_terms`: Application Insights, staged rollouts, schedules, a feature store, spot capacity ...), which
English alone had. Every case is our own wording."""
from __future__ import annotations

import pytest

from app.matching.features import features
from app.matching.languages import ko, zh
from app.matching.lexicon import subjects_named
from app.matching.normalize import normalize


def feats(text: str) -> set[str]:
    return set(features(normalize(text)))


@pytest.mark.parametrize(("heard", "latin"), [
    ("리소스낫레디", "resourcenotready"), ("오퍼레이션캔슬드", "operationcanceled"), ("크래시루프백오프", "crashloopbackoff"),
])
def test_an_error_name_spelt_in_hangul_gives_the_latin_names_feature(heard, latin):
    assert set(ko.word_features(heard)) >= set(feats(latin))


def test_heard_loanwords_read_as_the_knowledges_words():
    assert feats("인터널 오류") >= feats("내부 오류")
    assert feats("작업이 캔슬됐어요") >= {"k:취소"}


@pytest.mark.parametrize(("slip", "meant"), [
    ("步揍", "步骤"), ("排察", "排查"), ("布署", "部署"), ("密匙", "密钥"), ("路劲", "路径"), ("崩馈", "崩溃"), ("终截点", "终结点"),
])
def test_a_chinese_homophone_slip_reads_as_the_word_meant(slip, meant):
    assert feats(slip) == feats(meant)
    assert zh.mend(f"在线{slip}出问题") == f"在线{meant}出问题"


@pytest.mark.parametrize(("query", "expected"), [
    ("온라인 엔드포인트 배포 갱신하다가 오퍼레이션캔슬드 떴는데 왜 그런가요", "error-operationcanceled"),
    ("관리형 배포 컨테이너가 리소스낫레디 상태로 계속 재시작돼요", "err_2200-user-container-has-crashedterminated"),
    ("托管在线布署的容器启动后一直崩馈", "err_2200-user-container-has-crashedterminated"),
])
def test_a_question_with_a_heard_name_or_a_slip_finds_its_entry(matcher, query, expected):
    assert [match.id for match in matcher.match(query).matches][:1] == [expected]


NATIVE_SUBJECTS = [
    ("온라인 엔드포인트 로그를 애플리케이션 인사이트로 보내려면?", "app-insights"),
    ("在线终结点能接入应用程序见解吗？", "app-insights"),
    ("트리톤 서버로 모델을 서빙할 수 있나요?", "triton"),
    ("Можно ли развернуть модель на сервере Тритон без скрипта оценки?", "triton"),
    ("엔드포인트 앞에 프런트 도어를 두고 싶어요", "front-door"),
    ("Как поставить фронт-дор перед онлайн-эндпоинтом?", "front-door"),
    ("블루-그린 방식으로 새 모델을 내보내는 순서가 궁금해요", "staged-rollout"),
    ("新模型想做金丝雀发布，先切一小部分流量", "staged-rollout"),
    ("Как сделать канареечный выпуск новой версии модели?", "staged-rollout"),
    ("배치 엔드포인트를 매일 새벽 일정에 따라 실행하고 싶어요", "schedule"),
    ("批处理终结点能不能每天定时调用？", "schedule"),
    ("Можно ли запускать пакетную конечную точку по расписанию?", "schedule"),
    ("엔드포인트 진단 설정으로 로그를 보내는 법", "monitoring-setup"),
    ("终结点的诊断设置在哪里配？", "monitoring-setup"),
    ("Где включить параметры диагностики для конечной точки?", "monitoring-setup"),
    ("피처 스토어에서 온라인으로 특성을 읽을 수 있나요?", "feature-store"),
    ("特征存储里的特征能在推理时读取吗？", "feature-store"),
    ("Как подключить хранилище признаков к развертыванию?", "feature-store"),
    ("이미지 데이터 라벨링 프로젝트는 어떻게 만드나요?", "data-labeling"),
    ("数据标注项目怎么导出标签？", "data-labeling"),
    ("Как создать проект разметки данных?", "data-labeling"),
    ("서버리스 스파크로 배치 추론을 돌릴 수 있나요?", "spark"),
    ("能用 spark 池做批量评分吗？", "spark"),
    ("Можно ли сделать пакетный скоринг в spark-пуле?", "spark"),
    ("삭제한 엔드포인트를 복구할 수 있나요?", "soft-delete"),
    ("工作区软删除以后还能恢复吗？", "soft-delete"),
    ("Можно ли восстановить случайно удалённую модель?", "soft-delete"),
    ("배포 이미지의 취약점 보고서는 어디서 보나요?", "image-scanning"),
    ("部署镜像有漏洞扫描报告吗？", "image-scanning"),
    ("Где посмотреть уязвимости образа развертывания?", "image-scanning"),
    ("스팟 VM으로 온라인 배포 비용을 줄일 수 있나요?", "spot-capacity"),
    ("批处理能用低优先级虚拟机吗？", "spot-capacity"),
    ("Можно ли использовать спотовые ВМ для пакетного развертывания?", "spot-capacity"),
    ("공유 레지스트리에 올린 모델을 다른 작업 영역에서 배포하려면?", "ml-registry"),
    ("机器学习注册表里的模型怎么部署到别的工作区？", "ml-registry"),
    ("Как развернуть модель из реестра машинного обучения?", "ml-registry"),
    ("엔드포인트에 태그를 달아서 비용을 나누고 싶어요", "resource-tags"),
    ("怎么给终结点添加标记？", "resource-tags"),
    ("Как добавить теги на конечную точку?", "resource-tags"),
]


@pytest.mark.parametrize(("text", "subject"), NATIVE_SUBJECTS)
def test_a_native_question_about_a_platform_part_names_its_subject(text, subject):
    assert subject in subjects_named(normalize(text))


NEW = {"app-insights", "triton", "front-door", "staged-rollout", "schedule", "monitoring-setup", "feature-store",
       "data-labeling", "spark", "soft-delete", "image-scanning", "spot-capacity", "ml-registry", "resource-tags"}


@pytest.mark.parametrize("text", [
    "이미지 태그를 바꿨더니 배포가 이미지를 못 찾아요",  # an image's tag, not an endpoint's
    "트래픽 0%인 green 배포만 따로 호출하고 싶어요",  # one deployment of a traffic split
    "어젯밤 배치 작업이 메모리 부족으로 실패했어요",  # a job that failed at night: not its schedule
    "镜像标记写错了，部署拉不到镜像",
    "容器注册表拒绝访问，部署拉取镜像失败",  # the workspace's container registry, not an ML registry
    "Тег образа в реестре контейнеров неверный, развертывание не может его скачать",
    "пакетное задание ночью упало с ошибкой памяти",
])
def test_a_deployment_failure_in_these_words_names_no_new_subject(text):
    assert subjects_named(normalize(text)).isdisjoint(NEW)

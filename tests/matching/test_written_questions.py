"""Written questions the knowledge does not answer, and written failure reports it does.

A question about a feature of deployments that no entry names (a custom domain, mirrored traffic, what an
endpoint costs: `subject_terms`, checked against the knowledge) is about a subject no entry covers, whatever
setting words it shares with entries (`uncovered_subject`). A question that reports a failure in words wants
its cause, not a how-to (`failure_how_to`), unless it asks where something is. A question whose strong words
are an entry's own is not a neighbour's just because that entry's problem names a VM family or a workspace.
Small talk about the assistant itself is small talk. Every case here is our own wording."""
from __future__ import annotations

import pytest

from app.matching.index import uncovered_subjects as _uncovered_subjects
from app.matching.lexicon import ASKS_WHERE, SMALL_TALK, subjects_named
from app.matching.normalize import normalize


def discounts(match) -> list[str]:
    return [reason["value"] for reason in match.reasons if reason["type"] == "discount"]


@pytest.mark.parametrize(("query", "subject"), [
    ("Could our endpoint answer on api.example.org with our own certificate?", "tls-certificate"),
    ("엔드포인트를 회사 도메인으로 쓸 수 있나요?", "custom-domain"),
    ("如何把 20% 的请求做流量镜像到新部署？", "traffic-mirroring"),
    ("Можно ли пускать к эндпоинту только с IP нашего офиса?", "ip-allow-list"),
    ("will a deployment scale all the way down to zero instances at night", "scale-to-zero"),
    ("배포 인스턴스 수를 0으로 바꾸면 오류가 나요", "scale-to-zero"),
    ("한 달에 엔드포인트 요금이 얼마나 나와요?", "pricing"),
    ("Как переименовать конечную точку после создания?", "rename"),
    ("怎么把终结点复制到另一个工作区？", "migration"),
])
def test_each_language_names_the_features(query, subject):
    assert subject in subjects_named(normalize(query))


@pytest.mark.parametrize("query", [
    "скрипт оценки падает при загрузке модели",     # оценки is no price (цена)
    "batch job log streaming in the studio",         # a log's streaming, not a streamed response
    "we run 10 instances behind the endpoint",       # a count of instances, not zero of them
    "instance_count is 0.5 of what we need",          # a fraction, not zero
    "copy the image from the registry to my laptop",  # copied, but not to another workspace
])
def test_words_that_only_look_like_a_feature_name_none(query):
    assert not subjects_named(normalize(query))


def test_a_feature_the_knowledge_names_is_covered(shipped_entries):
    uncovered = _uncovered_subjects(shipped_entries)
    assert {"custom-domain", "traffic-mirroring", "pricing"} <= uncovered
    entry = {**shipped_entries[0], "aliases": {"en": ["mirror some traffic to a shadow deployment"]}}
    assert "traffic-mirroring" not in _uncovered_subjects([entry])


@pytest.mark.parametrize("query", [
    "Is it possible to front my managed online endpoint with a vanity domain name and an SSL cert?",
    "관리형 온라인 엔드포인트에 회사 도메인과 인증서를 붙일 수 있나요?",
    "在线终结点能不能只允许白名单里的 IP 调用？",
    "Можно ли зеркалировать десятую часть трафика на новое развертывание?",
    "what is the hourly price of a managed online endpoint with one instance?",
])
def test_a_question_about_an_uncovered_feature_gets_no_entry(matcher, query):
    result = matcher.match(query)
    assert not result.matches
    worded = [candidate for candidate in result.candidates
              if any(reason["type"] in ("alias", "title", "fuzzy_text") for reason in candidate.reasons)]
    assert all("uncovered_subject" in discounts(candidate) for candidate in worded)


def test_a_long_paste_that_names_a_feature_in_passing_is_no_such_question(matcher):
    paste = ("Starting up app insights client\n" + "INFO Booting worker with pid: 9\n" * 8
             + "ERROR Worker failed to boot.")
    result = matcher.match(paste)
    assert all("uncovered_subject" not in discounts(candidate) for candidate in result.candidates)


def test_a_reported_status_keeps_its_entry_beside_an_uncovered_feature(matcher):
    result = matcher.match("since we put our own certificate in front of the endpoint every call returns 401")
    assert result.matches and result.matches[0].id == "http-401-unauthorized"
    assert "uncovered_subject" not in discounts(result.matches[0])


@pytest.mark.parametrize(("query", "where"), [
    ("my v1 ACI deploy fails at the stage where the docker image gets built", True),
    ("배치 작업이 실패했는데 로그는 어디서 보나요?", True),
    ("批量作业失败了，哪个文件里有原因？", True),
    ("ACI 배포가 도커 이미지 빌드 단계에서 실패해요", False),
    ("развертывание падает на шаге сборки образа", False),
])
def test_a_question_asking_where_is_told_from_a_failure_report(query, where):
    assert bool(ASKS_WHERE.search(normalize(query))) is where


def test_a_failure_reported_in_words_is_not_answered_by_a_how_to(matcher):
    result = matcher.match("SDK v1 部署到 ACI 时，打包 Docker 镜像的阶段失败了")
    how_tos = [candidate for candidate in result.candidates if matcher.entry(candidate.id)["kind"] == "how-to"]
    assert how_tos and all("failure_how_to" in discounts(candidate) for candidate in how_tos)


def test_asking_where_the_logs_of_a_failure_are_keeps_the_how_to(matcher):
    result = matcher.match("our batch scoring job failed, where can I read its logs?")
    assert result.matches and result.matches[0].id == "get-logs"
    assert "failure_how_to" not in discounts(result.matches[0])


@pytest.mark.parametrize(("query", "entry"), [
    ("requesting 2 instances of Standard_NC6 fails because the subscription has no vCPUs left for that VM family",
     "err_1100-not-enough-quota"),
    ("pulling the image the service built from the workspace registry to my laptop: login, pull, tag, what are"
     " the steps?", "download-the-image"),
])
def test_strong_words_an_entry_says_itself_are_not_a_neighbours(matcher, query, entry):
    result = matcher.match(query)
    assert result.matches and result.matches[0].id == entry
    assert not any(name.startswith("neighbour") for name in discounts(result.matches[0]))


def test_a_neighbours_question_in_the_entries_words_stays_the_neighbours(matcher):
    result = matcher.match("compute cluster has no quota for its VM family, the nodes never start")
    assert not result.matches


@pytest.mark.parametrize("query", [
    "what is your name?", "Are you a bot?", "너는 누구야?", "你叫什么名字？", "Как тебя зовут?",
])
def test_questions_about_the_assistant_are_small_talk(matcher, query):
    assert SMALL_TALK.search(normalize(query))
    assert not matcher.match(query).matches


@pytest.mark.parametrize("query", [
    "Не могу создать workspace: имя уже занято",
    "创建 workspace 的时候提示名称已经被占用",
    "workspace 만들 때 이름이 이미 있다고 나와요",
])
def test_creating_a_workspace_written_in_latin_letters_is_the_neighbour(matcher, query):
    result = matcher.match(query)
    assert not result.matches
    assert result.out_of_scope is not None and result.out_of_scope.id == "workspace-auth"


def test_a_storage_accounts_blob_container_is_no_deployment_container(matcher):
    result = matcher.match("How do I register a blob container as a datastore?")
    assert not result.matches
    assert result.out_of_scope is not None and result.out_of_scope.id == "datastores"

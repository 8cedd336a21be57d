"""A question written in Korean, Chinese or Russian writes its technical terms in Latin letters: one the
knowledge never uses is the question's subject, and no entry covers it (`unknown_term`). In English an unknown
word is as often everyday wording, and typos, error names and reported statuses are no such subject."""
from __future__ import annotations

import pytest

from app.matching.features import tokens
from app.matching.normalize import normalize


def names_unknown_term(matcher, query: str) -> bool:
    words = tokens(normalize(query))
    return matcher._names_unknown_term(query, words, matcher._corrections(words))


def discounts(match) -> list[str]:
    return [reason["value"] for reason in match.reasons if reason["type"] == "discount"]


@pytest.mark.parametrize("query", [
    "온라인 엔드포인트 지표를 Grafana 대시보드에 연결하려면 어떻게 하나요?",
    "能把托管在线终结点接到 Grafana 看板上吗？",
    "Можно ли запускать пакетный эндпоинт по расписанию из Airflow?",
])
def test_an_unknown_latin_term_in_another_script_is_the_subject(matcher, query):
    assert names_unknown_term(matcher, query)
    result = matcher.match(query)
    assert not result.matches
    assert all("unknown_term" in discounts(candidate) for candidate in result.candidates)


@pytest.mark.parametrize("query", [
    "Can I connect my online endpoint metrics to a Grafana dashboard?",  # English: unknown words are common
    "디버그용 컨테이너를 멈추려면 docker stpo 쓰면 되나요",                # two letters swapped: a typo
    "배치 호출하면 MissingInputFolder 에러가 나요",                       # an error name the user quotes
    "배포할 때 conda 환경 빌드가 실패해요",                                # a term the knowledge uses
])
def test_typos_error_names_known_terms_and_english_are_no_unknown_term(matcher, query):
    assert not names_unknown_term(matcher, query)


def test_a_reported_status_keeps_its_entry_beside_an_unknown_term(matcher):
    result = matcher.match("用 Gradio 调用在线终结点返回 401")
    assert result.matches and result.matches[0].id == "http-401-unauthorized"
    assert "unknown_term" not in discounts(result.matches[0])

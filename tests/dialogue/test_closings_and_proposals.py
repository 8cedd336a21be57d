"""Reading a turn (own wording, four languages): closings told in other words, a question announced as off the subject,
a change proposed as a question (not a verdict), an alternative offered in a comparison, "later" inside a question."""
from __future__ import annotations

import pytest

from app.dialogue.turns import TurnKind, read_turn

FAMILY = "managed-online-endpoints"


@pytest.mark.parametrize("text", [
    "알겠습니다, 그럼 지원 케이스 올려볼게요",
    "네네 다음에 또 물어볼게요",
    "好的，有问题再来找你",
    "行，下次再来问",
    "ладно, загляну ещё завтра",
    "ok, catch you later",
])
def test_closings_in_other_words_are_small_talk(text):
    reading = read_turn(text, in_conversation=True, family=FAMILY)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "goodbye"


def test_later_inside_a_question_about_the_logs_is_not_a_goodbye():
    reading = read_turn("where do the lines my score.py prints end up so I can look at them later?", True, FAMILY)
    assert reading.kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "вопрос не по теме: как настроить автоскейлинг compute кластера для обучения?",
    "один вопрос оффтоп — где поменять тариф подписки?",
    "off-topic question: how do I share a notebook with my team?",
])
def test_a_question_announced_as_off_the_subject_is_a_new_topic_not_feedback(text):
    reading = read_turn(text, in_conversation=True, family=FAMILY)
    assert reading.kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    "메모리 큰 인스턴스로 올리면 해결될까요? 아니면 다른 방법이 있나요?",
    "replica 수를 두 배로 잡으면 그것도 오류 나나요?",
    "如果把超时改成 300 秒，能解决吗？还是有别的办法？",
    "если поднять таймаут до 300 секунд, это поможет? или есть другой способ?",
    "if we move the endpoint to another region, will that fix it? or any other option?",
])
def test_a_change_proposed_as_a_question_asks_on_it_is_no_verdict(text):
    reading = read_turn(text, in_conversation=True, family=FAMILY)
    assert reading.kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "재시작해도 안 돼요, 다른 방법 없나요?",
    "tried a bigger instance, still failing, any other option?",
    "还是不行，有别的办法吗？",
])
def test_a_verdict_that_asks_for_another_way_is_still_feedback(text):
    assert read_turn(text, in_conversation=True, family=FAMILY).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "is this the same as the ERR_2101 we saw last week, or a separate issue?",
    "это то же самое, что ERR_2101, или другая проблема?",
])
def test_an_alternative_offered_in_a_comparison_is_not_an_announced_new_topic(text):
    reading = read_turn(text, in_conversation=True, family=FAMILY)
    assert reading.kind is TurnKind.FOLLOW_UP


def test_a_model_named_as_the_subject_of_a_question_is_not_about_the_assistant():
    reading = read_turn("能不能在 Azure ML 上部署一个开源 LLM？", in_conversation=True, family=FAMILY)
    assert reading.kind is not TurnKind.SMALL_TALK
    assert read_turn("你背后是哪个大模型？", in_conversation=True).small_talk == "meta"

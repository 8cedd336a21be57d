"""Openers that only announce a question, offers to paste output, sign-offs and "and another thing" in each
language, and a longer yes-or-no question nothing answers: wording of our own."""
from __future__ import annotations

import pytest

from app.dialogue.policy import resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

FAMILY = "managed-online-endpoints"


def _first(text: str):
    return read_turn(text, in_conversation=False)


def _later(text: str):
    return read_turn(text, in_conversation=True, family=FAMILY)


@pytest.mark.parametrize("text", [
    "hey there, have an endpoint thing, hoping someone can help",
    "evening! hope you could help me out",
    "good morning, got a quick scoring thing for you",
    "안녕하세요, 엔드포인트 관련 질문 하나 드릴게요",
    "안녕하세요! 모델 배포 쪽으로 질문 좀 하려고요",
])
def test_a_greeting_that_only_announces_the_question_is_a_greeting(text):
    reading = _first(text)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "greeting")


@pytest.mark.parametrize("text", [
    "hey, could you go through a traceback if we paste it?",
    "can I paste my logs here?",
    "로그 붙여넣어도 돼요?",
    "我可以贴日志吗",
    "можно сюда скинуть лог?",
    "Здравствуйте! Поможете с развёртыванием моделей?",
])
def test_asking_whether_the_assistant_reads_a_paste_or_helps_with_the_product_is_about_the_assistant(text):
    reading = _first(text)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "meta")


@pytest.mark.parametrize("text", ["where can i read the logs of the scoring container?", "можно логи контейнера посмотреть?"])
def test_asking_for_the_logs_themselves_is_not_about_the_assistant(text):
    assert _later(text).kind is not TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["오늘은 여기까지요", "그럼 일단 여기까지 할게요", "ладно, пойду дальше копать", "ок, будем сами копать"])
def test_stopping_for_now_closes_the_conversation(text):
    assert _later(text).kind is TurnKind.SMALL_TALK


def test_how_far_it_got_is_not_a_sign_off():
    assert _later("여기까지는 잘 되는데 그 다음 단계에서 멈춰요").kind is not TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", [
    "а ещё у второго деплоя readiness probe не проходит",
    "а ещё в логах деплоя вижу предупреждение про устаревший SDK",
    "还有如何把模型从 workspace 下载到本地",
])
def test_another_thing_told_at_the_start_is_a_new_topic(text):
    assert _later(text).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", ["и ещё раз упало с той же ошибкой", "а ещё можно как-то ускорить сборку?", "还有什么办法吗"])
def test_again_or_what_else_is_not_another_topic(text):
    assert _later(text).kind is not TurnKind.NEW_TOPIC


def test_what_was_changed_then_shows_up_nowhere_is_feedback():
    reading = _later("moved everything to the structured logger module, the messages turn up nowhere")
    assert reading.kind is TurnKind.FEEDBACK


KNOWLEDGE = FakeKnowledge({
    "crash": {"id": "crash", "family": FAMILY, "kind": "error-code",
              "content": {"en": {"title": "ERR_2200: user container crashed"}}, "related": [], "commands": []},
})


def test_a_longer_yes_or_no_question_nothing_answers_asks_about_the_entry_shown():
    opened = resolve(_first("ERR_2200 user container crashed"), State(), result(("crash", 100.0)), KNOWLEDGE).state
    reading = _later("is it fine to just redeploy or should the old deployment be removed before that")
    resolution = resolve(reading, opened, result(("crash", 9.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_keeps_crashing_said_with_the_loanword_is_feedback():
    assert _later("메모리 올려서 다시 배포했는데 여전히 계속 크래시 나요").kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["Подскажете по автоскейлингу?", "можете помочь с настройкой probe для managed endpoint?"])
def test_help_asked_with_a_particular_thing_is_not_about_the_assistant(text):
    assert _first(text).kind is not TurnKind.SMALL_TALK

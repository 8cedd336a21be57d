"""Asides about something else failing too, and asking who answers, read before matching."""
from __future__ import annotations

import pytest

from app.dialogue.turns import TurnKind, read_turn


@pytest.mark.parametrize("text", [
    "btw our nightly retraining job is broken too",
    "fyi, the compute instance also refuses to start",
    "참고로 학습 잡도 계속 멈춰요",
    "кстати, вычислительный кластер тоже не стартует",
    "对了，训练任务也卡住了",
])
def test_an_aside_that_something_else_fails_too_is_a_new_topic_not_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    "btw I redeployed it too, still broken",
    "by the way we bumped the SKU as well, same thing",
    "참고로 재배포도 해봤는데 그대로예요",
    "кстати, пересоздание тоже не помогло",
    "另外，重新部署了也不行",
])
def test_an_aside_about_what_was_tried_stays_feedback_on_the_answer(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


def test_an_aside_asked_as_a_question_asks_about_the_topic():
    assert read_turn("btw, do online endpoints have the same limit too?", in_conversation=True).kind \
        is not TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    "hello, am I chatting with actual Microsoft support or is this only a bot?",
    "is a real Azure support engineer answering here?",
])
def test_asking_who_answers_is_meta_small_talk_even_naming_the_product(text):
    reading = read_turn(text, in_conversation=False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "meta"


@pytest.mark.parametrize("text", [
    "is it real-time inference or batch that you recommend?",
    "are you sure the endpoint accepts that payload?",
])
def test_words_like_real_or_sure_do_not_make_a_question_about_the_assistant(text):
    assert read_turn(text, in_conversation=True).kind is not TurnKind.SMALL_TALK


def test_saying_it_does_not_run_in_korean_is_not_thanks():
    reading = read_turn("배치 엔드포인트는 아직 안 돌아가요", in_conversation=True)
    assert reading.kind is not TurnKind.SMALL_TALK


@pytest.mark.parametrize(("text", "lang"), [
    ("could you reply in ko please", "ko"),
    ("write it in cn", "zh"),
    ("switch to ru?", "ru"),
])
def test_a_short_language_code_asked_for_outright_is_a_language_request(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang


def test_a_locale_code_is_not_a_language_request():
    assert read_turn("switch to en-gb formatting in the score script", in_conversation=True).kind \
        is not TurnKind.LANGUAGE


@pytest.mark.parametrize("text", [
    "hi all, could use a hand with our online deployment",
    "안녕하세요, 엔드포인트 관련해서 물어볼 게 좀 있어요",
    "您好，想请教一个关于批处理的问题",
    "добрый день, нужна помощь по батч-эндпоинту",
])
def test_a_greeting_that_announces_a_question_waits_for_it(text):
    reading = read_turn(text, in_conversation=False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "greeting"


def test_a_greeting_with_the_problem_itself_is_the_problem():
    assert read_turn("hey, need help: the endpoint returns 502 on every call", in_conversation=False).kind \
        is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    "the exception text comes back in russian, what does that mean?",
    "로그가 전부 영어로 찍혀요, 정상인가요?",
    "日志输出的全是韩文，正常吗",
    "сообщение об ошибке выводится на корейском, почему?",
])
def test_a_language_told_as_how_output_shows_up_is_not_a_request(text):
    assert read_turn(text, in_conversation=True).kind is not TurnKind.LANGUAGE


@pytest.mark.parametrize(("text", "lang"), [
    ("could you show the steps in russian?", "ru"),
    ("能显示成韩文吗", "ko"),
    ("영어로 보여 주세요", "en"),
])
def test_asking_to_be_shown_in_a_language_is_still_a_request(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang

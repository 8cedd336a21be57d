"""Readings of chat: spellings, greetings that announce a question, "did it, still" and a verdict beside a word
that only looks like a question, in the four languages (own wording)."""
from __future__ import annotations

import pytest

from app.dialogue.turns import TurnKind, read_turn


@pytest.mark.parametrize("text", ["r u a real person?", "hey r you human or a script"])
def test_chat_r_for_are_asks_about_the_assistant(text):
    reading = read_turn(text, in_conversation=False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "meta"


def test_the_letter_r_elsewhere_is_not_read_as_are():
    assert read_turn("my r scoring script fails on startup", in_conversation=True).kind is not TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["안녕하세요, 엔드포인트 관련해서 좀 물어볼게요", "안녕하세요! 배포 건으로 여쭤봐도 될까요?"])
def test_a_korean_greeting_that_announces_a_question_is_still_a_greeting(text):
    reading = read_turn(text, in_conversation=False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "greeting"


@pytest.mark.parametrize("text", ["권한은 미리 다 해놨는데 그래도 같은 에러 나와요", "재시작까지 해뒀는데 그래도 실패해요"])
def test_korean_done_beforehand_and_still_failing_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


def test_korean_cannot_see_the_cause_in_the_logs_and_no_help_is_feedback():
    assert read_turn("로그를 열어봐도 이유가 안 보여요, 별로 도움이 안 됐네요", in_conversation=True).kind is TurnKind.FEEDBACK


def test_korean_asking_to_be_shown_the_logs_stays_a_question():
    reading = read_turn("로그 어디서 보여줘요?", in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.question


@pytest.mark.parametrize("text", ["how can i see what my run() function threw?", "как узнать, что мой score.py выбросил?"])
def test_asking_what_a_named_script_threw_asks_for_the_logs(text):
    assert read_turn(text, in_conversation=True).aspect == "logs"


@pytest.mark.parametrize("text", ["这个到底咋回事", "那现在咋办"])
def test_chinese_chat_shorthand_for_how_asks(text):
    assert read_turn(text, in_conversation=True).question


@pytest.mark.parametrize("text", ["要是换成老的 AKS 服务返回 503 呢", "what if it's the old v1 service giving 503?"])
def test_the_problem_imagined_elsewhere_with_a_status_is_read_on_as_a_follow_up(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["그리고 온라인 배포 쪽은 스케일 아웃이 전혀 안 되고 멈춰 있어요",
                                  "아 그런데 혹시 노트북 커널이 자꾸 죽는 건 왜 그런가요?"])
def test_a_korean_message_opened_with_and_also_that_describes_something_is_a_new_topic(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", ["그리고 로그는 어디서 봐요?", "근데 그거 로컬에서도 재현돼요?"])
def test_a_korean_and_also_with_few_words_or_pointing_back_asks_on(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FOLLOW_UP

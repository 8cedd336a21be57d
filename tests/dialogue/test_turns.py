"""Reading a message as a kind of turn, in each of the four languages."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.dialogue.turns import TurnKind, read_turn

IN_CONVERSATION = [
    # follow-ups that refer back, name an aspect, or switch family
    ("how do I see its logs?", TurnKind.FOLLOW_UP), ("what about batch?", TurnKind.FOLLOW_UP),
    ("same on AKS", TurnKind.FOLLOW_UP), ("the command for that", TurnKind.FOLLOW_UP),
    ("로그는 어디서 봐요?", TurnKind.FOLLOW_UP), ("배치는요?", TurnKind.FOLLOW_UP),
    ("日志在哪里看？", TurnKind.FOLLOW_UP), ("批处理终结点呢？", TurnKind.FOLLOW_UP),
    ("где посмотреть логи?", TurnKind.FOLLOW_UP), ("а для пакетных?", TurnKind.FOLLOW_UP),
    # "that didn't help"
    ("that didn't help, what else can I try?", TurnKind.FEEDBACK), ("still failing", TurnKind.FEEDBACK),
    ("도움이 안 됐어요", TurnKind.FEEDBACK), ("还是不行", TurnKind.FEEDBACK), ("не помогло", TurnKind.FEEDBACK),
    # language requests
    ("and in Korean please", TurnKind.LANGUAGE), ("한국어로 보여주세요", TurnKind.LANGUAGE),
    ("用中文", TurnKind.LANGUAGE), ("по-русски", TurnKind.LANGUAGE),
    # small talk
    ("thanks!", TurnKind.SMALL_TALK), ("감사합니다", TurnKind.SMALL_TALK), ("谢谢", TurnKind.SMALL_TALK),
    ("спасибо", TurnKind.SMALL_TALK), ("are you a bot?", TurnKind.SMALL_TALK),
    # a paste with its own evidence is a new topic, whatever else it says
    ("now I get ERR_1100 not enough quota", TurnKind.NEW_TOPIC),
    ("still failing: HTTP/1.1 429 Too Many Requests", TurnKind.NEW_TOPIC),
    ("Traceback (most recent call last):\n  File score.py\nValueError: bad input", TurnKind.NEW_TOPIC),
]


@pytest.mark.parametrize(("text", "kind"), IN_CONVERSATION)
def test_a_message_in_a_conversation_is_read_as_a_person_would(text, kind):
    assert read_turn(text, in_conversation=True).kind is kind


def test_a_short_question_with_nothing_to_refer_to_is_a_new_topic():
    assert read_turn("how do I see its logs?", in_conversation=False).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize(("text", "small_talk"), [
    ("hello", "greeting"), ("안녕하세요", "greeting"), ("你好", "greeting"), ("привет", "greeting"),
    ("who are you?", "meta"), ("넌 뭐 할 수 있어?", "meta"), ("你是机器人吗？", "meta"), ("ты бот?", "meta"),
    ("tell me a joke", "off_topic"), ("오늘 날씨 어때요?", "off_topic"), ("今天天气怎么样", "off_topic"),
    ("расскажи анекдот", "off_topic"), ("bye", "goodbye"),
])
def test_small_talk_is_told_apart(text, small_talk):
    reading = read_turn(text, in_conversation=False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk


def test_thanks_with_a_question_about_the_deployment_is_not_small_talk():
    assert read_turn("thanks, but how do I see the container logs?", True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize(("text", "lang"), [
    ("in Korean please", "ko"), ("can you show it in Russian?", "ru"), ("영어로", "en"), ("用英文", "en"),
    ("по-китайски", "zh"), ("中文", "zh"),
])
def test_the_language_asked_for(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang


def test_a_question_that_also_asks_for_a_language_is_answered_in_it():
    reading = read_turn("what does ERR_1100 mean? in Korean please", in_conversation=True)
    assert reading.kind is TurnKind.NEW_TOPIC and reading.target_lang == "ko"


def test_a_long_complaint_is_a_description_not_a_verdict():
    text = ("it doesn't work: the deployment was fine yesterday but since this morning every request to the "
            "endpoint takes forever and then the client gives up without any message at all")
    assert read_turn(text, in_conversation=True).kind is not TurnKind.FEEDBACK


@given(st.text(max_size=400), st.booleans())
def test_any_text_gets_exactly_one_kind(text, in_conversation):
    reading = read_turn(text, in_conversation)
    assert reading.kind in TurnKind
    assert (reading.small_talk is not None) == (reading.kind is TurnKind.SMALL_TALK)


@pytest.mark.parametrize(("text", "lang"), [("Korean, please?", "ko"), ("中文", "zh"), ("на китайском", "zh"),
                                            ("러시아어?", "ru")])
def test_a_language_named_alone_is_a_request(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang


def test_a_language_mentioned_in_a_description_is_not_a_request():
    reading = read_turn("our Korean customers see timeouts when they call the endpoint", in_conversation=True)
    assert reading.kind is not TurnKind.LANGUAGE and reading.target_lang is None


@pytest.mark.parametrize("text", ["I increased it but the container still restarts", "권한을 설정했는데 계속 실패해요",
                                  "我按步骤改了，但是还是失败", "поменял SKU, но ошибка та же"])
def test_having_tried_the_steps_without_success_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["my endpoint keeps crashing after deploy", "배포가 계속 실패합니다",
                                  "部署还是失败了", "развертывание всё ещё падает"])
def test_a_complaint_with_nothing_answered_yet_is_a_new_topic(text):
    assert read_turn(text, in_conversation=False).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", ["nah, that's not it", "the error persists", "I did that already", "irrelevant",
                                  "효과가 없네요", "지웠는데도 안 돼요", "答非所问", "你说的那个设置根本没有",
                                  "бесполезно", "перезапускаю, а ошибка не уходит"])
def test_that_did_not_help_in_other_words(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


def test_naming_another_product_asks_about_it_there_rather_than_complaining():
    reading = read_turn("does the same thing happen on batch endpoints?", True, family="managed-online-endpoints")
    assert reading.kind is TurnKind.FOLLOW_UP and "batch-endpoints" in reading.families


@pytest.mark.parametrize(("text", "lang"), [
    ("I'd rather read it in Russian", "ru"), ("switch to Korean please, my manager wants to read it", "ko"),
    ("영문으로 부탁해요", "en"), ("切换成俄文", "ru"), ("английская версия есть?", "en"), ("переключись на английский", "en"),
])
def test_a_language_asked_for_in_a_short_message_of_any_wording(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang


@pytest.mark.parametrize(("text", "small_talk"), [
    ("thanks, the endpoint works now", "thanks"), ("배포 잘 되네요 감사합니다", "thanks"), ("部署成功了，谢谢", "thanks"),
    ("спасибо, эндпоинт заработал", "thanks"), ("谢啦", "thanks"), ("你都能做什么？", "meta"),
    ("понятно. а ты вообще что умеешь?", "meta"), ("算了，明天再看", "goodbye"), ("see ya", "goodbye"),
])
def test_closing_words_and_questions_about_the_assistant_in_other_words(text, small_talk):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk


def test_a_question_about_a_status_in_a_conversation_is_read_as_asking_on():
    reading = read_turn("is that the same as the HTTP 500 I get when scoring?", in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.tentative and reading.strong
    assert read_turn("now the call returns 401 Unauthorized", in_conversation=True).kind is TurnKind.NEW_TOPIC

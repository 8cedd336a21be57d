"""Reading a message as a kind of turn, in each of the four languages."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.dialogue import turns
from app.dialogue.cues import CUES
from app.dialogue.turns import TurnKind, folded, read_turn

IN_CONVERSATION = [
    # follow-ups that refer back, name an aspect, or switch family
    ("how do I see its logs?", TurnKind.FOLLOW_UP), ("what about batch?", TurnKind.FOLLOW_UP),
    ("same on AKS", TurnKind.FOLLOW_UP), ("the command for that", TurnKind.FOLLOW_UP),
    ("로그 어디서 확인해요?", TurnKind.FOLLOW_UP), ("배치는요?", TurnKind.FOLLOW_UP),
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
    assert reading.kind is TurnKind.FOLLOW_UP and reading.tentative and reading.strong and reading.target_lang == "ko"
    # the code's own match decides, in the policy, whether it continues the conversation
    assert read_turn("what does ERR_1100 mean? in Korean please", in_conversation=False).kind is TurnKind.NEW_TOPIC


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
    ("ясно. а что ты вообще можешь?", "meta"), ("算了，明天再看", "goodbye"), ("see ya", "goodbye"),
])
def test_closing_words_and_questions_about_the_assistant_in_other_words(text, small_talk):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk


def test_a_question_about_a_status_in_a_conversation_is_read_as_asking_on():
    reading = read_turn("is that the same as the HTTP 500 I get when scoring?", in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.tentative and reading.strong
    assert read_turn("now the call returns 401 Unauthorized", in_conversation=True).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    # outcomes in other words, no "help" or "work" in them
    "that did nothing", "hmm, that wasn't it", "the fix didn't take", "redeployed, exact same failure",
    "did that, zero difference", "problem remains", "unfortunately it's the same", "I already followed those steps",
    "nope", "meh, no change at all",
    "변한 게 없어요", "재시작해도 마찬가지예요", "이미 확인했어요", "증상이 똑같습니다", "그래도 안 돼요", "말씀하신 대로 했는데 안 돼요",
    "没有任何变化", "还是老样子", "这招不灵", "重启了还是挂", "照着做了，依然如此", "早就检查过了",
    "так же", "то же самое", "не-а", "увы, нет", "так и не заработало", "пробовал уже, результат тот же",
    "сделал как написано, а толку ноль", "поставил лимит побольше, а таймаут никуда не делся",
])
def test_a_verdict_on_the_answer_in_any_wording_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "I already deployed it, how do I call the endpoint?", "已经部署好了，怎么调用终结点？", "уже развернул, как теперь вызвать эндпоинт?",
    "is it the same for the v1 SDK?", "then where do I set the timeout?",
])
def test_having_done_something_and_asking_on_is_a_follow_up_not_feedback(text):
    assert read_turn(text, in_conversation=True, family="managed-online-endpoints").kind is TurnKind.FOLLOW_UP


def test_a_description_that_says_it_is_about_something_else_is_a_new_topic_not_feedback():
    text = "separate issue: the nightly job runs fine but still writes an empty predictions file every time"
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC
    assert read_turn("no, that's not it, I asked about another problem", in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "okay cool", "sweet", "howdy", "much obliged", "nice, all green now", "yay it works", "🎉", "🙏🙏",
    "is this AI?", "who built this?", "what kinds of errors can you help with?", "am I talking to a human?",
    "ㄳ", "ㅋㅋ", "넵 알겠습니다", "잘 가요", "무엇을 물어볼 수 있나요?", "ㅎㅇ", "챗봇인가요?",
    "好的，明白", "哈哈", "辛苦了", "你都能回答什么问题", "早", "你用的是哪个大模型",
    "здрасте", "спс", "с чем можешь помочь?", "ура, работает", "хаха", "ты нейросеть?", "доброй ночи",
])
def test_greetings_thanks_and_questions_about_the_assistant_in_other_words_are_small_talk(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize(("text", "lang"), [
    ("translate to Chinese", "zh"), ("again in english", "en"), ("russian pls", "ru"),
    ("중국어로 바꿔 주실래요", "zh"), ("러시아어 버전도 있어요?", "ru"), ("영어로요", "en"),
    ("翻译成俄语", "ru"), ("能用韩语说吗", "ko"), ("英语的版本呢", "en"),
    ("переведи на корейский", "ko"), ("можно это по-английски?", "en"), ("китайская версия есть?", "zh"),
])
def test_language_requests_in_each_language_spelling(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("in Korean please: my endpoint returns 401 Unauthorized", "ko"), ("영어로 알려줘요, 배포하면 컨테이너가 계속 죽어요", "en"),
    ("по-английски: деплой падает с ошибкой квоты", "en"),
])
def test_a_language_request_that_also_brings_a_problem_is_that_problem_answered_in_it(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is not TurnKind.LANGUAGE and reading.target_lang == lang


@pytest.mark.parametrize("text", [
    "which setting controls that?", "what's the max payload then", "how do I avoid it next time?",
    "어떤 권한이 필요해요?", "타임아웃은 어디서 바꿔요?", "需要什么权限？", "怎么避免？", "какие права нужны?", "где увеличить лимит?",
])
def test_asking_for_a_detail_of_the_problem_refers_back_to_it(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and not reading.tentative and reading.aspect == "detail"


def test_local_in_a_longer_question_sets_the_scene_rather_than_asking_for_a_local_run():
    assert read_turn("can I run it locally?", in_conversation=True).aspect == "local"
    text = "once the service is up on my laptop, how do I change score.py without building a new image?"
    assert read_turn(text, in_conversation=True).aspect != "local"


@pytest.mark.parametrize("text", [
    "there's nothing in the logs", "no such option in my deployment yaml", "it's not a network problem, we have no vnet",
    "로그에 아무것도 없어요", "포털에서 그 설정을 못 찾겠어요", "日志里什么都没有", "我们没用私有网络，不可能是这个",
    "в логах пусто", "не могу найти это в портале", "у нас нет приватной сети, так что дело не в этом",
])
def test_saying_the_answer_does_not_apply_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["haven't tried that yet", "not yet, let me try", "아직 안 해봤어요, 해볼게요",
                                  "还没试，我先试试", "ещё не пробовал, сейчас попробую", "no worries, works again now"])
def test_not_having_tried_yet_or_good_news_is_no_verdict_on_the_answer(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["tell me more", "in simple words?", "then what?", "좀 더 자세히요", "详细说说", "расскажи подробнее"])
def test_asking_for_more_of_the_answer_refers_back_to_it(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and not reading.tentative and reading.aspect == "more"


@pytest.mark.parametrize(("text", "small_talk"), [
    ("can you help me with batch endpoints?", "meta"), ("do you cover the v1 SDK too?", "meta"),
    ("배치 엔드포인트도 도와줄 수 있어?", "meta"), ("ты умеешь в пакетные эндпоинты?", "meta"),
    ("thanks, the batch job finished fine now", "thanks"), ("谢谢，批处理作业跑通了", "thanks"),
    ("спасибо, пакетное задание отработало", "thanks"),
])
def test_small_talk_that_names_a_product_without_asking_about_it(text, small_talk):
    reading = read_turn(text, in_conversation=True, family="managed-online-endpoints")
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk


@pytest.mark.parametrize("text", ["thanks, and what about batch?", "спасибо, а для пакетных?", "谢谢，批处理呢？"])
def test_thanks_that_asks_about_another_product_asks_on(text):
    assert read_turn(text, in_conversation=True, family="managed-online-endpoints").kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["any alternatives?", "다른 해결책은요?", "有其他方案吗", "其他原因呢", "какие ещё могут быть причины?",
                                  "есть другие идеи?"])
def test_asking_for_another_fix_or_cause_is_a_verdict_on_the_one_shown(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize(("text", "aspect"), [
    ("where can I read the docker build log?", "build_logs"), ("이미지 빌드 로그는 어디 있어요?", "build_logs"),
    ("镜像构建的日志去哪看", "build_logs"), ("где смотреть лог сборки образа?", "build_logs"),
    ("how do I write my own log lines from score.py?", "write_logs"), ("init 안에서 로그 남기려면?", "write_logs"),
    ("我想在脚本里加日志", "write_logs"), ("как писать в лог из скрипта?", "write_logs"),
    ("which log file shows the stack trace?", "log_structure"), ("로그 폴더 구조가 어떻게 돼요?", "log_structure"),
    ("日志目录是怎么组织的", "log_structure"), ("как устроены журналы задания?", "log_structure"),
    ("and its logs?", "logs"), ("日志呢", "logs"),
])
def test_which_logs_a_follow_up_asks_about_is_told_apart(text, aspect):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == aspect


@pytest.mark.parametrize("text", ["그럼 잘 돌아가요", "아 그건 지원 안 하는구나", "그렇군요"])
def test_korean_acknowledgements_ending_like_questions_are_small_talk(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["이제 배포가 다음 단계로 넘어가요", "가끔 502 에러도 나요"])
def test_korean_statements_ending_in_ga_yo_or_na_yo_after_a_space_are_not_asked(text):
    assert not read_turn(text, in_conversation=True).question


@pytest.mark.parametrize("text", ["이건 정상인가요", "503도 같은 원인인 건가요"])
def test_korean_questions_ending_in_n_ga_yo_still_ask(text):
    assert read_turn(text, in_conversation=True).question


@pytest.mark.parametrize("text", [
    "there are no such files in my output", "none of those folders exist for me", "I don't have any of those tabs",
    "get_logs returns an empty string", "그런 폴더가 아예 없어요", "결과가 비어 있어요", "这些目录根本不存在",
    "返回的是空", "в папке нет ни одного такого файла", "get_logs() выдаёт пустую строку",
])
def test_saying_what_the_answer_points_at_is_not_there_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["the second try crashed too", "두 번째도 실패했어요", "第二次也失败了", "второй раз тоже упал"])
def test_another_attempt_failing_too_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "the endpoint name already exists but I deleted it yesterday, the batch endpoint create keeps failing",
    "уже существует эндпоинт с таким именем, хотя я его удалял",
])
def test_already_exists_is_an_error_being_described_not_a_verdict(text):
    assert read_turn(text, in_conversation=True, family="managed-online-endpoints").kind is not TurnKind.FEEDBACK


@pytest.mark.parametrize(("text", "small_talk"), [
    ("@bot hey", "greeting"), ("<@U024BE7LH> thanks!", "thanks"), ("@assistant привет", "greeting"),
    ("hold on, is a real human reading this?", "meta"), ("человек отвечает или бот?", "meta"),
    ("是人工在回复吗", "meta"), ("실제 사람이랑 얘기하는 건가요?", "meta"),
    ("you saved me hours", "thanks"), ("得嘞", "thanks"), ("妥了", "thanks"), ("спасли, спасибо", "thanks"),
    ("how's your weekend going?", "off_topic"), ("what is 12*7", "off_topic"),
    ("oops, wrong window", "goodbye"), ("발 잘못 보냈어요 무시해 주세요", "goodbye"), ("发错了", "goodbye"), ("забей, не туда написал", "goodbye"),
    ("大佬牛逼", "thanks"), ("다들 잘 자요", "goodbye"),
])
def test_small_talk_addressed_to_a_bot_or_in_other_words(text, small_talk):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk


def test_a_log_line_alone_is_a_paste_not_small_talk():
    reading = read_turn("2026-11-29 08:15:02,114 | INFO | Worker exiting (pid: 7)", in_conversation=True)
    assert reading.kind is TurnKind.NEW_TOPIC and reading.strong


def test_a_code_with_a_verdict_on_the_answer_is_feedback_but_with_a_question_it_asks():
    assert read_turn("I redeployed, only production still returns 502, so it didn't really help",
                     in_conversation=True).kind is TurnKind.FEEDBACK
    assert read_turn("is the 502 on AKS the same thing?", in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize(("text", "name"), [
    ("and the liveness one?", "liveness"), ("what about the readiness probe one", "readiness probe"),
    ("liveness probe 쪽은요?", "liveness probe"), ("那个 liveness 的呢", "liveness"),
    ("а тот, что про liveness probe?", "liveness probe"),
])
def test_something_named_by_its_words_is_a_follow_up_with_that_name(text, name):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.named == name


@pytest.mark.parametrize("text", ["the second one", "the other one", "the same one"])
def test_a_position_or_pronoun_is_no_name(text):
    assert read_turn(text, in_conversation=True).named is None


@pytest.mark.parametrize(("text", "aspect"), [
    ("what should I put in the environment file for that", "detail"), ("port?", None), ("포트는 뭐예요?", "detail"),
    ("resource 要填什么", "detail"), ("какой порт?", "detail"), ("порт какой нужен?", "detail"),
    ("чё делать-то", "fix"), ("is it a network problem or a quota one?", "cause"), ("是网络问题还是配额问题？", "cause"),
    ("could I simply raise the request timeout?", "fix"), ("그냥 재시작만 하면 되나요?", "fix"), ("能不能直接重建？", "fix"),
    ("можно просто пересоздать?", "fix"),
])

def test_short_questions_about_the_problem_shown(text, aspect):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == aspect


def test_thanks_followed_by_a_new_question_is_the_question():
    assert read_turn("thanks! one more question: how would I scale it out to 3 instances?", True).kind \
        is not TurnKind.SMALL_TALK
    assert read_turn("thanks, how come it only happens at night though?", True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["ERR_1100 not enough quota on the endpoint", "Deployment failed: not enough cores"])
def test_an_error_that_says_not_enough_is_a_paste_not_a_claim_of_enough(text):
    """"Enough quota" says the answer's cause is ruled out; the error's own "not enough quota" does not."""
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.NEW_TOPIC and not reading.feedback_cue


@pytest.mark.parametrize("text", [
    "설정 값 올리고 재배포했는데 결과가 여전해요", "옵션 꺼 봤는데 자꾸 죽네요", "아무 차이 없네요", "별 효과 없었어요",
    "이미지 다시 올렸는데도 계속 403임", "ещё раз пересобрал, всё те же грабли", "эффекта никакого",
    "статус прежний", "ошибка не исчезает", "换了个实例类型 还是一样", "重新装了依赖，结果又超时",
])
def test_an_unchanged_outcome_after_trying_the_answer_is_feedback(text):
    """Tried it, and nothing changed: said with any verb and the user's own words between."""
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["여기는 무슨 서비스죠?", "а вы что такое вообще?", "чем вы можете мне помочь?"])
def test_asking_what_the_assistant_is_or_does_in_other_word_orders_is_meta(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "meta"


@pytest.mark.parametrize("text", ["재시도 횟수 옵션 이름이 뭐예요?", "как указать другое имя папки?"])
def test_a_name_or_another_value_of_a_setting_asks_on_rather_than_chatting_or_changing_topic(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["그럼 어떤 노드 사이즈가 맞아요?", "配置里该写哪个字段"])
def test_which_field_or_size_is_a_detail_of_the_problem(text):
    assert read_turn(text, in_conversation=True).aspect == "detail"


def test_a_short_question_about_another_product_refers_back_to_the_topic():
    reading = read_turn("SDK v1 的 AKS 部署是怎样", True, "managed-online-endpoints")
    assert reading.kind is TurnKind.FOLLOW_UP and not reading.tentative


@pytest.mark.parametrize(("text", "small_talk"), [
    ("혹시 질문 좀 드려도 될까요?", "meta"), ("수고 많으셨습니다", "goodbye"), ("всем привет!", "greeting"),
    ("а вы вообще кто?", "meta"), ("с кем я сейчас разговариваю?", "meta"), ("вы живой?", "meta"),
])
def test_korean_and_russian_small_talk_in_other_words(text, small_talk):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk


def test_asking_whether_one_may_do_something_is_not_a_complaint():
    assert read_turn("이 설정은 그냥 꺼도 되나요?", in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["is 502 the same thing?", "배치도 마찬가지인가요?", "а 500 — это то же самое?",
                                  "webservice 上也一样吗？"])
def test_asking_whether_something_named_is_the_same_asks_on_rather_than_complaining(text):
    assert read_turn(text, True, family="managed-online-endpoints").kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["exactly the same 500", "всё то же самое", "재배포했는데도 똑같아요"])
def test_saying_it_is_still_the_same_stays_feedback(text):
    assert read_turn(text, True, family="batch-endpoints").kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["fine, I'll figure it out myself", "알겠어요, 나머지는 제가 해볼게요",
                                  "好吧，我自己再排查一下", "ладно, дальше сам", "cool, that saves me hours",
                                  "ah ok, not your department", "行 88"])
def test_taking_it_from_here_is_small_talk(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", ["so you only handle deployments?", "你只负责部署吗", "ты только про деплой?",
                                  "what could you help me with?"])
def test_remarks_on_what_the_assistant_covers_are_about_the_assistant(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "meta"


@pytest.mark.parametrize("text", ["runs fine locally but crashes once deployed", "로컬에서는 잘 되는데 배포하면 죽어요",
                                  "本地能跑，但是部署上去就挂", "локально работает, а в облаке нет"])
def test_working_in_one_place_and_not_the_other_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["메모리 늘렸는데도 503 나와요", "replicas 加到 3 了，还是 503"])
def test_a_code_after_saying_the_step_was_done_is_an_outcome(text):
    assert read_turn(text, in_conversation=True).feedback_cue


@pytest.mark.parametrize(("text", "aspect"), [
    ("how do I remove the local service?", None), ("как удалить локальный сервис?", None),
    ("can I try it on my laptop first?", "local"), ("본 로컬에서 먼저 돌려볼 수 있나요?", "local"),
    ("it takes 20 min per deploy, any faster way to try things?", None),
    ("how do I check whether the node pool has enough GPUs?", "detail"),
    ("노드가 충분한지 어떻게 확인해요?", "detail"), ("怎么确认是不是内存不够", "detail"),
    ("как проверить, хватает ли памяти?", "detail"), ("那需要哪种配额", "detail"), ("무슨 role 줘야 해요?", "detail"),
])
def test_what_a_follow_up_asks_about(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


def test_the_attached_kubernetes_cluster_of_an_online_endpoint_is_not_the_old_web_service():
    reading = read_turn("how do I see if the attached AKS has room for this instance type?", True,
                        family="managed-online-endpoints")
    assert "managed-online-endpoints" in reading.families


def test_a_managed_identity_names_no_product_family():
    assert not read_turn("which role does the managed identity need?", True).families


@pytest.mark.parametrize("text", ["now a 404 on a different endpoint", "다른 엔드포인트에서는 401이 나요",
                                  "另一个终结点报 404", "на другом эндпоинте 404"])
def test_a_problem_on_another_resource_is_a_new_topic(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC


def test_having_done_a_step_and_seeing_the_same_does_not_name_a_switch_of_product():
    reading = read_turn("conda 파일에 azureml-core 추가했는데도 똑같아요", True, family="batch-endpoints")
    assert reading.kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["that one is about v1, we're on v2", "v1 기준이네요, 저는 v2 씁니다",
                                  "这是 v1 的做法，我们用 v2", "это для v1, у нас v2", "the role is assigned, redeployed twice, nothing",
                                  "권한은 이미 줬어요", "副本数调到 4 也还是 503"])
def test_the_answer_not_applying_or_not_taking_in_other_words_is_feedback(text):
    assert read_turn(text, in_conversation=True).feedback_cue


def test_it_working_outright_is_thanks():
    reading = read_turn("great, worked like a charm", in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "thanks"


def _cue_patterns(value: object) -> list[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [pattern for item in value for pattern in _cue_patterns(item)]
    return []


def test_cues_are_written_in_folded_letters_as_the_messages_they_read():
    """The cue patterns are case-sensitive (messages are case-folded first), so a capital letter in
    one would never match: "Didn't HELP" must still read as feedback."""
    patterns = [p for name in CUES.__dataclass_fields__ for p in _cue_patterns(getattr(CUES, name))]
    assert patterns
    for pattern in patterns:
        letters = re.sub(r"\\U[0-9A-Fa-f]{8}|\\u[0-9A-Fa-f]{4}|\\[A-Za-z]|\(\?P<\w+>", "", pattern.pattern)
        assert not any(c.isalpha() and c != c.casefold() for c in letters), pattern.pattern[:80]
    assert read_turn("That DIDN'T HELP, Still Failing", in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize(("text", "lang"), [
    ("in russain please", "ru"), ("englsh pls", "en"), ("koreann please", "ko"), ("answer me in chineese", "zh"),
    ("ru pls", "ru"), ("eng?", "en"), ("по руски", "ru"), ("러시아말로", "ru"), ("韩国话", "ko"), ("普通话", "zh"),
])
def test_a_language_asked_for_with_a_typo_or_its_short_name_is_a_language_request(text, lang):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.LANGUAGE and reading.target_lang == lang


@pytest.mark.parametrize("text", ["the engine keeps restarting", "change the rules of the endpoint"])
def test_a_word_that_merely_looks_like_a_language_name_is_no_request(text):
    assert read_turn(text, in_conversation=True).kind is not TurnKind.LANGUAGE


@pytest.mark.parametrize("text", [
    "already gave it AcrPull", "we bumped the request timeout", "the role is assigned already", "restarted it, same",
    "квоту увеличили", "роль AcrPull выдали", "AcrPull 줬어요", "쿼터 늘렸어요", "配额已经加了", "超时调到90秒了",
])
def test_saying_what_one_already_did_is_feedback_on_the_answer(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "restarted it and it works now", "I set up a new endpoint", "ok I added the role, how long until it applies?",
])
def test_what_one_did_is_no_verdict_when_it_worked_sets_up_something_new_or_asks_on(text):
    assert read_turn(text, in_conversation=True).kind is not TurnKind.FEEDBACK


def test_what_one_did_is_no_feedback_before_anything_was_answered():
    assert read_turn("already gave it AcrPull", in_conversation=False).kind is not TurnKind.FEEDBACK


@pytest.mark.parametrize(("text", "polar"), [
    ("is it per region?", True), ("can I raise it above 180s?", True), ("리전별인가요?", True), ("能超过180秒吗", True),
    ("а больше можно?", True), ("how do I stop it?", False), ("and if the response is too big instead?", False),
    ("어떻게 해요?", False), ("为什么会这样", False), ("а как это исправить?", False),
])
def test_a_yes_or_no_question_is_told_from_one_asking_what_or_how(text, polar):
    assert read_turn(text, in_conversation=True).polar is polar


@pytest.mark.parametrize("text", ["can i get the answer in korean? the command too", "명령어도 영어로", "命令也用英文"])
def test_asking_for_the_answer_and_its_command_in_another_language_is_a_language_request(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.LANGUAGE


def test_an_it_works_now_in_clipped_korean_is_small_talk():
    assert read_turn("해결됨", in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize("text", [
    "one more: the batch job sits in Queued for an hour", "и ещё: джоб опять висит в очереди",
    "ещё вопрос: пайплайн снова завис", "还有一个：作业一直排队不动", "그리고 하나 더: 파이프라인이 계속 대기 중이에요",
    "и ещё один эндпоинт падает с тем же кодом",
])
def test_a_new_topic_announced_at_the_start_is_no_feedback_whatever_it_says_failed(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    "isn't that the same as the pending requests limit?", "а это не то же самое, что лимит на очередь запросов?",
    "这和排队请求过多是一回事吗？", "대기 요청 초과랑 같은 문제인가요?",
])
def test_asking_whether_the_problem_is_the_same_as_another_named_one_is_a_question_not_a_verdict(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "kubectl 로그인 했는데 이미지 pull 하면 denied 나요", "엔드포인트를 새로 만들었는데 트래픽이 안 넘어가요",
    "环境变量改好了，还是 file not found", "容器起来了，但是端口一直连不上", "日志里没看到任何报错",
])
def test_saying_what_was_done_and_that_it_still_fails_is_feedback_in_korean_and_chinese(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["그냥 재배포하면 안 돼요?", "인스턴스를 바꾸면 안 되나요", "直接换个区域不行吗？"])
def test_proposing_something_untried_as_a_question_is_no_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", ["lol ok you're really useful", "ты реально полезный", "这个助手挺好用", "봇이 꽤 쓸만하네요",
                                  "금요일이라 일찍 퇴근하고 싶다", "周末终于要来了"])
def test_compliments_and_chatter_about_the_working_day_are_small_talk(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize(("text", "aspect"), [
    ("where can i find the stack trace?", "logs"), ("где смотреть стектрейс?", "logs"), ("堆栈在哪看", "logs"),
    ("스택 트레이스는 어디서 봐요?", "logs"),
    ("what module do I add to the env file for that?", "detail"), ("환경 변수 이름이 뭐예요?", "detail"),
    ("is there a way to check whether we hit the cap?", "detail"), ("если опять, кому писать?", "detail"),
    ("一直这样的话找谁？", "detail"), ("계속 그러면 어디에 문의해요?", "detail"),
    ("how can we debug the very same image on a laptop before pushing it again?", "local"),
    ("как отладить этот же образ локально, не выкладывая его снова?", "local"),
    ("怎么在本地把同一个镜像跑起来再调试", "local"),
])
def test_what_a_follow_up_asks_about_is_read_in_each_language(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


@pytest.mark.parametrize("text", ["it runs fine locally, why does the deployed one crash?", "score.py 在本地跑一点问题都没有，为什么部署到线上以后就一直失败？"])
def test_saying_it_runs_locally_sets_the_scene_and_asks_for_no_local_run(text):
    assert read_turn(text, in_conversation=True).aspect != "local"


def test_a_question_asked_after_a_clause_is_a_question():
    assert read_turn("after I change the env do we have to rebuild the image", in_conversation=True).question


@pytest.mark.parametrize("text", ["更新完了，可是接下来怎么测试？", "已经部署好了，但是在哪里看调用地址？", "会不会是密钥配错了？",
                                  "권한 설정이 잘못된 건가요?", "может, роль не та?"])
def test_a_question_after_news_or_proposing_a_cause_is_no_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "重新拿了 token，依然 forbidden", "重启两次了，又 502", "restarted twice, 502 again", "перезапустил, опять 503",
    "재시작했는데 또 503", "测试环境正常，生产却报错", "в докере локально всё работает, а после деплоя падает",
    "스테이징에서는 잘 되는데 운영에서는 에러가 나요",
])
def test_the_same_failure_again_or_only_in_one_place_is_feedback(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["不相关：批处理作业一直排队怎么办", "не по теме: как удалить старую веб-службу?",
                                  "별개로: 배치 엔드포인트 삭제는 어떻게 해요?"])
def test_a_topic_announced_as_unrelated_is_new_though_unrelated_is_also_a_verdict(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", ["hey! quick question about batch", "你好，问个问题", "привет, есть вопрос по эндпоинту",
                                  "안녕하세요, 질문 하나 드려도 될까요?", "아 지원 안 되는구나 알겠어요", "всё, ухожу на обед",
                                  "gotta run"])
def test_a_greeting_announcing_a_question_and_taking_leave_are_small_talk(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.SMALL_TALK


@pytest.mark.parametrize(("text", "aspect"), [
    ("where can I see why the container died?", "logs"), ("在哪里能看到具体报错", "logs"),
    ("где посмотреть, почему оно упало?", "logs"), ("왜 죽었는지 어디서 확인해요?", "logs"),
    ("could we debug the same image on a laptop first, before the next deploy?", "local"),
    ("怎么确认现在用的是哪个订阅", "detail"),
])
def test_where_to_see_why_it_failed_is_the_logs_and_a_local_run_asked_as_can_i(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


def test_a_symptom_asked_as_the_same_problem_is_a_question_an_outcome_asked_so_is_feedback():
    assert read_turn("the scoring output is completely blank, is that the same issue?", True).kind is TurnKind.FOLLOW_UP
    assert read_turn("redeployed with the new role, same error?", True).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["nope, still broken. thanks anyway", "안 되네요 ㅠ 그래도 감사합니다",
                                  "还是不行，不过还是谢谢", "не помогло, но всё равно спасибо"])
def test_thanks_said_although_nothing_helped_closes_rather_than_complains(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "thanks"


@pytest.mark.parametrize("text", ["hi, do you have a minute?", "잠깐 시간 돼요?", "现在有空吗", "ты занят?"])
def test_asking_whether_the_assistant_is_free_is_a_greeting(text):
    reading = read_turn(text, in_conversation=False)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "greeting"


@pytest.mark.parametrize("text", ["you reply really fast", "답변이 생각보다 빠르네요", "你回复得挺及时", "бот отвечает быстро"])
def test_praise_of_the_replies_is_thanks(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "thanks"


def test_a_suspected_cause_naming_another_subscription_is_no_new_topic():
    reading = read_turn("the key vault sits in a different subscription, could that be why?", in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and not reading.tentative


@pytest.mark.parametrize("text", ["how can we get the quota bumped?", "할당량 늘리려면 어떻게 해요?", "怎么提高这个配额",
                                  "как поднять лимит?", "где в конфиге указывается таймаут?", "要开哪些 permission"])
def test_getting_a_limit_raised_or_where_a_setting_goes_is_a_detail(text):
    assert read_turn(text, in_conversation=True).aspect == "detail"


@pytest.mark.parametrize(("text", "aspect"), [("как сделать хранилище видимым для сервиса?", "fix"),
                                              ("это баг в моём коде или на стороне сервиса?", "cause"),
                                              ("报错信息应该去哪里查", "logs"), ("build 的日志在哪", "build_logs"),
                                              ("내 노트북에서 그대로 돌려볼 수 있는 방법 있어요?", "local")])
def test_aspects_in_other_word_orders(text, aspect):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == aspect


@pytest.mark.parametrize("text", ["sorted that out, now the image push is refused", "그건 해결됐는데 이번엔 배포가 멈춰요",
                                  "那个解决了，现在推理很慢", "это починили, теперь другая беда с квотой"])
def test_the_first_problem_solved_and_a_new_one_told_is_a_new_topic(text):
    assert read_turn(text, in_conversation=True).kind is TurnKind.NEW_TOPIC


def test_solved_and_working_now_is_still_thanks():
    assert read_turn("fixed it, now it works", in_conversation=True).kind is TurnKind.SMALL_TALK


def test_a_question_for_the_traceback_is_not_a_paste():
    reading = read_turn("where can I find the traceback for the failed run?", in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == "logs" and not reading.strong
    # the matcher reads it as a question too ("traceback" and "failed" before a question mark are no output)
    assert not read_turn("where can I find the traceback for the failed run?", in_conversation=False).strong


def test_a_short_question_naming_a_code_is_judged_by_its_match_in_a_conversation():
    reading = read_turn("and on v2, is it ERR_2100 too?", in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.tentative and reading.strong


def test_the_same_outcome_after_what_was_tried_is_feedback():
    assert read_turn("regenerated the keys and redeployed, same refusal", in_conversation=True).kind is TurnKind.FEEDBACK


def test_a_package_names_no_product_family():
    assert read_turn("do I just add azureml-core to the conda file?", in_conversation=True).families == frozenset()


@pytest.mark.parametrize(("typed", "read"), [
    ("whats the quota", "what's the quota"), ("it doesnt start", "it doesn't start"), ("i cant see it", "i can't see it"),
    ("wont deploy", "won't deploy"), ("thats odd", "that's odd"),
    # words of their own stay as typed
    ("its logs", "its logs"), ("were you able", "were you able"), ("cans and dons", "cans and dons"),
])
def test_contractions_typed_without_an_apostrophe_are_read_with_one(typed, read):
    assert folded(typed) == read


@given(st.text(alphabet=st.sampled_from(list("adehinostw '?.-")), max_size=60))
def test_reading_contractions_only_ever_adds_apostrophes(text):
    read = folded(text)
    assert read.replace("'", "") == folded_as_typed(text).replace("'", "")
    assert len(read) - len(folded_as_typed(text)) == read.count("'") - folded_as_typed(text).count("'")


def folded_as_typed(text: str) -> str:
    """`folded` without the contractions read (the pattern swapped for one that never matches)."""
    kept = turns._BARE_CONTRACTION
    turns._BARE_CONTRACTION = re.compile(r"(?!)(.)(.)")
    try:
        return folded(text)
    finally:
        turns._BARE_CONTRACTION = kept


@pytest.mark.parametrize("text", [
    "whats the exact limit on that?", "where do we bump the limit?", "what --timeout should the call use?",
    "what role do we need on the vault?",
])
def test_a_detail_asked_in_chat_spelling_or_of_an_option_refers_back_to_the_card(text):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == "detail"


@pytest.mark.parametrize("text", ["what else should I try?", "what steps should I follow?"])
def test_asking_what_else_to_try_is_no_detail(text):
    assert read_turn(text, in_conversation=True).aspect != "detail"


@pytest.mark.parametrize("text", [
    "模型注册成功了，但是一调用评分接口就报错", "the deploy succeeded, but every call crashes the service",
    "배포는 성공했는데 요청 보내면 컨테이너가 죽어요",
])
def test_a_success_followed_by_a_failure_is_a_problem_not_thanks(text):
    for in_conversation in (False, True):
        assert read_turn(text, in_conversation=in_conversation).kind is not TurnKind.SMALL_TALK


@pytest.mark.parametrize(("text", "small_talk"), [
    ("nice, appreciated", "thanks"), ("ok 빠이", "goodbye"), ("네 바이", "goodbye"),
])
def test_short_acknowledgements_and_leave_takings_in_more_spellings(text, small_talk):
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == small_talk

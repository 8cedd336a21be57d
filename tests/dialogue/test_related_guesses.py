"""Follow-ups that turn to an entry related to the card (a suspected cause its words match surely, the best guess of a
short question), and the cue words that tell a detail, writing logs, an opener of another matter or a cause still to
find out, on a small knowledge of its own (own wording)."""
from __future__ import annotations

import pytest

from app.dialogue.policy import context_query
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.matching.matcher import Match, MatchResult
from app.matching.neighbours import TOPICS
from tests.dialogue.policy_fakes import ONLINE, FakeKnowledge, answer, first_answered, make_entry
from tests.dialogue.policy_fakes import ranked_result as result

ENTRIES = {entry["id"]: entry for entry in (
    make_entry("image-pull", "error-code", "ERR_1200: unable to download the user container image"),
    make_entry("registry-denied", "symptom", "Container registry authorization error", ("image-pull",)),
    make_entry("no-build-compute", "symptom", "Image build compute not set in a private workspace"),
    make_entry("body-too-big", "http-status", "HTTP 413: payload too large", ("reply-too-big",)),
    make_entry("reply-too-big", "http-status", "HTTP 424: response payload too large"),
    make_entry("slow-start", "symptom", "Container takes long to become ready"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def shown(first: str) -> State:
    return first_answered(first, KNOWLEDGE)


def _answer(text: str, state: State, matched) -> tuple[TurnKind, str | None]:
    return answer(text, state, matched, KNOWLEDGE)


SUSPECT = "we pull from a registry in a peered vnet behind a firewall, could that be the reason?"


def test_a_suspected_cause_its_words_match_surely_is_answered_by_the_conversations_entry_about_it():
    state = shown("image-pull")
    reading = read_turn(SUSPECT, True, state.family)
    assert reading.aspect == "cause" and context_query(SUSPECT, reading, state, KNOWLEDGE) is not None
    assert _answer(SUSPECT, state, result(("registry-denied", 62.0), ("no-build-compute", 41.0), ("image-pull", 30.0))) \
        == (TurnKind.FOLLOW_UP, "registry-denied")


def test_a_suspected_cause_whose_sure_match_lies_outside_the_conversation_keeps_the_card():
    state = shown("image-pull")
    assert _answer(SUSPECT, state, result(("no-build-compute", 64.0), ("image-pull", 30.0))) \
        == (TurnKind.FOLLOW_UP, "image-pull")


def test_a_short_yes_no_question_whose_best_guess_is_the_related_entry_gets_it():
    """Nothing matches surely, but the related entry leads all guesses: the question turns to it."""
    state = shown("body-too-big")
    assert _answer("can an oversized reply body break this too?", state,
                   result(("reply-too-big", 41.0), ("slow-start", 33.0), ("body-too-big", 25.0))) \
        == (TurnKind.FOLLOW_UP, "reply-too-big")


def test_a_short_yes_no_question_whose_best_guess_is_a_stranger_keeps_the_card():
    state = shown("body-too-big")
    assert _answer("can an oversized reply body break this too?", state,
                   result(("slow-start", 45.0), ("reply-too-big", 40.0), ("body-too-big", 25.0))) \
        == (TurnKind.FOLLOW_UP, "body-too-big")


@pytest.mark.parametrize(("text", "aspect"), [
    ("could I send the current batch number to the log?", "write_logs"),
    ("which knobs should we tweak first?", "detail"),
    ("헤더 이름은 뭘로 적어야 하나요?", "detail"),
    ("有办法看到请求是否被限流吗", "detail"),
])
def test_the_aspect_asked_in_these_words(text, aspect):
    assert read_turn(text, in_conversation=True).aspect == aspect


@pytest.mark.parametrize("text", [
    "还有，注册模型的时候总报名称冲突的错误",
    "对了 部署的时候怎么指定自己的基础镜像",
    "또 다른 모델은 응답이 엄청 느려요",
])
def test_an_opener_of_another_matter_starts_a_new_topic(text):
    assert read_turn(text, True, ONLINE).kind is TurnKind.NEW_TOPIC


def test_an_opener_before_a_pronoun_for_the_problem_asks_on():
    assert read_turn("对了 这个在本地也会出现吗", True, ONLINE).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "로그 보관 기간을 줄여놨는데 그 때문일까요?",
    "스테이징에서도 똑같은 오류가 뜨는지 보고 싶어요",
])
def test_a_cause_or_a_check_still_to_find_out_is_no_verdict(text):
    assert read_turn(text, True, ONLINE).kind is TurnKind.FOLLOW_UP


def test_a_told_outcome_after_a_deed_is_still_a_verdict():
    assert read_turn("설정 바꿔놨는데 여전히 같은 오류예요", True, ONLINE).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "переименовал деплоймент, как теперь вызвать его без ключа",
    "а потом как удалить старые версии модели",
])
def test_a_russian_question_after_a_clause_or_an_opener_is_asked(text):
    reading = read_turn(text, True, ONLINE)
    assert reading.question and reading.kind is TurnKind.FOLLOW_UP


def test_a_russian_or_something_else_offers_an_alternative_not_another_matter():
    assert read_turn("какой SKU взять, DS4 или что-нибудь другое", True, ONLINE).kind is TurnKind.FOLLOW_UP


def test_going_off_to_write_to_support_closes_the_conversation():
    reading = read_turn("ясно, иду в техподдержку жаловаться", True, ONLINE)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "goodbye")


def test_asking_which_model_the_assistant_runs_on_is_about_the_assistant():
    reading = read_turn("你是基于什么模型的?", True, ONLINE)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "meta")


def test_a_chinese_question_offering_two_alternatives_is_closed_like_yes_or_no():
    assert read_turn("重试的时候是自动退避还是马上重发?", True, ONLINE).polar


def test_a_long_named_setting_asked_of_that_is_a_detail():
    assert read_turn("what online deployment yaml setting controls that?", True, ONLINE).aspect == "detail"


def test_a_detail_asked_of_that_naming_a_neighbouring_area_is_the_cards_detail():
    """Nothing here answers it and the matcher places its words in a neighbouring area: it still asks about the card."""
    state = shown("no-build-compute")
    topic = next(topic for topic in TOPICS if topic.id == "compute-instance")
    guesses = [Match("slow-start", 20.0, [{"type": "alias"}])]
    matched = MatchResult(matches=[], query_lang="en", codes=[], http_statuses=[], ambiguous=False, truncated=False,
                          out_of_scope=topic, candidates=guesses)
    assert _answer("what compute instance option would change this behaviour?", state, matched) == (TurnKind.FOLLOW_UP, "no-build-compute")


@pytest.mark.parametrize("text", ["контейнер падает, когда приходит большой запрос", "сделал, как написано в доке, всё равно 403"])
def test_a_russian_conjunction_after_a_comma_asks_nothing(text):
    assert not read_turn(text, True, ONLINE).question

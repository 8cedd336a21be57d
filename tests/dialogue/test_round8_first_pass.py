"""Eighth round, first pass, own wording in four languages: thanks said as "that's what I wanted", a question announced
in chat shorthand ("different q:") or another code reported after "also" opens a topic; whether a limit is
configurable, where to look, the container's own output and what went on inside are aspects of the card shown, a
traceback that is only told is not a question for the logs; Korean "if I change X" asks for no fix; Chinese "still
cancelled" is feedback, an error told after input was passed is a topic of its own, "is this related?" offers a cause;
a cause suspected in a few words stays with the card however well its words match another product; asking whether
the assistant understands the language it already answers in is a question about it; and a question about something
no entry covers (a price) is said to be uncovered, not answered with the card."""
from __future__ import annotations

import pytest

from app.dialogue.policy import Show, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.matching.lexicon import subjects_named
from app.matching.normalize import normalize
from tests.dialogue.policy_fakes import FakeKnowledge, first_answered, make_entry, ranked_result

ONLINE = "managed-online-endpoints"
BATCH = "batch-endpoints"


@pytest.mark.parametrize("text", ["great, that's what I wanted", "nice, that is just what I was looking for"])
def test_that_is_what_i_needed_is_thanks(text: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "thanks"


@pytest.mark.parametrize("text", [
    "different q: how do I rotate the storage keys of the workspace?",
    "another q - can a pipeline run on a schedule every night?",
    "also ERR_1102 no more role assignments on the second workspace, same reason?",
    "also got 401 unauthorized from the scoring uri after the key rotation",
])
def test_a_question_announced_in_shorthand_or_another_code_after_also_is_a_new_topic(text: str) -> None:
    assert read_turn(text, True, ONLINE).kind is TurnKind.NEW_TOPIC


def test_also_without_a_code_still_reads_on() -> None:
    assert read_turn("also the browser sometimes times out", True, ONLINE).kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text, aspect", [
    ("is that timeout adjustable somewhere?", "detail"),
    ("is this limit configurable?", "detail"),
    ("where should I look in my scoring file?", "detail"),
    ("init 함수에서 어디를 봐야 돼요?", "detail"),
    ("score.py 里该看哪里？", "detail"),
    ("куда смотреть в score.py?", "detail"),
    ("and the pod's own output, which call prints it?", "logs"),
    ("where can I see what was going on inside the container?", "logs"),
    ("а где посмотреть, что в контейнере творилось?", "logs"),
    ("怎么看构建出错的完整日志？", "build_logs"),
])
def test_what_a_follow_up_asks_of_the_card(text: str, aspect: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == aspect


@pytest.mark.parametrize("text", [
    "the traceback says it dies while loading the weights, what usually goes wrong there?",
    "traceback points at my init, what tends to break in it?",
])
def test_a_traceback_only_told_asks_for_the_cause_not_the_logs(text: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == "cause"


@pytest.mark.parametrize("text", ["config 고치면 이미지를 다시 빌드해야 돼요?", "환경 파일 고치면 처음부터 다시 해야 하나요?"])
def test_korean_if_i_change_it_asks_for_no_fix(text: str) -> None:
    assert read_turn(text, True, ONLINE).aspect != "fix"


@pytest.mark.parametrize("text", ["어떻게 고치면 돼요?", "뭘 고치면 되나요?"])
def test_korean_how_to_fix_it_still_asks_for_the_fix(text: str) -> None:
    assert read_turn(text, True, ONLINE).aspect == "fix"


@pytest.mark.parametrize("text", ["重启了一遍，还是被终止", "等了十分钟再试，依然被取消"])
def test_chinese_still_cancelled_is_feedback(text: str) -> None:
    assert read_turn(text, True, ONLINE).kind is TurnKind.FEEDBACK


def test_chinese_error_told_after_the_input_was_passed_is_a_new_topic() -> None:
    assert read_turn("调用之后又报 BadArgument，参数缺失", True, BATCH).kind is TurnKind.NEW_TOPIC


def test_chinese_is_this_related_offers_a_cause() -> None:
    reading = read_turn("注册表放在另一个订阅里，这个有关系吗？", True, ONLINE)
    assert reading.kind is TurnKind.FOLLOW_UP


ENTRIES = {entry["id"]: entry for entry in (
    make_entry("batch-endpoint-missing", "error-code", "Batch endpoint resource not found", family=BATCH),
    make_entry("model-artifacts-download", "error-code", "Unable to download the model artifacts"),
    make_entry("too-many-requests", "http-status", "HTTP 429: too many pending requests"),
)}


def test_a_cause_suspected_in_a_few_words_stays_with_the_card_despite_another_products_match() -> None:
    knowledge = FakeKnowledge(ENTRIES)
    state = first_answered("batch-endpoint-missing", knowledge)
    matched = ranked_result(("model-artifacts-download", 85.0), ("too-many-requests", 30.0))
    resolution = resolve(read_turn("может, я не в том регионе смотрю?", True, state.family), state, matched, knowledge)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "batch-endpoint-missing"


def _answered_in(lang: str) -> tuple[State, FakeKnowledge]:
    knowledge = FakeKnowledge(ENTRIES)
    state = first_answered("too-many-requests", knowledge)
    return state.with_(lang=lang), knowledge


@pytest.mark.parametrize("text", ["ты вообще понимаешь по-русски?", "вы нормально говорите по-русски?"])
def test_asking_whether_the_assistant_understands_the_language_it_answers_in_is_meta(text: str) -> None:
    state, knowledge = _answered_in("ru")
    resolution = resolve(read_turn(text, True, state.family), state, None, knowledge)
    assert resolution.turn is TurnKind.SMALL_TALK and resolution.small_talk == "meta" and not resolution.matches


def test_asking_for_another_language_is_still_a_request() -> None:
    state, knowledge = _answered_in("en")
    resolution = resolve(read_turn("ты понимаешь по-русски?", True, state.family), state, None, knowledge)
    assert resolution.turn is TurnKind.LANGUAGE and resolution.lang == "ru"


class _IndexedKnowledge(FakeKnowledge):
    """A knowledge that leaves some deployment features to no entry, as the matcher's index does."""

    def __init__(self, entries: dict, uncovered: frozenset[str]):
        super().__init__(entries)
        self.uncovered = uncovered

    def names_uncovered_subject(self, text: str) -> bool:
        return not subjects_named(normalize(text)).isdisjoint(self.uncovered)


@pytest.mark.parametrize("text", [
    "how much would two replicas of it cost per month?",
    "сколько стоит держать его включённым круглые сутки?",
    "一直开着的话费用大概多少？",
])
def test_a_question_about_something_no_entry_covers_is_said_to_be_uncovered(text: str) -> None:
    knowledge = _IndexedKnowledge(ENTRIES, frozenset({"pricing"}))
    state = first_answered("too-many-requests", knowledge)
    matched = ranked_result(("too-many-requests", 30.0), ("model-artifacts-download", 20.0))
    resolution = resolve(read_turn(text, True, state.family), state, matched, knowledge)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.show == Show.NO_MATCH
    assert resolution.state.topic == "too-many-requests"


def test_a_detail_of_the_card_keeps_it_when_its_subject_is_covered() -> None:
    knowledge = _IndexedKnowledge(ENTRIES, frozenset({"pricing"}))
    state = first_answered("too-many-requests", knowledge)
    matched = ranked_result(("too-many-requests", 30.0), ("model-artifacts-download", 20.0))
    resolution = resolve(read_turn("how many requests can it queue at most?", True, state.family), state, matched,
                         knowledge)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "too-many-requests"

"""Second pass on conversation readings (own wording): the next error told after a change in Chinese, an unchanged
outcome told as feedback, pointer words that point nowhere back, and a long question of its own naming a neighbouring
area while only a weak guess of the card shown answers it."""
from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace

import pytest

from app.dialogue.policy import Show, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, _points_back, folded, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

BATCH = "batch-endpoints"
CODE_REASON = [{"type": "code"}]


def _entry(entry_id: str, title: str, related: tuple[str, ...] = ()) -> dict:
    return {"id": entry_id, "family": BATCH, "kind": "symptom", "content": {"en": {"title": title}},
            "related": list(related), "commands": []}


ENTRIES = {entry["id"]: entry for entry in (
    _entry("mount-failed", "The input could not be mounted", ("input-missing",)),
    _entry("input-missing", "The job input has no value"),
    _entry("quota-hit", "Endpoint quota reached"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def opened(first: str) -> State:
    reading = read_turn("first message about the problem", in_conversation=False)
    return resolve(reading, State(), result((first, 100.0), reasons=CODE_REASON), KNOWLEDGE).state


def _resolved(text: str, state: State, matched):
    return resolve(read_turn(text, True, state.family), state, matched, KNOWLEDGE)


@pytest.mark.parametrize("text", [
    "调整了输入路径以后又报 InputValueMissing，任务没跑起来",
    "加了权限之后又提示 QuotaExceeded",
])
def test_a_change_then_an_error_in_its_own_words_is_the_next_failure(text):
    resolution = _resolved(text, opened("mount-failed"), result(("input-missing", 90.0), reasons=CODE_REASON))
    assert (resolution.turn, resolution.matches[0].id) == (TurnKind.NEW_TOPIC, "input-missing")


def test_a_change_then_the_card_shown_again_is_still_feedback():
    resolution = _resolved("改了路径以后又报 MountFailure", opened("mount-failed"),
                           result(("mount-failed", 90.0), reasons=CODE_REASON))
    assert resolution.turn is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["改完以后又报同样的错", "重启以后又报错了，还是那个"])
def test_the_same_error_again_after_a_change_is_feedback(text):
    assert read_turn(text, True, BATCH).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "added print calls everywhere, but not one of the lines turns up in the output",
    "bumped the replica count to six, the pods remain pending",
    "granted the contributor role as well, the exact same failure",
    "换了 audience 以后依然被拒",
])
def test_an_unchanged_outcome_after_a_change_is_feedback(text):
    assert read_turn(text, True, BATCH).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "how can i get an alert when the bill crosses a limit this quarter?",
    "how do i register a model that wraps an onnx file from my laptop?",
])
def test_relative_that_and_a_time_of_this_point_nowhere_back(text):
    assert not _points_back(folded(text))


@pytest.mark.parametrize("text", ["does that apply to the cluster as well?", "is this the same error as before?",
                                  "so that comes from the registry?"])
def test_pointer_words_still_point_back(text):
    assert _points_back(folded(text))


NEIGHBOUR = SimpleNamespace(id="training-jobs", strong=re.compile(r"sweep job"))


def _weak_guess_naming_a_neighbour():
    return replace(result(("mount-failed", 28.0), ("quota-hit", 20.0)), out_of_scope=NEIGHBOUR)


def test_a_long_question_of_its_own_naming_a_neighbouring_area_is_not_the_card_guessed():
    resolution = _resolved("how do I configure a sweep job to stop the poorly performing trials early on?",
                           opened("mount-failed"), _weak_guess_naming_a_neighbour())
    assert (resolution.turn, resolution.show) == (TurnKind.NEW_TOPIC, Show.NO_MATCH)


def test_a_yes_or_no_question_naming_a_neighbouring_area_stays_with_the_card():
    resolution = _resolved("is a role on the storage account needed for the sweep job identity?",
                           opened("mount-failed"), _weak_guess_naming_a_neighbour())
    assert resolution.turn is TurnKind.FOLLOW_UP
    assert resolution.matches[0].id == "mount-failed"


@pytest.mark.parametrize("text", ["아 이 서비스에서는 지원하지 않는 기능이군요 네 감사합니다",
                                  "오 여기서는 학습 쪽은 안 다루는군요, 알겠습니다"])
def test_taking_in_a_longer_sentence_of_news_is_small_talk(text):
    assert read_turn(text, True, BATCH).kind is TurnKind.SMALL_TALK


def test_a_yes_or_no_question_is_answered_by_the_card_in_a_near_tie():
    state = opened("mount-failed")
    matched = result(("quota-hit", 80.0), ("mount-failed", 77.0))
    resolution = _resolved("does the job identity need a reader role on the storage account for this?", state, matched)
    assert (resolution.turn, resolution.matches[0].id) == (TurnKind.FOLLOW_UP, "mount-failed")


def test_a_question_asking_how_is_answered_by_its_best_match_in_a_near_tie():
    state = opened("mount-failed")
    matched = result(("input-missing", 80.0), ("mount-failed", 77.0))
    resolution = _resolved("how should the input value be passed when invoking the job then?", state, matched)
    assert resolution.matches[0].id == "input-missing"


@pytest.mark.parametrize("text", ["а можно как-то уменьшить образ, чтобы он собирался быстрее?",
                                  "где-нибудь это настраивается?"])
def test_russian_indefinite_pronouns_leave_a_yes_or_no_question(text):
    assert read_turn(text, True, BATCH).polar


@pytest.mark.parametrize("text", ["а как это починить?", "что это значит?"])
def test_russian_question_words_still_ask_for_more_than_yes_or_no(text):
    assert not read_turn(text, True, BATCH).polar

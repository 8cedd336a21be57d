"""Messages told or asked while working through an answer: still failing after a change stays feedback on the card;
a question opened as the next one of the talk about a code of the conversation's product continues it; Japanese
thanks and goodbyes are small talk (own wording)."""
from __future__ import annotations

import pytest

from app.dialogue.policy import resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, answer, make_entry
from tests.dialogue.policy_fakes import ranked_result as result

ONLINE = "managed-online-endpoints"
CODE_REASON = [{"type": "code"}]


ENTRIES = {entry["id"]: entry for entry in (
    make_entry("network-not-ready", "symptom", "Managed network not ready", ("build-compute-missing",)),
    make_entry("build-compute-missing", "symptom", "Image build compute not set in a private workspace"),
    make_entry("container-logs", "how-to", "Get container logs", ("model-download",)),
    make_entry("model-download", "error-code", "Unable to download the user model"),
    make_entry("disk-full", "error-code", "Not enough space on the disk"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def opened(first: str, *runners_up: str) -> State:
    reading = read_turn("first message about the problem", in_conversation=False)
    ranked = [(first, 100.0), *((runner_up, 60.0) for runner_up in runners_up)]
    return resolve(reading, State(), result(*ranked, reasons=CODE_REASON), KNOWLEDGE).state


def _answer(text: str, state: State, matched) -> tuple[TurnKind, str | None]:
    return answer(text, state, matched, KNOWLEDGE)


def test_the_same_failure_after_a_fix_is_still_feedback():
    matched = result(("build-compute-missing", 70.0), ("network-not-ready", 65.0), reasons=CODE_REASON)
    assert _answer("fixed the network settings, now it still fails the same way", opened("network-not-ready"),
                   matched)[0] is TurnKind.FEEDBACK


ENTRIES.update({entry["id"]: entry for entry in (
    make_entry("service-unavailable", "http-status", "HTTP 503: service unavailable"),
    make_entry("arm-not-found", "error-code", "ResourceNotFound: the resource manager cannot find a resource"),
)})


@pytest.mark.parametrize("text", [
    "then when exactly does a 503 show up, under heavy load?",
    "그럼 503 은 보통 어떤 상황에서 나요?",
    "那 503 一般是什么情况下出现？",
    "а 503 в каких случаях обычно возвращается?",
])
def test_a_question_asked_on_about_a_status_of_the_product_continues_the_conversation(text):
    matched = result(("service-unavailable", 90.0), reasons=[{"type": "status"}])
    assert _answer(text, opened("disk-full"), matched) == (TurnKind.FOLLOW_UP, "service-unavailable")


def test_a_question_asked_on_about_a_code_of_the_product_is_answered_by_that_code():
    matched = result(("arm-not-found", 88.0), reasons=CODE_REASON)
    assert _answer("and what is the ResourceNotFound about then, why would the resource manager miss a resource?", opened("disk-full"), matched) \
        == (TurnKind.FOLLOW_UP, "arm-not-found")


def test_a_status_told_without_asking_opens_a_topic_of_its_own():
    matched = result(("service-unavailable", 90.0), reasons=[{"type": "status"}])
    assert _answer("and now every call gets HTTP 503 back", opened("disk-full"), matched)[0] is TurnKind.NEW_TOPIC


def test_still_failing_after_a_change_is_feedback_when_the_card_is_among_its_matches():
    state = opened("disk-full")
    matched = result(("model-download", 70.0), ("disk-full", 64.0), reasons=CODE_REASON)
    reading = read_turn("moved the model to a bigger disk and redeployed, still not enough space on the disk", True,
                        state.family)
    assert resolve(reading, state, matched, KNOWLEDGE).turn is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["さようなら", "ありがとう！", "お疲れ様でした"])
def test_japanese_leave_takings_and_thanks_are_small_talk(text):
    assert read_turn(text, True, ONLINE).kind is TurnKind.SMALL_TALK

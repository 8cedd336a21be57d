"""The next failure told as what came after getting past the one answered ("got past that, now ..."): right after the
opening answer, when its own match is an entry the card lists as related, the conversation goes on to it (a follow-up);
once the topic has been talked over, announced as something else, or unrelated, a topic of its own (own wording)."""
from __future__ import annotations

import pytest

from app.dialogue.cues import CUES
from app.dialogue.policy import resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, folded, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

ONLINE = "managed-online-endpoints"
CODE_REASON = [{"type": "code"}]


def _entry(entry_id: str, kind: str, title: str, related: tuple[str, ...] = ()) -> dict:
    return {"id": entry_id, "family": ONLINE, "kind": kind, "content": {"en": {"title": title}},
            "related": list(related), "commands": []}


ENTRIES = {entry["id"]: entry for entry in (
    _entry("network-not-ready", "symptom", "Managed network not ready", ("build-compute-missing",)),
    _entry("build-compute-missing", "symptom", "Image build compute not set in a private workspace"),
    _entry("container-logs", "how-to", "Get container logs", ("model-download",)),
    _entry("model-download", "error-code", "Unable to download the user model"),
    _entry("disk-full", "error-code", "Not enough space on the disk"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def opened(first: str, *runners_up: str) -> State:
    reading = read_turn("first message about the problem", in_conversation=False)
    ranked = [(first, 100.0), *((runner_up, 60.0) for runner_up in runners_up)]
    return resolve(reading, State(), result(*ranked, reasons=CODE_REASON), KNOWLEDGE).state


def _answer(text: str, state: State, matched) -> tuple[TurnKind, str | None]:
    reading = read_turn(text, True, state.family)
    resolution = resolve(reading, state, matched, KNOWLEDGE)
    return resolution.turn, resolution.matches[0].id if resolution.matches else None


BUILD_COMPUTE = result(("build-compute-missing", 92.0), reasons=CODE_REASON)


@pytest.mark.parametrize("text", [
    "got past that one, now the deployment complains that no build compute is configured",
    "the vnet is provisioned now, but the build errors out about the missing build compute",
    "그건 해결했는데 이제 빌드 컴퓨트가 설정되지 않았다는 오류가 나요",
    "那个解决了，现在提示没有设置 build compute",
    "сеть починил, теперь пишет что не задан build compute",
])
def test_the_next_failure_right_after_the_first_answer_goes_on_with_the_conversation(text):
    assert _answer(text, opened("network-not-ready"), BUILD_COMPUTE) == (TurnKind.FOLLOW_UP, "build-compute-missing")


def test_what_the_log_shown_revealed_goes_on_with_the_conversation():
    state = opened("container-logs")
    matched = result(("model-download", 95.0), reasons=CODE_REASON)
    assert _answer("그 로그 보니까 모델 다운로드 단계에서 ERR_1300 이 찍혀 있네요", state, matched) \
        == (TurnKind.FOLLOW_UP, "model-download")


def test_after_a_follow_up_the_next_failure_opens_a_topic_of_its_own():
    state = opened("network-not-ready", "disk-full")
    reading = read_turn("how long does the provisioning usually take?", True, state.family)
    state = resolve(reading, state, result(("network-not-ready", 60.0)), KNOWLEDGE).state
    assert _answer("got past that, now the deployment complains that no build compute is configured", state,
                   BUILD_COMPUTE)[0] is TurnKind.NEW_TOPIC


def test_a_next_failure_unrelated_to_the_card_opens_a_topic_of_its_own():
    matched = result(("disk-full", 95.0), reasons=CODE_REASON)
    assert _answer("fixed that, now it fails with not enough space on the disk", opened("network-not-ready"), matched) \
        == (TurnKind.NEW_TOPIC, "disk-full")


def test_something_else_announced_opens_a_topic_of_its_own():
    assert _answer("fixed that, now something else: the build compute is not configured", opened("network-not-ready"),
                   BUILD_COMPUTE)[0] is TurnKind.NEW_TOPIC


def test_the_same_failure_after_a_fix_is_still_feedback():
    matched = result(("build-compute-missing", 70.0), ("network-not-ready", 65.0), reasons=CODE_REASON)
    assert _answer("fixed the network settings, now it still fails the same way", opened("network-not-ready"),
                   matched)[0] is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["how do I fix that now?", "now the endpoint returns 404", "이제 퇴근해야겠다"])
def test_a_bare_now_is_no_progress_cue(text):
    assert not CUES.progressed.search(folded(text))


ENTRIES.update({entry["id"]: entry for entry in (
    _entry("service-unavailable", "http-status", "HTTP 503: service unavailable"),
    _entry("arm-not-found", "error-code", "ResourceNotFound: the resource manager cannot find a resource"),
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

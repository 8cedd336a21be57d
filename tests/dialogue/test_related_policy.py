"""Follow-ups: which related entry a follow-up gets (a relation holds both ways, a detail of "that", the command
or the cause asked of another entry of the conversation), on a small knowledge of its own (own wording)."""
from __future__ import annotations

from app.dialogue.policy import context_query, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

ENTRIES = {
    "throttled": {"id": "throttled", "family": "managed-online-endpoints", "kind": "http-status",
                  "content": {"en": {"title": "HTTP 429: rate limiting"}}, "related": ["pending"], "commands": []},
    "pending": {"id": "pending", "family": "managed-online-endpoints", "kind": "http-status",
                "content": {"en": {"title": "HTTP 429: too many pending requests"}}, "related": [], "commands": []},
    "slow-bytes": {"id": "slow-bytes", "family": "managed-online-endpoints", "kind": "symptom",
                   "content": {"en": {"title": "Bandwidth limit issues"}}, "related": ["throttled"], "commands": []},
    "pull-failed": {"id": "pull-failed", "family": "managed-online-endpoints", "kind": "error-code",
                    "content": {"en": {"title": "ERR_1200: unable to download the user container image"}},
                    "related": ["model-download"], "commands": []},
    "registry-auth": {"id": "registry-auth", "family": "managed-online-endpoints", "kind": "symptom",
                      "content": {"en": {"title": "Container registry authorization error"}},
                      "related": ["pull-failed"], "commands": []},
    "model-download": {"id": "model-download", "family": "managed-online-endpoints", "kind": "error-code",
                       "content": {"en": {"title": "ERR_1300: unable to download model artifacts"}}, "related": [],
                       "commands": []},
    "build-fails": {"id": "build-fails", "family": "managed-online-endpoints", "kind": "symptom",
                    "content": {"en": {"title": "Image build fails"}}, "related": [], "commands": []},
    "build-compute": {"id": "build-compute", "family": "managed-online-endpoints", "kind": "symptom",
                      "content": {"en": {"title": "Image build compute not set in a private workspace"}},
                      "related": [], "commands": []},
}


KNOWLEDGE = FakeKnowledge(ENTRIES)


def shown(first: str, *runners_up: tuple[str, float]) -> State:
    reading = read_turn("first message about the problem", in_conversation=False)
    return resolve(reading, State(), result((first, 100.0), *runners_up), KNOWLEDGE).state


def test_an_entry_that_lists_the_card_as_related_answers_a_short_question_about_it():
    state = shown("throttled")
    reading = read_turn("is there a cap on throughput as well?", in_conversation=True)
    resolution = resolve(reading, state, result(("slow-bytes", 72.0), ("throttled", 30.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "slow-bytes"


def test_a_cause_suspected_in_a_circumstance_is_matched_and_answered_by_the_entry_about_it():
    state = shown("pull-failed")
    text = "our registry only allows private network access, could that be the reason for it?"
    reading = read_turn(text, in_conversation=True)
    assert reading.aspect == "cause" and context_query(text, reading, state, KNOWLEDGE) is not None
    resolution = resolve(reading, state, result(("build-compute", 18.0), ("registry-auth", 17.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "registry-auth"


def test_a_bare_why_is_still_the_cards_own_cause_without_matching():
    state = shown("pull-failed")
    reading = read_turn("but why?", in_conversation=True)
    assert context_query("but why?", reading, state, KNOWLEDGE) is None
    assert resolve(reading, state, None, KNOWLEDGE).matches[0].id == "pull-failed"


def test_a_detail_asked_of_that_stays_with_the_card_over_a_related_entrys_closer_words():
    state = shown("registry-auth")
    reading = read_turn("what permission does the managed identity need for that exactly?", in_conversation=True)
    resolution = resolve(reading, state, result(("pull-failed", 90.0), ("model-download", 70.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "registry-auth"


def test_the_cause_of_another_entry_of_the_conversation_told_in_own_words_is_that_entry():
    state = shown("pull-failed", ("model-download", 80.0))
    text = "now the deployment reports the model artifacts could not be downloaded, any idea why?"
    reading = read_turn(text, in_conversation=True)
    assert reading.aspect == "cause" and context_query(text, reading, state, KNOWLEDGE) is not None
    resolution = resolve(reading, state, result(("model-download", 85.0), ("pull-failed", 40.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "model-download"


def test_the_command_asked_in_many_words_stays_with_the_card():
    state = shown("build-fails", ("build-compute", 80.0))
    text = "which az command would I run to look into the image build compute?"
    reading = read_turn(text, in_conversation=True)
    assert reading.aspect == "command" and context_query(text, reading, state, KNOWLEDGE) is None
    assert resolve(reading, state, None, KNOWLEDGE).matches[0].id == "build-fails"

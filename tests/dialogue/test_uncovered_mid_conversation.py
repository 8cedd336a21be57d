"""A self-contained question about a subject the knowledge does not cover, asked in the middle of a conversation: said
so (no entry), not answered with a guess under the threshold that shares a word with it; questions about the problem at
hand keep their answers (own wording; a small knowledge of its own, then the shipped one through the API)."""
from __future__ import annotations

import pytest

from app.dialogue.policy import resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, answer, first_answered, make_entry
from tests.dialogue.policy_fakes import ranked_result as result

ENTRIES = {entry["id"]: entry for entry in (
    make_entry("too-many-requests", "http-status", "HTTP 429: too many pending requests", ("endpoint-quota",)),
    make_entry("endpoint-quota", "error-code", "Endpoint quota reached"),
    make_entry("no-capacity", "error-code", "Out of capacity for the VM size"),
    make_entry("container-logs", "how-to", "Get container logs"),
    make_entry("image-download", "error-code", "Unable to download the user model"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def shown(first: str) -> State:
    return first_answered(first, KNOWLEDGE)


def _answer(text: str, state: State, matched) -> tuple[TurnKind, str | None]:
    return answer(text, state, matched, KNOWLEDGE)


GUESSED_STRANGER = result(("no-capacity", 36.0), ("image-download", 29.0), ("too-many-requests", 20.0))


@pytest.mark.parametrize("text", [
    "does our company get a lower price on reserved gpu machines when we sign up for three years?",
    "how would I label each model version with the owning team so colleagues can search the registry by team?",
    "모델 버전마다 담당 팀 이름을 붙여서 동료들이 찾을 수 있게 하려면 어떻게 해야 하나요?",
    "как пометить каждую версию модели тегом владельца, чтобы коллеги находили нужные версии в реестре?",
])
def test_a_long_question_of_its_own_subject_that_nothing_covers_is_said_to_be_uncovered(text):
    assert _answer(text, shown("too-many-requests"), GUESSED_STRANGER) == (TurnKind.NEW_TOPIC, None)


def test_the_conversation_keeps_its_topic_after_the_uncovered_question():
    state = shown("too-many-requests")
    reading = read_turn("does our company get a lower price on reserved gpu machines when we sign up for three years?",
                        True, state.family)
    after = resolve(reading, state, GUESSED_STRANGER, KNOWLEDGE).state
    assert after.topic == "too-many-requests"


def test_a_long_question_whose_best_guess_the_card_lists_as_related_is_answered_with_it():
    """The card's own related entry is a step of the conversation, not a stranger sharing a word."""
    matched = result(("endpoint-quota", 36.0), ("no-capacity", 29.0), ("too-many-requests", 20.0))
    assert _answer("does a single subscription allow an unlimited number of endpoints inside one region of the cloud?",
                   shown("too-many-requests"), matched) == (TurnKind.FOLLOW_UP, "endpoint-quota")


def test_a_long_question_guessing_a_how_to_may_go_on_with_it():
    matched = result(("container-logs", 36.0), ("no-capacity", 29.0), ("too-many-requests", 20.0))
    turn, first = _answer("where would I read what the scoring process printed while it was handling those calls?",
                          shown("too-many-requests"), matched)
    assert turn is TurnKind.FOLLOW_UP and first is not None


def test_a_long_question_pointing_back_stays_with_the_conversation():
    turn, first = _answer("would this keep happening if we moved the whole thing to a bigger machine in another region?",
                          shown("too-many-requests"), GUESSED_STRANGER)
    assert turn is TurnKind.FOLLOW_UP and first is not None


def test_a_short_question_is_still_read_against_the_card():
    turn, first = _answer("is it per region?", shown("too-many-requests"), GUESSED_STRANGER)
    assert turn is TurnKind.FOLLOW_UP and first == "too-many-requests"


def test_a_question_that_first_tells_something_is_not_read_as_a_subject_of_its_own():
    """Told, then asked: what it asks may be about what it told (two sentences), so the rule leaves it."""
    text = "we only see this at peak hours. do we need reserved gpu machines with a lower price for a year?"
    turn, _ = _answer(text, shown("too-many-requests"), GUESSED_STRANGER)
    assert turn is TurnKind.FOLLOW_UP


@pytest.fixture()
def conversation(client):
    return client.post("/api/v1/conversations").get_json()["conversation_id"]


def _ask(client, conversation_id: str, text: str) -> dict:
    response = client.post("/api/v1/match", json={"query": text, "conversation_id": conversation_id})
    assert response.status_code == 200
    return response.get_json()


def test_through_the_api_an_uncovered_question_after_an_answer_gets_nomake_entry(client, conversation):
    first = _ask(client, conversation, "ERR_2200 the user container crashed on my managed online endpoint")
    assert first["matches"][0]["id"] == "err_2200-user-container-has-crashedterminated"
    reply = _ask(client, conversation, "모델 버전마다 담당 팀 이름을 붙여서 동료들이 찾을 수 있게 하려면 어떻게 해야 하나요?")
    assert reply["matches"] == [] and reply["turn"] == "new_topic"
    again = _ask(client, conversation, "how do I see its logs?")
    assert again["turn"] == "follow_up" and again["matches"]


def test_through_the_api_a_price_question_after_an_answer_is_uncovered(client, conversation):
    first = _ask(client, conversation, "ERR_1100 not enough quota when I create the online deployment")
    assert first["turn"] == "new_topic" and first["matches"][0]["id"] == "err_1100-not-enough-quota"
    reply = _ask(client, conversation, "какая будет стоимость, если держать такой деплой на GPU целый месяц?")
    assert reply["turn"] == "new_topic" and not reply["matches"]

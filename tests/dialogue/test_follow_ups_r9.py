"""Follow-ups, ninth round, own wording: the cause asked of another status by its number alone, the meaning of a
part of a message, and the same code again after what was tried."""
from __future__ import annotations

import pytest

from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, answer, make_entry, ranked_result

V1 = "docker-aci-aks"


def status_entry(entry_id: str, status: int, title: str, related: tuple[str, ...] = ()) -> dict:
    entry = make_entry(entry_id, "http-status", title, related, family=V1)
    entry["http_statuses"] = [status]
    return entry


ENTRIES = {entry["id"]: entry for entry in (
    status_entry("unavailable-503", 503, "HTTP 503 from a web service", ("bad-gateway-502",)),
    status_entry("bad-gateway-502", 502, "HTTP 502 from a web service", ("unavailable-503",)),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


@pytest.mark.parametrize("text", ["and where does the 502 come from?", "а 502 откуда берётся?", "那 502 是什么原因？"])
def test_the_cause_asked_of_another_status_by_its_number_is_that_statuss(text: str) -> None:
    state = State(entry="unavailable-503", family=V1, topic="unavailable-503")
    matched = ranked_result(("bad-gateway-502", 70.0), ("unavailable-503", 30.0))
    assert answer(text, state, matched, KNOWLEDGE) == (TurnKind.FOLLOW_UP, "bad-gateway-502")


def test_the_cause_asked_of_the_cards_own_status_stays_on_the_card() -> None:
    state = State(entry="unavailable-503", family=V1, topic="unavailable-503")
    matched = ranked_result(("bad-gateway-502", 70.0), ("unavailable-503", 30.0))
    assert answer("why the 503 though?", state, matched, KNOWLEDGE) == (TurnKind.FOLLOW_UP, "unavailable-503")


@pytest.mark.parametrize("text", ["the message also shows 'OOMKilled' - what does that part mean?",
                                  "what does the Insufficient cpu bit mean"])
def test_the_meaning_of_a_part_of_the_message_is_a_detail_not_a_verdict(text: str) -> None:
    reading = read_turn(text, True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == "detail"


@pytest.mark.parametrize("text", ["redeployed in another region, same 1100 there as well",
                                  "bumped the replicas, same 503"])
def test_the_same_code_again_after_what_was_tried_is_feedback(text: str) -> None:
    assert read_turn(text, True).kind is TurnKind.FEEDBACK


def test_asking_whether_a_code_is_the_same_is_no_feedback() -> None:
    assert read_turn("is the same 503 also a scaling thing?", True).kind is not TurnKind.FEEDBACK


@pytest.mark.parametrize("text", ["这个超时参数具体要怎么设？", "那个 output 字段到底应该怎么填"])
def test_how_an_option_is_written_is_a_detail_of_the_card(text: str) -> None:
    reading = read_turn(text, True)
    assert reading.kind is TurnKind.FOLLOW_UP and reading.aspect == "detail"


@pytest.mark.parametrize("text", ["will the bot store what I paste here?", "can this assistant see our workspace?",
                                  "你会保存我发给你的内容吗？"])
def test_asking_what_the_assistant_keeps_or_sees_is_about_the_assistant(text: str) -> None:
    reading = read_turn(text, True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "meta"


def test_acknowledging_what_was_learnt_is_thanks() -> None:
    reading = read_turn("ah, good to know", True)
    assert reading.kind is TurnKind.SMALL_TALK and reading.small_talk == "thanks"


def test_a_question_about_an_azure_ml_neighbour_is_no_off_topic_chatter() -> None:
    reading = read_turn("unrelated: how do I make a compute cluster scale to zero over the weekend?", True)
    assert reading.kind is not TurnKind.SMALL_TALK

"""What the dialogue answers to follow-ups that refer back, on a small knowledge of its own: long questions pointing
at the problem that nothing answers, a family switch naming the problem after a how-to, the counterpart by way of the
general entry, "the same there" where the card already applies, a kind of log the other family has no entry about."""
from __future__ import annotations

import pytest

from app.dialogue.policy import context_query, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.matching.matcher import MatchResult
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

ONLINE, AKS, BATCH = "managed-online-endpoints", "docker-aci-aks", "batch-endpoints"


def _entry(entry_id: str, family: str, kind: str, title: str, related: tuple[str, ...] = ()) -> dict:
    return {"id": entry_id, "family": family, "kind": kind, "content": {"en": {"title": title}},
            "related": list(related), "commands": []}


ENTRIES = {entry["id"]: entry for entry in (
    _entry("crash", ONLINE, "error-code", "ERR_2200: user container crashed", ("logs", "local", "aks-crash", "start")),
    _entry("start", ONLINE, "error-code", "ERR_2100: unable to start user container", ("crash",)),
    _entry("logs", ONLINE, "how-to", "Get container logs", ("crash",)),
    _entry("local", ONLINE, "how-to", "Deploy locally", ("crash",)),
    _entry("aks-crash", AKS, "symptom", "Service launch fails", ("aks-local",)),
    _entry("aks-local", AKS, "how-to", "Debug locally", ()),
    _entry("aks-504", AKS, "http-status", "HTTP 504 gateway timeout", ()),
    _entry("aks-delete", AKS, "how-to", "Delete the service", ()),
    _entry("build-timeout", ONLINE, "symptom", "Image build timing out", ("build-failed",)),
    _entry("build-failed", ONLINE, "error-code", "ImageBuildFailure", ("build-timeout", "aks-build")),
    _entry("aks-build", AKS, "symptom", "Image building fails", ()),
    _entry("batch-write", BATCH, "how-to", "How to log in scoring script", ()),
    _entry("batch-scoring", BATCH, "how-to", "Scoring script requirements", ()),
)}


KNOWLEDGE = FakeKnowledge(ENTRIES)


def shown(entry_id: str, topic: str | None = None) -> State:
    """The state after an answer: `entry_id` shown, on the topic `topic` (itself by default)."""
    reading = read_turn(f"{ENTRIES[topic or entry_id]['content']['en']['title']} ERR_2200", in_conversation=False)
    state = resolve(reading, State(), result((topic or entry_id, 100.0)), KNOWLEDGE).state
    if topic is None:
        return state
    entry = ENTRIES[entry_id]
    return state.with_(entry=entry_id, family=entry["family"], shown=(*state.shown, entry_id))


def _answer(text: str, state: State, matched: MatchResult) -> tuple[TurnKind, str | None]:
    resolution = resolve(read_turn(text, True, state.family), state, matched, KNOWLEDGE)
    return resolution.turn, resolution.matches[0].id if resolution.matches else None


@pytest.mark.parametrize("text", [
    "ok that makes sense, but will this keep happening every time we scale the deployment out to more instances later?",
    "그러면 이게 인스턴스를 여러 개로 늘릴 때마다 계속 생기는 건가요 아니면 처음 시작할 때만 그런 건가요?",
    "那这个是不是每次扩容到更多实例的时候都会出现，还是只在第一次启动的时候才会这样？",
    "то есть это будет повторяться каждый раз, когда мы масштабируем деплоймент на больше инстансов, или только при старте?",
])
def test_a_long_question_pointing_back_that_nothing_answers_keeps_the_card(text):
    """Nothing matches it surely and its weak guesses (a related entry, another product) share words by chance."""
    turn, entry_id = _answer(text, shown("crash"), result(("aks-crash", 33.0), ("start", 34.0), ("logs", 20.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "crash")


def test_a_long_question_pointing_back_stays_in_the_product():
    """Its own sure answer is another product's how-to, about words every product shares (the scoring script)."""
    text = "so just to confirm, this happens before any request ever reaches my scoring script, and nothing in run() matters?"
    turn, entry_id = _answer(text, shown("crash"), result(("batch-scoring", 60.0), ("crash", 30.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "crash")


def test_a_long_question_naming_nothing_back_is_still_judged_on_its_own():
    text = "separately from all of this, how do I set up a nightly pipeline that retrains and redeploys my model for me?"
    turn, _ = _answer(text, shown("crash"), result(("batch-scoring", 20.0)))
    assert turn is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", ["would the same crash look different on an AKS web service?",
                                  "그 오류 AKS 웹서비스에서는 어떻게 보여요?", "同样的崩溃在 AKS 上会是什么样",
                                  "а такое падение на AKS веб-сервисе как выглядит?"])
def test_the_problem_named_in_another_family_after_a_how_to(text):
    """After the local-run how-to, naming the problem itself asks for the problem there, not for that how-to there."""
    state = shown("local", topic="crash")
    reading = read_turn(text, True, state.family)
    query = context_query(text, reading, state, KNOWLEDGE)
    assert query is not None and "debug locally" not in query.lower()
    turn, entry_id = _answer(text, state, result(("aks-local", 60.0), ("aks-crash", 40.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "aks-crash")


def test_a_bare_switch_after_a_how_to_asks_for_that_how_to_there():
    state = shown("local", topic="crash")
    query = context_query("what about AKS?", read_turn("what about AKS?", True, state.family), state, KNOWLEDGE)
    assert query is not None and "debug locally" in query.lower()


def test_the_counterpart_by_way_of_the_general_entry():
    """A build timing out has no entry on ACI; the failed build it lists does: that is the same problem there."""
    turn, entry_id = _answer("what's the equivalent issue on v1 with ACI?", shown("build-timeout"),
                             result(("build-timeout", 74.0), ("aks-delete", 63.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "aks-build")


@pytest.mark.parametrize("text", ["is it the same on the old AKS web services?", "а на старых AKS веб-сервисах так же?"])
def test_the_same_where_the_card_already_applies(text):
    """The card shown is already the AKS entry (an online endpoint's 504 answered by it): "the same on AKS?" is it."""
    turn, entry_id = _answer(text, shown("aks-504"), result(("aks-delete", 79.0), ("aks-504", 77.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "aks-504")


def test_a_kind_of_log_the_other_family_has_no_entry_about_is_its_logs():
    """Writing logs from the script, asked for online endpoints, where only the container logs are told."""
    state = shown("batch-write")
    turn, entry_id = _answer("and what does that look like for an online endpoint instead?", state,
                             result(("batch-write", 70.0), ("start", 55.0), ("logs", 45.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "logs")


def test_a_cause_suspected_while_a_how_to_is_shown_is_about_the_problem():
    """After the logs how-to, "could it be the numpy version?" asks about the crash, not about the logs."""
    turn, entry_id = _answer("could it be because of the numpy version in the env?", shown("logs", topic="crash"),
                             result(("aks-delete", 12.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "crash")


def test_the_same_in_a_family_with_nothing_about_it_is_answered_by_the_card():
    """No entry of batch is about the crash (only a how-to matches there): "does the same apply to batch?" gets the
    card."""
    turn, entry_id = _answer("does the same thing apply to batch endpoints or is that separate?", shown("crash"),
                             result(("crash", 85.0), ("batch-write", 32.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "crash")


@pytest.mark.parametrize("text", ["how do I figure out if it's the init() that blows up", "how can we find out whether the disk is full"])
def test_finding_out_whether_is_a_detail(text):
    assert read_turn(text, True, ONLINE).aspect == "detail"

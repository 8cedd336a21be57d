"""Turn wordings of our own in the four languages, read as a user would mean them: a language asked for with the
reason after it, what was tried told with the same outcome (a period, "те же", an empty fetch, the same status
again), a greeting that announces trouble, handing the problem to support, the right way asked for, the logs that
tell which item failed; and what the dialogue answers on a small knowledge: a question of its own after a question
about a neighbouring area, the same status again after a fix, the card shown in a near tie, the counterpart named
by its code, another step of a walk-through asked about in many words."""
from __future__ import annotations

import pytest

from app.dialogue.policy import context_query, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.matching.matcher import Match, MatchResult
from app.matching.neighbours import TOPICS
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

ONLINE, AKS, BATCH = "managed-online-endpoints", "docker-aci-aks", "batch-endpoints"


def _read(text: str, family: str = ONLINE):
    return read_turn(text, in_conversation=True, family=family)


@pytest.mark.parametrize(("text", "lang"), [
    ("please put it in korean, the on-call engineer in Busan handles our endpoints", "ko"),
    ("write that up in russian - our ops team in Kazan owns the deployment", "ru"),
    ("send it in english. the vendor who runs the cluster reads no Chinese", "en"),
])
def test_a_language_asked_for_with_its_reason_is_a_language_request(text, lang):
    reading = _read(text)
    assert (reading.kind, reading.target_lang) == (TurnKind.LANGUAGE, lang)


@pytest.mark.parametrize("text", [
    "in russian. also the endpoint still fails after the restart",
    "chinese please, and also: the batch job now fails on another input",
])
def test_a_language_named_beside_a_question_or_an_outcome_is_not_only_a_request(text):
    assert _read(text).kind is not TurnKind.LANGUAGE


@pytest.mark.parametrize("text", [
    "assigned the AcrPull role to the endpoint identity and redeployed. same ImageBuildFailure",
    "увеличил таймаут до пяти минут, ошибки те же",
    "переключил на другой SKU, результат тот же",
    "用 az ml 拉下来什么都没有，是空的",
])
def test_what_was_tried_told_with_the_same_outcome_is_feedback(text):
    assert _read(text).kind is TurnKind.FEEDBACK


@pytest.mark.parametrize("text", [
    "hi, got a batch endpoint misbehaving",
    "morning! having a problem with our scoring endpoint",
])
def test_a_greeting_that_announces_trouble_still_waits_for_the_question(text):
    reading = read_turn(text, in_conversation=False)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "greeting")


@pytest.mark.parametrize("text", [
    "fine, I'll open a support ticket then",
    "ладно, напишу в поддержку",
    "那我去提工单了",
    "그럼 지원팀에 문의할게요",
])
def test_handing_the_problem_to_support_closes_the_conversation(text):
    reading = _read(text)
    assert (reading.kind, reading.small_talk) == (TurnKind.SMALL_TALK, "goodbye")


def test_asking_where_to_open_a_ticket_is_still_a_question_about_it():
    assert _read("where do I open a support ticket for this?").kind is TurnKind.FOLLOW_UP


@pytest.mark.parametrize("text", [
    "so what's the proper way then, recreate it?",
    "а как правильно тогда, пересоздать?",
    "那正确的流程是什么，重新建一个？",
    "그럼 올바른 방법은 뭐예요?",
])
def test_the_right_way_asked_for_is_the_fix(text):
    assert _read(text, BATCH).aspect == "fix"


def test_where_to_see_which_item_failed_asks_which_log_tells_it():
    assert _read("where can I see which input file failed?", BATCH).aspect == "log_structure"


def test_asking_for_more_of_a_limit_is_a_detail_of_the_card():
    assert _read("how do I request more of that?").aspect == "detail"


def _entry(entry_id: str, family: str, kind: str, title: str, related: tuple[str, ...] = (),
           statuses: tuple[int, ...] = ()) -> dict:
    return {"id": entry_id, "family": family, "kind": kind, "content": {"en": {"title": title}},
            "related": list(related), "commands": [], "error_codes": [], "http_statuses": list(statuses)}


ENTRIES = {entry["id"]: entry for entry in (
    _entry("too-big", ONLINE, "http-status", "HTTP 413 payload too large", ("answer-too-big",), (413,)),
    _entry("answer-too-big", ONLINE, "http-status", "HTTP 424 response too large", ("too-big",), (424,)),
    _entry("model-error", ONLINE, "http-status", "HTTP 424 model error", (), (424,)),
    _entry("rate-limit", ONLINE, "http-status", "HTTP 429 rate limiting", (), (429,)),
    _entry("timeout", ONLINE, "http-status", "HTTP 408 request timeout", (), (408,)),
    _entry("aks-503", AKS, "http-status", "HTTP 503 service unavailable", ("timeout",), (503,)),
    _entry("aks-504", AKS, "http-status", "HTTP 504 gateway timeout: the scoring request timed out", (), (504,)),
    _entry("audience", BATCH, "error", "Audience or service not allowed", ("unauthorized",)),
    _entry("unauthorized", ONLINE, "http-status", "HTTP 401 unauthorized", (), (401,)),
    _entry("attach", AKS, "how-to", "Attach a debugger to the container", ("keep-changes", "stop")),
    _entry("keep-changes", AKS, "how-to", "Modify the container files", ("attach",)),
    _entry("stop", AKS, "how-to", "Stop the container", ("attach",)),
    _entry("tracking", ONLINE, "how-to", "Deploy a model", ()),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def _shown(entry_id: str, text: str, then: str | None = None) -> State:
    """The state after `text` opened the topic with `entry_id` (and, given `then`, a follow-up showed that entry)."""
    state = resolve(read_turn(text, False), State(), result((entry_id, 100.0)), KNOWLEDGE).state
    if then is None:
        return state
    entry = ENTRIES[then]
    return state.with_(entry=then, family=entry["family"], shown=(*state.shown, then))


def _answer(text: str, state: State, matched: MatchResult) -> tuple[TurnKind, str | None]:
    resolution = resolve(read_turn(text, True, state.family), state, matched, KNOWLEDGE)
    return resolution.turn, resolution.matches[0].id if resolution.matches else None


def test_a_question_answered_here_after_one_about_a_neighbouring_area_opens_a_topic():
    outside = MatchResult(matches=[], query_lang="en", codes=[], http_statuses=[], ambiguous=False, truncated=False,
                          out_of_scope=next(topic for topic in TOPICS if topic.id == "compute-instance"), candidates=[])
    first = read_turn("how do I stop my compute instance from shutting down when idle?", False)
    state = resolve(first, State(), outside, KNOWLEDGE).state
    assert state.out_of_scope == "compute-instance"
    text = "right, on to deployments: how do I deploy a model to an online endpoint with the v2 cli?"
    assert _answer(text, state, result(("tracking", 80.0))) == (TurnKind.NEW_TOPIC, "tracking")


def test_the_same_status_again_after_trying_the_fix_is_feedback():
    state = _shown("too-big", "the endpoint answers 413 payload too large", then="answer-too-big")
    again = result(("model-error", 85.0), ("answer-too-big", 80.0), reasons=[{"type": "status", "value": 424}])
    turn, entry_id = _answer("trimmed the response to a few fields, yet it still returns 424", state, again)
    assert turn is TurnKind.FEEDBACK and entry_id != "answer-too-big"


def test_in_a_near_tie_the_card_shown_comes_before_the_topics_runner_up():
    state = resolve(read_turn("batch invoke says audience or service not allowed", False), State(),
                    result(("audience", 100.0), ("unauthorized", 60.0)), KNOWLEDGE).state
    guesses = result(("unauthorized", 40.0), ("audience", 37.0), confident=50.0)
    assert _answer("which resource do I request the token for?", state, guesses) == (TurnKind.FOLLOW_UP, "audience")


def test_the_counterpart_named_by_its_code_is_matched_by_that_code():
    state = _shown("aks-503", "our AKS web service returns 503 at peak hours")
    text = "and on a managed online endpoint that would be the 429, right?"
    reading = read_turn(text, True, state.family)
    query = context_query(text, reading, state, KNOWLEDGE)
    assert query is not None and "429" in query
    named = MatchResult(matches=[Match("rate-limit", 90.0, [{"type": "status", "value": 429}])], query_lang="en",
                        codes=[], http_statuses=[429], ambiguous=False, truncated=False,
                        candidates=[Match("rate-limit", 90.0, [{"type": "status", "value": 429}])])
    assert _answer(text, state, named) == (TurnKind.FOLLOW_UP, "rate-limit")


def test_what_to_do_about_something_told_while_a_how_to_is_shown_may_be_another_step():
    state = _shown("attach", "how do I attach VS Code to the debug container of my web service?")
    turn, entry_id = _answer("I edited score.py inside the running container, what should I do so the edits survive a restart?", state,
                             result(("keep-changes", 70.0), ("attach", 40.0)))
    assert (turn, entry_id) == (TurnKind.FOLLOW_UP, "keep-changes")


def test_the_same_status_in_another_product_is_looked_for_by_what_the_status_means():
    """The topic's status said what the problem is; the rest of its message, the circumstances, would match others."""
    state = _shown("aks-504", "our ACI web service gives 504 after a minute whenever we upload big photos")
    text = "and what would that be on a managed online endpoint?"
    query = context_query(text, read_turn(text, True, state.family), state, KNOWLEDGE)
    assert query is not None and "timed out" in query and "photos" not in query

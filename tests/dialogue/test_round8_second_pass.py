"""Eighth round, second pass, own wording: building an image with something in it is making that image, not the
build stage; a status asked on in a conversation about another product is asked on; a yes or no question whose
answer would be a barely guessed neighbour is the card's; a question pointing back that nothing matches surely goes
to the problem the card and the topic both point at."""
from __future__ import annotations

import pytest

from app.dialogue.policy import resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, answer, make_entry, ranked_result

ONLINE = "managed-online-endpoints"
BATCH = "batch-endpoints"
LEGACY = "docker-aci-aks"


@pytest.mark.parametrize("text", [
    "should I build a second image with the debugger inside?",
    "нужно собирать отдельный образ с отладчиком?",
    "要不要单独构建一个带调试器的镜像？",
    "디버거 들어간 이미지를 따로 빌드해야 돼요?",
])
def test_building_an_image_with_something_is_not_the_build_stage(text: str) -> None:
    assert read_turn(text, True, LEGACY).aspect != "build"


@pytest.mark.parametrize("text", ["and at build time?", "а при сборке?", "构建的时候呢？", "빌드할 때는요?"])
def test_the_build_stage_asked_briefly_is_still_the_build(text: str) -> None:
    assert read_turn(text, True, LEGACY).aspect == "build"


STATUS_ELSEWHERE = FakeKnowledge({entry["id"]: entry for entry in (
    make_entry("legacy-walkthrough", "how-to", "Deploy a model to a local container step by step", (), family=LEGACY),
    make_entry("status-ok", "http-status", "HTTP 200: the request succeeded"),
)})


def _walkthrough_shown() -> State:
    opening = read_turn("walk me through a local docker deployment", in_conversation=False)
    return resolve(opening, State(), ranked_result(("legacy-walkthrough", 90.0)), STATUS_ELSEWHERE).state


@pytest.mark.parametrize("text", [
    "and does a 200 OK mean the scoring really ran?",
    "а 200 OK значит, что модель реально посчитала?",
])
def test_a_status_asked_on_is_a_follow_up_whatever_product_its_entry_is_in(text: str) -> None:
    matched = ranked_result(("status-ok", 94.0), reasons=[{"type": "status", "value": 200}])
    assert answer(text, _walkthrough_shown(), matched, STATUS_ELSEWHERE) == (TurnKind.FOLLOW_UP, "status-ok")


ROUTING = FakeKnowledge({entry["id"]: entry for entry in (
    make_entry("no-route", "error-code", "The endpoint has no deployment to route to", ("missing-endpoint",), BATCH),
    make_entry("missing-endpoint", "error-code", "The endpoint is not found", ("no-route",), BATCH),
    make_entry("run-it-here", "how-to", "Run the deployment on your machine", (), BATCH),
    make_entry("legacy-stranger", "symptom", "The old web service keeps a default version", (), LEGACY),
)})


def _routing_shown() -> State:
    opening = read_turn("invoking says nothing to route to", in_conversation=False)
    return resolve(opening, State(), ranked_result(("no-route", 95.0)), ROUTING).state


@pytest.mark.parametrize("text", [
    "does one of them have to be marked as the default one?",
    "is that because nothing is marked as the default one?",
])
def test_a_yes_or_no_question_barely_matching_a_neighbour_is_the_cards(text: str) -> None:
    barely = ranked_result(("legacy-stranger", 55.0), ("missing-endpoint", 54.0), ("run-it-here", 52.0))
    assert answer(text, _routing_shown(), barely, ROUTING) == (TurnKind.FOLLOW_UP, "no-route")


def test_a_yes_or_no_question_matching_a_neighbour_surely_is_the_neighbours() -> None:
    surely = ranked_result(("missing-endpoint", 85.0))
    turn, first = answer("does it also show up when the endpoint name is misspelt?", _routing_shown(), surely, ROUTING)
    assert (turn, first) == (TurnKind.FOLLOW_UP, "missing-endpoint")


BUILDS = FakeKnowledge({entry["id"]: entry for entry in (
    make_entry("build-broke", "error-code", "The image build failed", ("build-too-slow",)),
    make_entry("build-too-slow", "symptom", "The image build runs out of time", ("build-broke",)),
    make_entry("model-broke", "http-status", "The model failed inside the container", ()),
)})


def _build_failure_shown(runner_up: bool) -> State:
    opening = read_turn("the deployment says the image build failed", in_conversation=False)
    ranked = (("build-broke", 92.0), ("build-too-slow", 66.0)) if runner_up else (("build-broke", 92.0),)
    return resolve(opening, State(), ranked_result(*ranked), BUILDS).state


TOLD_THEN_ASKED = "after fixing the packages the build goes on for an hour and then dies, is there a limit on it?"


def test_a_question_pointing_back_goes_where_the_card_and_the_topic_both_point() -> None:
    guesses = ranked_result(("model-broke", 42.0), ("build-too-slow", 40.0))
    assert answer(TOLD_THEN_ASKED, _build_failure_shown(True), guesses, BUILDS) == (TurnKind.FOLLOW_UP, "build-too-slow")


def test_a_question_pointing_back_keeps_the_card_when_the_topic_did_not_point_there() -> None:
    guesses = ranked_result(("model-broke", 42.0), ("build-too-slow", 40.0))
    assert answer(TOLD_THEN_ASKED, _build_failure_shown(False), guesses, BUILDS) == (TurnKind.FOLLOW_UP, "build-broke")


def test_a_question_about_the_card_asked_first_keeps_the_card() -> None:
    guesses = ranked_result(("model-broke", 42.0), ("build-too-slow", 40.0))
    asked_first = "where exactly would I get the complete output for that one? the portal cuts the message off in the middle"
    assert answer(asked_first, _build_failure_shown(True), guesses, BUILDS) == (TurnKind.FOLLOW_UP, "build-broke")


@pytest.mark.parametrize("text", ["а если опять повторится, к кому обращаться?", "если снова вылезет, куда писать?"])
def test_a_russian_question_with_the_problem_as_dropped_subject_points_back(text: str) -> None:
    assert read_turn(text, True, ONLINE).points_back


BROWSER = FakeKnowledge({entry["id"]: entry for entry in (
    make_entry("cors-blocked", "symptom", "The browser blocks calls to the endpoint (CORS)", ()),
    make_entry("too-many", "http-status", "HTTP 429: too many requests", ()),
)})


def _cors_shown() -> State:
    opening = read_turn("the browser blocks my calls to the endpoint", in_conversation=False)
    return resolve(opening, State(), ranked_result(("cors-blocked", 94.0)), BROWSER).state


@pytest.mark.parametrize("text", [
    "is the same sort of gateway up front normal?",
    "endpoint 앞에 게이트웨이 같은 거 두는 게 보통인가요?",
    "在前面放个同样的网关是常规做法吗？",
])
def test_a_short_yes_or_no_question_nothing_matches_checks_the_card(text: str) -> None:
    nothing = ranked_result(("too-many", 12.0), ("cors-blocked", 7.0))
    assert answer(text, _cors_shown(), nothing, BROWSER) == (TurnKind.FOLLOW_UP, "cors-blocked")


def test_a_long_question_of_its_own_nothing_matches_is_still_a_new_topic() -> None:
    nothing = ranked_result(("too-many", 12.0), ("cors-blocked", 7.0))
    own = "and how would I set up a nightly retraining pipeline that registers a new model version every week?"
    assert answer(own, _cors_shown(), nothing, BROWSER)[0] is TurnKind.NEW_TOPIC


@pytest.mark.parametrize("text", [
    "hmm ok, and how could we try this out without waiting on AKS each round?",
    "а как это проверять, не дожидаясь деплоя каждый раз?",
])
def test_trying_it_without_waiting_on_the_cloud_asks_for_a_local_run(text: str) -> None:
    assert read_turn(text, True, LEGACY).aspect == "local"

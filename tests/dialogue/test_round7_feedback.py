"""After "that didn't help", seventh round, own wording: a question answered beyond everything the conversation holds
opens a topic, one drawn from what was said ("then ...") or answered by what it holds goes on, and taking down what
the conversation opened with still finds its entry."""
from __future__ import annotations

import pytest

from app.dialogue.policy import Show, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, answer, make_entry, ranked_result

DOCKER = "docker-aci-aks"
ENTRIES = {entry["id"]: entry for entry in (
    make_entry("launch-fails", "symptom", "The web service fails to launch",
               ("model-path-missing", "run-input-crash", "read-service-log"), DOCKER),
    make_entry("read-service-log", "how-to", "Read the web service's docker log", ("launch-fails",), DOCKER),
    make_entry("model-path-missing", "symptom", "init() cannot find the model path", (), DOCKER),
    make_entry("run-input-crash", "symptom", "run() crashes on the posted data", (), DOCKER),
    make_entry("attach-debugger", "how-to", "Attach VS Code to the deployment container", (), DOCKER),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def _after_it_did_not_help() -> State:
    """The state once the launch failure was answered, its log asked for, and the log said not to have helped."""
    opened = resolve(read_turn("my web service won't launch", False), State(),
                     ranked_result(("launch-fails", 100.0)), KNOWLEDGE).state
    logs = opened.with_(entry="read-service-log", shown=("launch-fails", "read-service-log"),
                        last=("read-service-log",), last_kind=Show.ANSWER)
    rejected = resolve(read_turn("read the log, nothing useful there, still failing", True, DOCKER), logs, None,
                       KNOWLEDGE)
    assert rejected.turn is TurnKind.FEEDBACK and rejected.state.last_kind == Show.ALTERNATIVES
    return rejected.state


@pytest.mark.parametrize("text", [
    "is there any way to hook VS Code up to the deployment container for debugging?",
    "혹시 VS Code를 배포 컨테이너에 붙여서 디버깅할 수 있나요?",
    "а как вообще подключить VS Code к контейнеру деплоя для отладки?",
])
def test_a_question_answered_beyond_the_conversation_opens_a_topic(text: str) -> None:
    matched = ranked_result(("attach-debugger", 92.0), ("run-input-crash", 40.0))
    assert answer(text, _after_it_did_not_help(), matched, KNOWLEDGE) == (TurnKind.NEW_TOPIC, "attach-debugger")


@pytest.mark.parametrize("text", [
    "so how do I hook VS Code up to the deployment container then?",
    "那我想用 VS Code 连到容器里断点调试，要怎么配置？",
    "тогда как подключить VS Code к контейнеру деплоя?",
])
def test_a_question_drawn_from_what_was_said_goes_on(text: str) -> None:
    matched = ranked_result(("attach-debugger", 92.0), ("run-input-crash", 40.0))
    assert answer(text, _after_it_did_not_help(), matched, KNOWLEDGE) == (TurnKind.FOLLOW_UP, "attach-debugger")


def test_a_question_answered_by_what_the_conversation_holds_goes_on() -> None:
    matched = ranked_result(("run-input-crash", 88.0), ("attach-debugger", 41.0))
    turn, shown = answer("could the crash be in run() when the data is posted?", _after_it_did_not_help(), matched,
                         KNOWLEDGE)
    assert (turn, shown) == (TurnKind.FOLLOW_UP, "run-input-crash")


LOCAL_ENTRIES = {entry["id"]: entry for entry in (
    make_entry("debug-on-my-machine", "how-to", "Debug locally with a local web service",
               ("refresh-local-service", "remove-local-service"), DOCKER),
    make_entry("edit-in-container", "how-to", "Edit files inside the running container", ("attach-debugger",), DOCKER),
    make_entry("attach-debugger", "how-to", "Attach VS Code to the container", ("halt-debug-container",), DOCKER),
    make_entry("refresh-local-service", "how-to", "Reload a local service after editing score.py", (), DOCKER),
    make_entry("halt-debug-container", "how-to", "Stop the debug container", (), DOCKER),
    make_entry("remove-local-service", "how-to", "Delete a deployed or local web service", (), DOCKER),
)}
LOCAL_KNOWLEDGE = FakeKnowledge(LOCAL_ENTRIES)


@pytest.mark.parametrize("text", [
    "once I'm finished, how do I delete the local service?",
    "다 끝나면 로컬 서비스는 어떻게 지워요?",
])
def test_taking_down_the_local_service_after_it_did_not_help(text: str) -> None:
    # the local debugging the conversation opened with, a detour into the container that did not help, alternatives
    # offered (the debugger first, whose related entry is the debug container's teardown)
    state = State(entry=None, family=DOCKER, topic="debug-on-my-machine",
                  shown=("debug-on-my-machine", "edit-in-container"), rejected=("edit-in-container",),
                  offered=("attach-debugger", "refresh-local-service"), last=("attach-debugger", "refresh-local-service"),
                  last_kind=Show.ALTERNATIVES)
    matched = ranked_result(("debug-on-my-machine", 52.8), ("remove-local-service", 52.6),
                            ("halt-debug-container", 40.0))
    assert answer(text, state, matched, LOCAL_KNOWLEDGE) == (TurnKind.FOLLOW_UP, "remove-local-service")


@pytest.mark.parametrize("text", ["and after that, how do I stop it?", "用完怎么停", "а потом как остановить?"])
def test_a_short_teardown_question_nothing_matches_takes_the_conversation_s_teardown_entry(text: str) -> None:
    # the debugger was shown and did not help; what was offered instead lists no teardown entry, the debugger does
    state = State(entry=None, family=DOCKER, topic="edit-in-container",
                  shown=("edit-in-container", "attach-debugger"), rejected=("attach-debugger",),
                  offered=("refresh-local-service",), last=("refresh-local-service",), last_kind=Show.ALTERNATIVES)
    matched = ranked_result(("edit-in-container", 24.0), ("refresh-local-service", 18.0))  # nothing sure
    assert answer(text, state, matched, LOCAL_KNOWLEDGE) == (TurnKind.FOLLOW_UP, "halt-debug-container")


def test_with_two_teardown_entries_in_reach_a_short_question_guesses_none() -> None:
    # the local service the conversation opened with lists its own teardown entry, the debugger another
    state = State(entry=None, family=DOCKER, topic="debug-on-my-machine",
                  shown=("debug-on-my-machine", "attach-debugger"), rejected=("attach-debugger",),
                  offered=("refresh-local-service",), last=("refresh-local-service",), last_kind=Show.ALTERNATIVES)
    matched = ranked_result(("edit-in-container", 24.0), ("refresh-local-service", 18.0))
    _, shown = answer("how do I stop it?", state, matched, LOCAL_KNOWLEDGE)
    assert shown not in ("halt-debug-container", "remove-local-service")

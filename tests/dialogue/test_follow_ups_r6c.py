"""Follow-ups, sixth round (c), own wording: where to see what the service or the model returned or printed asks
for the logs in every language that has the how-word for it, and the card's logs entry answers it."""
from __future__ import annotations

import pytest

from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge, answer, make_entry, ranked_result

ENTRIES = {entry["id"]: entry for entry in (
    make_entry("model-error-424", "symptom", "HTTP 424: the model failed", ("get-logs",)),
    make_entry("get-logs", "how-to", "Get the container logs"),
    make_entry("quota-hit", "symptom", "Endpoint quota reached"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


@pytest.mark.parametrize("text", [
    "где глянуть, что конкретно отдал сервис?",
    "где найти, что именно вывел мой скрипт",
    "where can I check what the endpoint actually returned?",
    "where do we see what my run function printed",
])
def test_where_to_see_what_came_back_asks_for_the_logs(text: str) -> None:
    assert read_turn(text, True).aspect == "logs"


@pytest.mark.parametrize("text", [
    "где купить сервер, что вернул бы деньги?",  # no seeing word: not about logs
    "where can I return the reserved capacity?",
])
def test_returning_without_seeing_it_is_not_the_logs(text: str) -> None:
    assert read_turn(text, True).aspect != "logs"


def test_the_card_s_logs_entry_answers_where_to_see_what_came_back() -> None:
    state = State(entry="model-error-424", family="managed-online-endpoints")
    # matched as the canonical logs question the aspect asks (policy.ASPECT_QUERIES), the entry shown ranks first
    matched = ranked_result(("model-error-424", 72.0), ("quota-hit", 54.0), ("get-logs", 48.0))
    turn, shown = answer("где глянуть, что конкретно отдал сервис?", state, matched, KNOWLEDGE)
    assert (turn, shown) == (TurnKind.FOLLOW_UP, "get-logs")


DOCKER = "docker-aci-aks"
TEARDOWN_ENTRIES = {entry["id"]: entry for entry in (
    make_entry("run-debug-image", "how-to", "Run the debug image and attach VS Code", ("halt-debug-container",), DOCKER),
    make_entry("halt-debug-container", "how-to", "Stop the debug container", (), DOCKER),
    make_entry("container-crash", "symptom", "The container keeps crashing", (), DOCKER),
)}
TEARDOWN_KNOWLEDGE = FakeKnowledge(TEARDOWN_ENTRIES)


@pytest.mark.parametrize("text", [
    "how can we shut it down after the session?",
    "세션 끝나면 그 컨테이너는 어떻게 정지하나요?",
    "调试完容器怎么停掉？",
    "а как потом остановить этот контейнер?",
])
def test_taking_it_down_is_answered_by_the_related_entry_about_it(text: str) -> None:
    state = State(entry="run-debug-image", family=DOCKER)
    matched = ranked_result(("container-crash", 58.0), ("run-debug-image", 52.0), ("halt-debug-container", 46.0))
    turn, shown = answer(text, state, matched, TEARDOWN_KNOWLEDGE)
    assert (turn, shown) == (TurnKind.FOLLOW_UP, "halt-debug-container")


def test_a_teardown_entry_far_behind_does_not_answer() -> None:
    state = State(entry="run-debug-image", family=DOCKER)
    matched = ranked_result(("run-debug-image", 80.0), ("halt-debug-container", 40.0))
    _, shown = answer("how do I stop it from timing out on attach?", state, matched, TEARDOWN_KNOWLEDGE)
    assert shown == "run-debug-image"

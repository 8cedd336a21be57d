"""Follow-ups, seventh round, own wording: what one understood asked back, an error named by its own words in a
question, a description compared with the problem at hand, taking down what the conversation opened with."""
from __future__ import annotations

import pytest

from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import ONLINE, FakeKnowledge, answer, make_entry, ranked_result

BATCH = "batch-endpoints"
DOCKER = "docker-aci-aks"
ENTRIES = {entry["id"]: entry for entry in (
    make_entry("browser-origin-blocked", "symptom", "The browser blocks the call: CORS", ("route-missing",)),
    make_entry("route-missing", "http-status", "HTTP 404 Not Found"),
    make_entry("node-unschedulable", "symptom", "Kubernetes cannot schedule the pod"),
    make_entry("vnet-not-ready", "symptom", "The workspace's managed network is not ready"),
    make_entry("storage-download-fails", "symptom", "Cannot download the model from storage", ("vnet-not-ready",)),
    make_entry("results-already-there", "symptom", "Batch output already exists", (), BATCH),
    make_entry("ok-but-empty", "http-status", "HTTP 200 OK with an empty body"),
)}
KNOWLEDGE = FakeKnowledge(ENTRIES)


@pytest.mark.parametrize("text", [
    "so I'd need a little proxy service sitting in front of the endpoint?",
    "ok so we should call it from our backend rather than the browser?",
    "그럼 브라우저 말고 백엔드에서 호출해야 한다는 거죠?",
    "所以我得在后端再包一层转发？",
    "то есть звать его надо с нашего бэкенда, а не из браузера?",
])
def test_what_one_understood_asked_back_is_a_yes_or_no_check(text: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.checks_back and reading.polar


@pytest.mark.parametrize("text", [
    "so how do I get the container logs?",
    "then what does ERR_1100 mean?",
    "그럼 로그는 어디서 봐요?",
    "所以日志在哪里看？",
    "то есть где теперь смотреть логи?",
])
def test_a_question_for_what_or_where_is_not_a_check_back(text: str) -> None:
    assert not read_turn(text, True, ONLINE).checks_back


@pytest.mark.parametrize("text", [
    "so I'd need a little proxy in front that passes the calls on?",
    "so we should put our own backend in between, then?",
    "то есть звать его надо с нашего бэкенда, который передаёт запросы дальше?",
])
def test_a_check_back_nothing_matches_surely_is_answered_by_the_card(text: str) -> None:
    state = State(entry="browser-origin-blocked", family=ONLINE, topic="browser-origin-blocked")
    # a faint guess of the same product (its few shared words: "pass", "calls"), nothing sure
    matched = ranked_result(("node-unschedulable", 38.0), ("route-missing", 31.0))
    assert answer(text, state, matched, KNOWLEDGE) == (TurnKind.FOLLOW_UP, "browser-origin-blocked")


@pytest.mark.parametrize("text", [
    "now VnetNotReadyYet shows up during create, has the managed network finished provisioning?",
    "또 VnetNotReadyYet 가 뜨는데 네트워크가 아직 준비 중인가요?",
])
def test_a_question_naming_another_error_by_its_words_opens_a_topic(text: str) -> None:
    reading = read_turn(text, True, ONLINE)
    assert reading.tentative and not reading.strong
    state = State(entry="storage-download-fails", family=ONLINE, topic="storage-download-fails")
    matched = ranked_result(("node-unschedulable", 90.0), reasons=[{"type": "signature"}])
    assert answer(text, state, matched, KNOWLEDGE) == (TurnKind.NEW_TOPIC, "node-unschedulable")


@pytest.mark.parametrize("text", [
    "our scores file came out totally blank, is that the same thing?",
    "а у нас файл с результатами просто пустой, это то же самое?",
])
def test_a_description_compared_with_the_problem_at_hand_is_the_card_s(text: str) -> None:
    state = State(entry="results-already-there", family=BATCH, topic="results-already-there")
    # its words match another product's entry far better, by words alone (no code, no signature)
    matched = ranked_result(("ok-but-empty", 76.0), ("results-already-there", 44.0))
    assert answer(text, state, matched, KNOWLEDGE) == (TurnKind.FOLLOW_UP, "results-already-there")


LOCAL_ENTRIES = {entry["id"]: entry for entry in (
    make_entry("debug-on-my-machine", "how-to", "Debug locally with a local web service",
               ("remove-local-service", "attach-debugger"), DOCKER),
    make_entry("attach-debugger", "how-to", "Attach VS Code to the container", ("halt-debug-container",), DOCKER),
    make_entry("halt-debug-container", "how-to", "Stop the debug container", (), DOCKER),
    make_entry("remove-local-service", "how-to", "Delete a deployed or local web service", (), DOCKER),
)}
LOCAL_KNOWLEDGE = FakeKnowledge(LOCAL_ENTRIES)


@pytest.mark.parametrize("text", [
    "how do I remove the local service once testing is over?",
    "테스트 다 하면 로컬 서비스는 어떻게 삭제해요?",
])
def test_taking_down_what_the_conversation_opened_with_after_a_detour(text: str) -> None:
    state = State(entry="attach-debugger", family=DOCKER, topic="debug-on-my-machine")
    # the conversation's opening entry and its teardown entry lead, the card's own teardown entry (the debug
    # container) trails within reach
    matched = ranked_result(("debug-on-my-machine", 52.8), ("remove-local-service", 52.6), ("halt-debug-container", 40.0))
    assert answer(text, state, matched, LOCAL_KNOWLEDGE) == (TurnKind.FOLLOW_UP, "remove-local-service")


@pytest.mark.parametrize("text", [
    "how do I pull this image locally?",
    "как вытащить этот образ из ACR себе локально",
    "镜像怎么拉到本地",
    "이 이미지 로컬로 받으려면?",
])
def test_fetching_something_to_one_s_machine_is_not_the_local_aspect(text: str) -> None:
    assert read_turn(text, True, DOCKER).aspect != "local"


@pytest.mark.parametrize("text", ["can I run it locally?", "как воспроизвести это локально?", "怎么在本地复现？",
                                  "로컬에서 재현하려면요?"])
def test_running_it_on_one_s_machine_is_still_the_local_aspect(text: str) -> None:
    assert read_turn(text, True, DOCKER).aspect == "local"


IMAGE_ENTRIES = {entry["id"]: entry for entry in (
    make_entry("build-debug-image", "how-to", "Build an image with the debugger in it", ("pull-image",), DOCKER),
    make_entry("pull-image", "how-to", "Download the image from the registry", (), DOCKER),
    make_entry("debug-on-my-machine", "how-to", "Debug locally with a local web service", (), DOCKER),
)}


def test_fetching_the_image_to_one_s_machine_is_answered_by_the_download_entry() -> None:
    state = State(entry="build-debug-image", family=DOCKER, topic="build-debug-image")
    matched = ranked_result(("pull-image", 100.0), ("debug-on-my-machine", 100.0))
    turn, shown = answer("как вытащить этот образ из ACR себе локально", state, matched, FakeKnowledge(IMAGE_ENTRIES))
    assert (turn, shown) == (TurnKind.FOLLOW_UP, "pull-image")

"""Follow-ups into a walk-through of how-tos (own wording, a small knowledge of its own): entered at its overview when two
of its steps match alike, and a detail of doing something asked of the how-to that says how, not of the problem shown."""
from __future__ import annotations

from app.dialogue.policy import Show, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

FAMILY = "docker-aci-aks"
ENTRIES = {
    "model-missing": {"id": "model-missing", "family": FAMILY, "kind": "symptom",
                      "content": {"en": {"title": "init() cannot find the registered model"}}, "related": ["local-run"],
                      "commands": []},
    "local-run": {"id": "local-run", "family": FAMILY, "kind": "how-to",
                  "content": {"en": {"title": "Run the web service locally"}}, "related": ["model-missing"], "commands": []},
    "debug-overview": {"id": "debug-overview", "family": FAMILY, "kind": "how-to",
                       "content": {"en": {"title": "Debug the container with an IDE: overview"}},
                       "related": ["ide-setup", "debug-image", "run-debug-image", "stop-debug-image"], "commands": []},
    "run-debug-image": {"id": "run-debug-image", "family": FAMILY, "kind": "how-to",
                        "content": {"en": {"title": "Start the debug image and attach the IDE"}},
                        "related": ["debug-overview", "stop-debug-image"], "commands": []},
    "ide-setup": {"id": "ide-setup", "family": FAMILY, "kind": "how-to",
                  "content": {"en": {"title": "Set up the IDE for remote debugging"}}, "related": ["debug-overview"],
                  "commands": []},
    "debug-image": {"id": "debug-image", "family": FAMILY, "kind": "how-to",
                    "content": {"en": {"title": "Build a debug image"}}, "related": ["debug-overview"], "commands": []},
    "stop-debug-image": {"id": "stop-debug-image", "family": FAMILY, "kind": "how-to",
                         "content": {"en": {"title": "Stop the debug container"}}, "related": ["run-debug-image"],
                         "commands": []},
}
KNOWLEDGE = FakeKnowledge(ENTRIES)


def shown(first: str) -> State:
    reading = read_turn("the service cannot load its model on start", in_conversation=False)
    return resolve(reading, State(), result((first, 100.0)), KNOWLEDGE).state


def test_two_steps_matched_alike_enter_the_walk_through_at_its_overview():
    state = shown("model-missing")
    reading = read_turn("I would like to pause inside init() line by line, how would I hook my editor's debugger onto that running container?", True)
    ranked = result(("run-debug-image", 71.0), ("debug-overview", 69.0), ("ide-setup", 52.0))
    resolution = resolve(reading, state, ranked, KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "debug-overview"


def test_a_step_matched_clearly_ahead_of_the_overview_is_still_that_step():
    state = shown("model-missing")
    reading = read_turn("I would like to pause inside init() line by line, how would I hook my editor's debugger onto that running container?", True)
    ranked = result(("run-debug-image", 88.0), ("debug-overview", 61.0))
    resolution = resolve(reading, state, ranked, KNOWLEDGE)
    assert resolution.matches[0].id == "run-debug-image"


def test_a_related_step_of_the_card_shown_keeps_its_place_in_a_tie():
    state = shown("debug-image")
    reading = read_turn("and once it is built, how do I start it with the debugger attached?", True)
    ranked = result(("run-debug-image", 70.0), ("debug-overview", 70.0))
    resolution = resolve(reading, state, ranked, KNOWLEDGE)
    assert resolution.matches[0].id in {"debug-overview", "run-debug-image"}
    assert resolution.turn is TurnKind.FOLLOW_UP


def test_a_detail_of_doing_something_is_asked_of_the_how_to_that_says_how():
    state = shown("model-missing")
    reading = read_turn("could I pause inside init() with a debugger to see which folder it's looking in?", True)
    assert reading.aspect == "detail"
    ranked = result(("debug-overview", 80.0), ("model-missing", 40.0))
    resolution = resolve(reading, state, ranked, KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "debug-overview"


def test_a_detail_of_the_problem_itself_stays_with_the_card():
    state = shown("model-missing")
    reading = read_turn("which folder is it looking in exactly?", True)
    ranked = result(("model-missing", 45.0), ("local-run", 40.0))
    resolution = resolve(reading, state, ranked, KNOWLEDGE)
    assert resolution.matches[0].id == "model-missing"


def test_asking_whether_the_assistant_speaks_a_language_before_anything_is_shown_is_about_the_assistant():
    reading = read_turn("hey, do you speak Korean?", in_conversation=False)
    resolution = resolve(reading, State(), None, KNOWLEDGE)
    assert resolution.turn is TurnKind.SMALL_TALK and resolution.show == Show.SMALL_TALK
    assert resolution.small_talk == "meta" and resolution.lang == "ko" and resolution.state.asked_lang == "ko"


def test_a_language_asked_after_an_answer_still_re_renders_it():
    state = shown("model-missing")
    resolution = resolve(read_turn("can you say that in Korean?", True), state, None, KNOWLEDGE)
    assert resolution.turn is TurnKind.LANGUAGE and resolution.matches[0].id == "model-missing"


def test_a_how_to_of_another_family_never_wins_the_tie_for_its_longer_walk_through():
    knowledge = FakeKnowledge({**ENTRIES, "missing-env": {
        "id": "missing-env", "family": "batch-endpoints", "kind": "symptom",
        "content": {"en": {"title": "Batch deployment misses code or environment"}}, "related": [], "commands": []},
        "write-logs": {"id": "write-logs", "family": "batch-endpoints", "kind": "how-to",
                       "content": {"en": {"title": "Log from the batch scoring script"}}, "related": [], "commands": []}})
    state = resolve(read_turn("the batch deployment says code and environment are missing", False), State(),
                    result(("missing-env", 100.0)), knowledge).state
    reading = read_turn("what should a batch scoring script return, and how would I write my own log lines from inside the scoring function?",
                        True)
    resolution = resolve(reading, state, result(("debug-overview", 58.0), ("write-logs", 48.0)), knowledge)
    assert resolution.matches[0].id == "write-logs"

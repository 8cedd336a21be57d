"""What the dialogue answers, given the state and a match result: on a small knowledge of its own."""
from __future__ import annotations

from typing import ClassVar

import pytest

from app.dialogue.policy import Show, context_query, in_conversation, opened, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.matching.extract import http_statuses
from app.matching.matcher import Match, MatchResult
from app.matching.normalize import normalize
from tests.dialogue.policy_fakes import FakeKnowledge
from tests.dialogue.policy_fakes import ranked_result as result

ENTRIES = {
    "crash": {"id": "crash", "family": "managed-online-endpoints", "kind": "error-code",
              "content": {"en": {"title": "ERR_2200: user container crashed"}},
              "related": ["logs", "local", "aks-crash"], "commands": [{"generation": "cli-v2"}]},
    "logs": {"id": "logs", "family": "managed-online-endpoints", "kind": "how-to",
             "content": {"en": {"title": "Get container logs"}}, "related": ["crash"], "commands": []},
    "local": {"id": "local", "family": "managed-online-endpoints", "kind": "how-to",
              "content": {"en": {"title": "Deploy locally"}}, "related": [], "commands": []},
    "aks-crash": {"id": "aks-crash", "family": "docker-aci-aks", "kind": "symptom",
                  "content": {"en": {"title": "CrashLoopBackOff"}}, "related": [], "commands": []},
    "aks-schedule": {"id": "aks-schedule", "family": "docker-aci-aks", "kind": "symptom",
                     "content": {"en": {"title": "AKS: container cannot be scheduled"}}, "related": [],
                     "commands": []},
    "quota": {"id": "quota", "family": "managed-online-endpoints", "kind": "error-code",
              "content": {"en": {"title": "ERR_1100"}}, "related": [], "commands": []},
    "batch-logs": {"id": "batch-logs", "family": "batch-endpoints", "kind": "how-to",
                   "content": {"en": {"title": "Get the logs of a batch job"}}, "related": [], "commands": []},
    "batch-failed": {"id": "batch-failed", "family": "batch-endpoints", "kind": "symptom",
                     "content": {"en": {"title": "Batch job failed"}}, "related": [], "commands": []},
    "build-failed": {"id": "build-failed", "family": "managed-online-endpoints", "kind": "error-code",
                     "content": {"en": {"title": "ImageBuildFailure: the image build failed"}}, "related": [],
                     "commands": []},
    "debugger": {"id": "debugger", "family": "managed-online-endpoints", "kind": "how-to",
                 "content": {"en": {"title": "Attach VS Code to the container"}}, "related": [], "commands": []},
}


KNOWLEDGE = FakeKnowledge(ENTRIES)


def after_crash() -> State:
    reading = read_turn("ERR_2200 user container crashed", in_conversation=False)
    return resolve(reading, State(), result(("crash", 100.0), ("quota", 60.0)), KNOWLEDGE).state


def test_a_new_topic_remembers_its_entry_family_and_runners_up():
    state = after_crash()
    assert (state.entry, state.family, state.generation, state.topic) == \
        ("crash", "managed-online-endpoints", "cli-v2", "crash")
    assert state.candidates == ("quota",) and state.shown == ("crash",)


def test_a_follow_up_prefers_the_related_entry_over_a_closer_worded_stranger():
    state = after_crash()
    reading = read_turn("how do I see its logs?", in_conversation=True)
    # the stranger scores higher on words alone, but is of another family and not related
    resolution = resolve(reading, state, result(("aks-schedule", 70.0), ("logs", 40.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "logs"
    assert resolution.matches[0].reasons[0]["type"] == "context"


def test_a_follow_up_is_matched_with_the_conversations_family():
    state = after_crash()
    query = context_query("где посмотреть логи?", read_turn("где посмотреть логи?", True), state, KNOWLEDGE)
    assert query is not None and "managed online endpoint" in query


def test_asking_for_the_command_shows_the_entry_again_without_matching():
    state = after_crash()
    reading = read_turn("what's the command for that?", in_conversation=True)
    assert context_query("what's the command for that?", reading, state, KNOWLEDGE) is None
    assert resolve(reading, state, None, KNOWLEDGE).matches[0].id == "crash"


def test_the_same_problem_in_another_family_comes_from_the_related_entries():
    state = after_crash()
    resolution = resolve(read_turn("same on AKS?", True), state, result(("aks-schedule", 90.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "aks-crash"


def test_a_paste_whose_own_evidence_points_elsewhere_is_a_new_topic():
    state = after_crash()
    reading = read_turn("and this? QuotaExceeded on my deployment", in_conversation=True)
    outside = result(("quota", 95.0), reasons=[{"type": "signature", "value": "QuotaExceeded"}])
    resolution = resolve(reading, state, outside, KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.matches[0].id == "quota"


def test_that_did_not_help_rejects_the_entry_and_offers_the_topic_only():
    state = after_crash()
    resolution = resolve(read_turn("that didn't help", True), state, None, KNOWLEDGE)
    assert resolution.turn is TurnKind.FEEDBACK and resolution.reject == "crash"
    offered = [m.id for m in resolution.matches]
    assert offered == ["quota", "logs", "local"]  # runner-up first, then related not yet shown
    assert "crash" not in offered and "aks-schedule" not in offered


def test_when_nothing_is_left_it_says_so():
    state = after_crash()
    for _ in range(4):
        resolution = resolve(read_turn("still failing", True), state, None, KNOWLEDGE)
        state = resolution.state
    assert resolution.show == Show.NOTHING_LEFT and resolution.matches == []


def test_feedback_on_a_picked_alternative_rejects_that_one():
    state = after_crash()
    state = resolve(read_turn("that didn't help", True), state, None, KNOWLEDGE).state
    state = opened(state, "logs", KNOWLEDGE)
    resolution = resolve(read_turn("nope, not it either", True), state, None, KNOWLEDGE)
    assert resolution.reject == "logs"
    assert {"crash", "logs"} <= set(resolution.state.rejected)


def test_a_language_request_re_renders_the_last_answer():
    state = after_crash()
    resolution = resolve(read_turn("in Korean please", True), state, None, KNOWLEDGE)
    assert resolution.turn is TurnKind.LANGUAGE and resolution.lang == "ko"
    assert resolution.matches[0].id == "crash" and resolution.state.asked_lang == "ko"


def test_a_language_request_with_nothing_shown_says_what_to_paste():
    resolution = resolve(read_turn("по-русски", False), State(), None, KNOWLEDGE)
    assert resolution.show == Show.NO_CONTEXT and resolution.lang == "ru"


def test_small_talk_keeps_the_conversation():
    state = after_crash()
    resolution = resolve(read_turn("thanks!", True), state, None, KNOWLEDGE)
    assert resolution.show == Show.SMALL_TALK and resolution.state == state


def test_a_question_that_does_not_refer_back_continues_the_topic_when_it_matches_it():
    state = after_crash()
    reading = read_turn("how do I make the liveness probe wait longer before the container starts", in_conversation=True)
    assert reading.tentative
    resolution = resolve(reading, state, result(("crash", 80.0), ("quota", 78.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_question_that_matches_something_else_is_a_new_topic():
    state = after_crash()
    reading = read_turn("my deployment ran out of cores in the region", in_conversation=True)
    resolution = resolve(reading, state, result(("quota", 90.0), ("logs", 40.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.matches[0].id == "quota"
    assert resolution.state.topic == "quota"


def test_a_question_that_matches_nothing_is_a_new_topic_without_an_answer():
    state = after_crash()
    reading = read_turn("my coffee machine is broken again today", in_conversation=True)
    resolution = resolve(reading, state, result(("aks-schedule", 5.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.show == Show.NO_MATCH


def test_a_question_in_the_conversation_is_a_follow_up_even_when_its_answer_is_elsewhere():
    state = after_crash()
    reading = read_turn("and how would I raise the cores limit?", in_conversation=True)
    resolution = resolve(reading, state, result(("quota", 90.0), ("logs", 40.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "quota"


def test_a_statement_with_its_own_evidence_elsewhere_is_a_new_topic_even_near_the_topic():
    state = after_crash()
    reading = read_turn("full message: the deployment is unavailable right now", in_conversation=True)
    evidence = result(("logs", 90.0), reasons=[{"type": "signature", "value": "logs unavailable"}])
    assert resolve(reading, state, evidence, KNOWLEDGE).turn is TurnKind.NEW_TOPIC


def test_after_that_did_not_help_a_follow_up_refers_to_the_topics_product():
    state = resolve(read_turn("that didn't help", True), after_crash(), None, KNOWLEDGE).state
    assert state.entry is None and in_conversation(state)
    reading = read_turn("where are the logs then?", in_conversation=in_conversation(state), family=state.family)
    assert reading.kind is TurnKind.FOLLOW_UP
    query = context_query("where are the logs then?", reading, state, KNOWLEDGE)
    assert query is not None and "managed online endpoint" in query
    resolution = resolve(reading, state, result(("logs", 60.0), ("aks-schedule", 70.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "logs"


def test_when_nothing_is_left_a_language_request_still_re_renders_the_last_answer():
    state = after_crash()
    for _ in range(4):
        state = resolve(read_turn("still failing", True), state, None, KNOWLEDGE).state
    resolution = resolve(read_turn("in Korean please", True), state, None, KNOWLEDGE)
    assert resolution.turn is TurnKind.LANGUAGE and resolution.matches


def test_a_question_nothing_answers_keeps_the_conversations_topic():
    state = after_crash()
    reading = read_turn("my coffee machine is broken again today", in_conversation=True)
    resolution = resolve(reading, state, result(("aks-schedule", 5.0)), KNOWLEDGE)
    assert resolution.show == Show.NO_MATCH and resolution.state.entry == "crash"


def test_asking_for_the_logs_prefers_the_entry_about_logs_over_a_related_one():
    state = after_crash()
    reading = read_turn("how do I see its logs?", in_conversation=True)
    resolution = resolve(reading, state, result(("local", 60.0), ("logs", 55.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "logs"


def test_a_detail_of_the_problem_is_answered_by_the_entry_shown_over_a_closer_worded_neighbour():
    state = after_crash()
    reading = read_turn("which setting do I change for that?", in_conversation=True)
    assert context_query("which setting do I change for that?", reading, state, KNOWLEDGE) == \
        "which setting do I change for that?"  # the user's own words: the product is the conversation's to add
    resolution = resolve(reading, state, result(("quota", 70.0), ("crash", 30.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_detail_the_entry_shown_does_not_match_at_all_is_still_its_own():
    state = after_crash()
    resolution = resolve(read_turn("какие права нужны?", True), state, result(("quota", 40.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_detail_another_entry_of_the_conversation_answers_far_better_is_that_entry():
    state = after_crash()
    resolution = resolve(read_turn("what's the max number of cores?", True), state,
                         result(("quota", 100.0), ("crash", 20.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "quota"


def test_a_follow_up_whose_own_answer_lies_far_outside_the_conversation_is_a_new_topic():
    state = after_crash()
    reading = read_turn("and how do I make the pods for that fit on my cluster nodes?", in_conversation=True)
    resolution = resolve(reading, state, result(("aks-schedule", 90.0), ("logs", 20.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.matches[0].id == "aks-schedule"


def test_a_longer_follow_up_nothing_answers_is_a_new_topic_not_the_card_again():
    state = after_crash()
    reading = read_turn("and then how would I set up nightly retraining with a pipeline?", in_conversation=True)
    resolution = resolve(reading, state, result(("quota", 8.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.show == Show.NO_MATCH


def test_a_short_follow_up_nothing_answers_shows_the_entry_again():
    state = after_crash()
    resolution = resolve(read_turn("and then?", True), state, result(("quota", 8.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_feedback_that_brings_evidence_of_another_problem_is_a_new_topic():
    state = after_crash()
    text = "tried that but now the scheduler says 0/3 nodes are available for the pod"
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is TurnKind.FEEDBACK and context_query(text, reading, state, KNOWLEDGE) == text
    evidence = result(("aks-schedule", 90.0), reasons=[{"type": "signature", "value": "nodes are available"}])
    resolution = resolve(reading, state, evidence, KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.matches[0].id == "aks-schedule"


def test_feedback_whose_evidence_is_the_problem_already_shown_stays_feedback():
    state = after_crash()
    text = "did all of that and the user container still crashed, same message as before"
    evidence = result(("crash", 100.0), reasons=[{"type": "signature", "value": "user container crashed"}])
    resolution = resolve(read_turn(text, True), state, evidence, KNOWLEDGE)
    assert resolution.turn is TurnKind.FEEDBACK and resolution.reject == "crash"


def test_short_feedback_needs_no_match():
    state = after_crash()
    assert context_query("no luck", read_turn("no luck", True), state, KNOWLEDGE) is None


def test_a_detail_question_about_another_product_entirely_is_a_new_topic():
    state = after_crash()
    resolution = resolve(read_turn("which setting makes the pods fit on the nodes?", True), state,
                         result(("aks-schedule", 95.0), ("crash", 10.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.matches[0].id == "aks-schedule"


def test_a_question_that_does_not_refer_back_prefers_the_conversations_product_among_its_sure_answers():
    state = after_crash()
    reading = read_turn("how do I redeploy after editing the scoring script", in_conversation=True)
    assert reading.tentative and reading.question
    resolution = resolve(reading, state, result(("aks-schedule", 80.0), ("quota", 75.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "quota"


def test_after_alternatives_a_pick_by_position_opens_that_entry_in_any_language():
    offered = resolve(read_turn("that didn't help", True), after_crash(), None, KNOWLEDGE).state
    assert offered.last == ("quota", "logs", "local")
    for text in ("the second one", "두 번째요", "第二个", "второй вариант"):
        reading = read_turn(text, in_conversation=in_conversation(offered), family=offered.family)
        resolution = resolve(reading, offered, result(("aks-schedule", 60.0)), KNOWLEDGE)
        assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "logs"
        assert resolution.state.entry == "logs"


def test_a_position_means_nothing_when_no_choice_was_offered():
    state = after_crash()
    resolution = resolve(read_turn("the second one", True), state, result(("quota", 90.0)), KNOWLEDGE)
    assert resolution.matches[0].id != "logs"


def test_a_long_report_that_it_still_fails_the_same_way_is_feedback_on_the_answer():
    state = after_crash()
    text = ("I went through every step on that page, gave the identity the role, waited half an hour, redeployed "
            "twice and the user container still crashed right after start with the same message as before")
    reading = read_turn(text, in_conversation=True)
    assert reading.kind is not TurnKind.FEEDBACK and reading.feedback_cue  # too long to be sure from words alone
    resolution = resolve(reading, state, result(("crash", 95.0), ("quota", 40.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FEEDBACK and resolution.reject == "crash"


def test_another_product_named_while_a_how_to_about_logs_is_shown_asks_for_that_products_logs():
    state = opened(after_crash(), "logs", KNOWLEDGE)
    reading = read_turn("what about batch?", in_conversation=True, family=state.family)
    query = context_query("what about batch?", reading, state, KNOWLEDGE)
    assert query is not None and "logs" in query and "batch endpoint" in query
    resolution = resolve(reading, state, result(("batch-failed", 70.0), ("batch-logs", 60.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "batch-logs"


def test_asking_for_more_shows_the_entry_again_without_matching():
    state = after_crash()
    reading = read_turn("подробнее, пожалуйста", in_conversation=True)
    assert context_query("подробнее, пожалуйста", reading, state, KNOWLEDGE) is None
    assert resolve(reading, state, None, KNOWLEDGE).matches[0].id == "crash"


class WiderKnowledge(FakeKnowledge):
    """The small knowledge plus entries about image builds and writing logs, and texts to name things by."""

    EXTRA: ClassVar[dict[str, dict]] = {
        "build-fail": {"id": "build-fail", "family": "managed-online-endpoints", "kind": "error-code",
                       "content": {"en": {"title": "ImageBuildFailure: the image build failed",
                                          "steps": ["Open the image build log in the storage account"]}},
                       "related": ["logs"], "commands": []},
        "batch-write": {"id": "batch-write", "family": "batch-endpoints", "kind": "how-to",
                        "content": {"en": {"title": "Log from a batch scoring script"}}, "related": [], "commands": []},
        "crash": {**ENTRIES["crash"], "content": {"en": {"title": "ERR_2200: user container crashed",
                                                         "cause": "The liveness probe failed"}}},
        "logs": {**ENTRIES["logs"], "aliases": {"en": ["storage initializer logs"]}},
    }

    def entry(self, entry_id):
        return self.EXTRA.get(entry_id) or self.entries.get(entry_id)


WIDER = WiderKnowledge(ENTRIES)


def shown(entry_id: str, opening: str, knowledge=WIDER) -> State:
    return resolve(read_turn(opening, False), State(), result((entry_id, 100.0)), knowledge).state


def test_asking_for_the_build_log_keeps_the_entry_about_the_failed_build_over_the_container_logs():
    state = shown("build-fail", "ImageBuildFailure on my online deployment")
    reading = read_turn("where's the image build log?", True)
    assert reading.aspect == "build_logs"
    assert "image build log" in context_query("where's the image build log?", reading, state, WIDER)
    resolution = resolve(reading, state, result(("logs", 60.0), ("build-fail", 50.0)), WIDER)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "build-fail"


def test_asking_how_to_write_logs_prefers_the_entry_about_logging_over_getting_them():
    state = shown("batch-failed", "my batch job failed")
    reading = read_turn("how do I write my own log lines from the scoring script?", True)
    resolution = resolve(reading, state, result(("batch-logs", 60.0), ("batch-write", 55.0)), WIDER)
    assert resolution.matches[0].id == "batch-write"


def test_something_named_by_its_words_is_the_entry_shown_when_it_says_it_else_the_related_one_that_does():
    state = opened(shown("crash", "ERR_2200 user container crashed"), "logs", WIDER)
    own_words = result(("quota", 80.0))  # the message's own words point elsewhere
    resolution = resolve(read_turn("and the storage initializer one?", True), state, own_words, WIDER)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "logs"
    resolution = resolve(read_turn("and the liveness one?", True), state, own_words, WIDER)
    assert resolution.matches[0].id == "crash"


def test_a_question_about_a_product_the_knowledge_does_not_cover_is_a_new_topic():
    from app.matching.neighbours import TOPICS
    reading = read_turn("and where do I set the idle shutdown of a compute instance?", True)
    outside = MatchResult(matches=[], query_lang="en", codes=[], http_statuses=[], ambiguous=False, truncated=False,
                          out_of_scope=next(topic for topic in TOPICS if topic.id == "compute-instance"), candidates=[])
    resolution = resolve(reading, after_crash(), outside, KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.show == Show.NO_MATCH


def test_a_short_question_whose_only_answer_is_in_another_family_asks_about_the_entry_shown():
    resolution = resolve(read_turn("and the formula?", True), after_crash(), result(("aks-schedule", 60.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_question_with_a_code_beyond_the_conversation_opens_a_topic_unless_it_compares():
    status = result(("quota", 90.0), reasons=[{"type": "status", "value": 429}])
    reading = read_turn("what about the 429 rate limiting error then?", True)
    assert resolve(reading, after_crash(), status, KNOWLEDGE).turn is TurnKind.NEW_TOPIC
    reading = read_turn("is the HTTP 429 the same problem?", True)
    assert resolve(reading, after_crash(), status, KNOWLEDGE).turn is TurnKind.FOLLOW_UP


def test_feedback_that_repeats_the_topics_own_status_stays_feedback():
    state = shown("crash", "my endpoint returns 424 when I call it")
    reading = read_turn("local deploy works, only the cloud one throws 424, so that didn't really help", True)
    assert reading.kind is TurnKind.FEEDBACK
    repeated = result(("quota", 80.0), reasons=[{"type": "status", "value": 424}])
    resolution = resolve(reading, state, repeated, WIDER)
    assert resolution.turn is TurnKind.FEEDBACK and resolution.reject == "crash"


def unanswered_batch_failure() -> State:
    reading = read_turn("my batch job died: user program failed", False)
    resolution = resolve(reading, State(), result(("batch-failed", 35.0)), KNOWLEDGE)  # nothing sure enough
    assert resolution.show == Show.NO_MATCH and in_conversation(resolution.state)
    return resolution.state


def test_a_follow_up_after_an_unanswered_message_is_read_with_it_and_answered_within_its_problem():
    state = unanswered_batch_failure()
    reading = read_turn("where are the logs for that?", in_conversation(state), state.family)
    query = context_query("where are the logs for that?", reading, state, KNOWLEDGE)
    assert query.startswith("my batch job died") and "where are the logs for that?" in query
    together = result(("batch-failed", 38.0), ("batch-logs", 36.0), ("logs", 33.0))
    resolution = resolve(reading, state, together, KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "batch-logs"
    assert resolution.state.topic == "batch-failed"


def test_a_message_of_its_own_after_an_unanswered_one_is_judged_alone():
    state = unanswered_batch_failure()
    reading = read_turn("separately, my online deployment is out of quota for the cores I asked", True, state.family)
    resolution = resolve(reading, state, result(("quota", 90.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.matches[0].id == "quota"


def test_a_detail_asked_in_words_a_neighbour_shares_a_little_better_is_still_the_entry_shown():
    state = after_crash()
    resolution = resolve(read_turn("which role is missing?", True), state, result(("quota", 60.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "crash"


def test_the_same_problem_in_another_family_prefers_the_entry_that_links_back():
    ENTRIES["aks-schedule-linked"] = {"id": "aks-schedule-linked", "family": "docker-aci-aks", "kind": "symptom",
                                      "content": {"en": {"title": "Pods pending"}}, "related": ["quota"],
                                      "commands": []}
    try:
        state = resolve(read_turn("ERR_1100 on my deployment", False), State(), result(("quota", 100.0)),
                        KNOWLEDGE).state
        resolution = resolve(read_turn("and on AKS?", True), state,
                             result(("aks-schedule", 70.0), ("aks-schedule-linked", 60.0)), KNOWLEDGE)
        assert resolution.matches[0].id == "aks-schedule-linked"
    finally:
        del ENTRIES["aks-schedule-linked"]


class StatusKnowledge(WiderKnowledge):
    """The wider knowledge plus two gateway statuses of the old web services, one listing the other."""

    EXTRA: ClassVar[dict[str, dict]] = {
        **WiderKnowledge.EXTRA,
        "gateway-503": {"id": "gateway-503", "family": "docker-aci-aks", "kind": "http-status",
                        "content": {"en": {"title": "HTTP 503: service unavailable"}}, "related": ["gateway-504"],
                        "commands": []},
        "gateway-504": {"id": "gateway-504", "family": "docker-aci-aks", "kind": "http-status",
                        "content": {"en": {"title": "HTTP 504: gateway timeout"}}, "related": ["gateway-503"],
                        "commands": []},
    }


STATUSES = StatusKnowledge(ENTRIES)


def test_a_bare_number_asked_about_in_a_conversation_about_a_status_is_read_as_a_status():
    state = shown("gateway-503", "my web service answers 503", STATUSES)
    reading = read_turn("and is 504 the same?", True, state.family)
    assert "HTTP 504" in context_query("and is 504 the same?", reading, state, STATUSES)
    elsewhere = shown("crash", "ERR_2200 user container crashed", STATUSES)
    assert "HTTP" not in context_query("and 500 rows?", read_turn("and 500 rows?", True), elsewhere, STATUSES)


def test_a_code_the_topic_lists_is_asked_about_even_after_another_card():
    state = opened(shown("gateway-503", "my web service answers 503", STATUSES), "aks-schedule", STATUSES)
    reading = read_turn("is HTTP 504 the same thing?", True, state.family)
    status = result(("gateway-504", 70.0), reasons=[{"type": "status", "value": 504}])
    resolution = resolve(reading, state, status, STATUSES)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "gateway-504"


def test_a_short_question_nothing_answers_surely_asks_about_the_entry_shown():
    reading = read_turn("where do I ask for more?", True)
    assert reading.tentative
    resolution = resolve(reading, after_crash(), result(("aks-schedule", 25.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_faint_guess_of_the_family_is_not_an_answer_the_entry_shown_is():
    reading = read_turn("how do I check that?", True)
    resolution = resolve(reading, after_crash(), result(("quota", 25.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "crash"
    # a related entry the words match better than the card is a fair guess
    resolution = resolve(read_turn("and how do I see what it printed?", True), after_crash(),
                         result(("local", 25.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "local"


def test_asking_whether_it_would_be_the_same_elsewhere_in_the_family_is_about_the_entry_shown():
    state = shown("gateway-503", "my web service answers 503", STATUSES)
    reading = read_turn("would it be the same on ACI?", True, state.family)
    resolution = resolve(reading, state, result(("gateway-504", 35.0)), STATUSES)
    assert resolution.matches[0].id == "gateway-503"


def test_something_named_that_the_card_only_mentions_is_the_entry_about_it():
    state = shown("gateway-503", "my web service answers 503", STATUSES)
    reading = read_turn("and the timeout one?", True, state.family)
    STATUSES.EXTRA["gateway-503"]["content"]["en"]["cause"] = "often a timeout upstream"
    try:
        resolution = resolve(reading, state, result(("gateway-504", 90.0), ("gateway-503", 40.0)), STATUSES)
        assert resolution.matches[0].id == "gateway-504"
    finally:
        del STATUSES.EXTRA["gateway-503"]["content"]["en"]["cause"]


def test_a_follow_up_whose_words_match_the_card_shown_far_best_stays_on_it():
    state = after_crash()
    reading = read_turn("and how do I pass the input to it, then?", True)
    resolution = resolve(reading, state, result(("crash", 80.0), ("logs", 55.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "crash"


def test_naming_the_conversations_own_family_beside_another_is_no_switch():
    state = after_crash()
    reading = read_turn("does the attached AKS of my online endpoint have room for this instance type?", True,
                        state.family)
    assert context_query(reading.text, reading, state, KNOWLEDGE) == reading.text


def test_a_position_picks_among_the_answers_shown_beside_the_card():
    resolution = resolve(read_turn("the second one", True), after_crash(), result(("aks-schedule", 20.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "quota"


@pytest.mark.parametrize("text", ["in more detail, in Korean please", "한국어로, 원인도 같이", "на корейском, отправлю в поддержку"])
def test_a_language_request_that_also_asks_for_the_answer_shown_again_is_a_language_request(text):
    resolution = resolve(read_turn(text, True), after_crash(), None, KNOWLEDGE)
    assert resolution.turn is TurnKind.LANGUAGE and resolution.lang == "ko" and resolution.matches[0].id == "crash"


def test_an_ordinal_word_in_a_question_about_an_aspect_picks_nothing():
    resolution = resolve(read_turn("can I run it locally first?", True), after_crash(), result(("local", 70.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "local"



def test_a_count_or_a_size_is_not_read_as_a_status():
    state = shown("gateway-503", "my web service answers 503", STATUSES)
    for text in ("we send 400 requests per second", "the payload is 500 rows", "latency is 200 ms"):
        assert "HTTP" not in context_query(text, read_turn(text, True, state.family), state, STATUSES)


@pytest.mark.parametrize("text", ["is it per region?", "리전별인가요?", "是按区域算的吗", "это на регион или на подписку?"])
def test_a_short_yes_or_no_question_stays_with_the_problem_shown_whatever_its_words_match(text):
    resolution = resolve(read_turn(text, True, "managed-online-endpoints"), after_crash(),
                         result(("build-failed", 80.0), ("crash", 5.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_short_yes_or_no_question_may_still_ask_for_a_how_to():
    resolution = resolve(read_turn("can I attach VS Code to it?", True, "managed-online-endpoints"), after_crash(),
                         result(("debugger", 80.0), ("crash", 5.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "debugger"


def test_a_question_naming_a_suspected_cause_may_lead_to_that_problem():
    resolution = resolve(read_turn("is it because of the image build?", True, "managed-online-endpoints"), after_crash(),
                         result(("build-failed", 80.0), ("crash", 5.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "build-failed"


def test_a_detail_matched_only_by_a_stranger_is_asked_about_the_problem_shown():
    resolution = resolve(read_turn("which role do I need?", True, "managed-online-endpoints"), after_crash(),
                         result(("build-failed", 90.0), ("crash", 0.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "crash"


@pytest.mark.parametrize("text", ["and at build time?", "빌드할 때는요?", "а при сборке образа?", "构建镜像时呢"])
def test_naming_the_build_stage_asks_for_the_build_problem_of_the_same_product(text):
    state = after_crash()
    reading = read_turn(text, True, state.family)
    query = context_query(text, reading, state, KNOWLEDGE)
    assert query is not None and "image build" in query and "managed online endpoint" in query
    resolution = resolve(reading, state, result(("aks-crash", 70.0), ("build-failed", 40.0), ("crash", 30.0)),
                         KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "build-failed"


@pytest.mark.parametrize("text", ["my endpoint call gives 408 now", "호출하면 408 뜸", "опять 503 при вызове"])
def test_an_error_status_said_by_its_number_alone_is_matched_as_a_status(text):
    reading = read_turn(text, in_conversation=False)
    assert http_statuses(normalize(context_query(text, reading, State(), KNOWLEDGE) or ""))


def test_kubernetes_shorthand_names_the_aks_family():
    state = after_crash()
    reading = read_turn("and on k8s?", True, state.family)
    resolution = resolve(reading, state, result(("aks-crash", 40.0)), KNOWLEDGE)
    assert resolution.matches[0].id == "aks-crash"


def test_a_question_its_words_answer_only_faintly_with_the_topics_runner_up_gets_that_runner_up():
    state = after_crash()  # the topic's runner-up is the quota entry
    reading = read_turn("how do I ask for a bigger allowance", in_conversation=True)
    resolution = resolve(reading, state, result(("quota", 22.0), ("aks-schedule", 18.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "quota"


def test_feedback_that_says_the_outcome_is_the_same_stays_feedback_whatever_its_words_match():
    state = after_crash()
    reading = read_turn("granted the Storage Blob reader role, same result", in_conversation=True)
    evidence = [{"type": "pattern", "value": "storage blob"}]
    resolution = resolve(reading, state, result(("aks-schedule", 90.0), reasons=evidence), KNOWLEDGE)
    assert resolution.turn is TurnKind.FEEDBACK and resolution.reject == "crash"


def test_switching_family_after_a_code_looks_for_what_the_code_meant_there():
    state = after_crash()
    reading = read_turn("what about on AKS?", in_conversation=True)
    query = context_query("what about on AKS?", reading, state, KNOWLEDGE)
    assert query is not None and "crashed" in query and "2200" not in query


def neighbouring(topic_id: str, *ranked: tuple[str, float]) -> MatchResult:
    """The matcher's answer for a message it placed in a neighbouring area: nothing sure, its guesses discounted."""
    from app.matching.neighbours import TOPICS
    topic = next(topic for topic in TOPICS if topic.id == topic_id)
    guesses = [Match(entry_id, score, [{"type": "alias"}]) for entry_id, score in ranked]
    return MatchResult(matches=[], query_lang="en", codes=[], http_statuses=[], ambiguous=False, truncated=False,
                       out_of_scope=topic, candidates=guesses)


def test_a_short_question_placed_in_a_neighbouring_area_by_shared_words_stays_with_the_deployment():
    reading = read_turn("would a smaller conda environment help?", True)
    resolution = resolve(reading, after_crash(), neighbouring("environment-build", ("quota", 12.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "crash"


def test_a_statement_naming_a_neighbouring_area_outright_opens_a_topic_even_when_a_guess_is_near():
    reading = read_turn("the compute instance hangs in Creating", True)
    resolution = resolve(reading, after_crash(), neighbouring("compute-instance", ("logs", 20.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.NEW_TOPIC and resolution.show == Show.NO_MATCH


def test_a_question_asked_on_after_an_unanswered_message_is_a_follow_up_unless_it_names_its_own_error():
    state = unanswered_batch_failure()
    reading = read_turn("how do I keep the changes I make inside the container?", True, state.family)
    resolution = resolve(reading, state, result(("debugger", 70.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "debugger"
    assert resolution.state.topic == "debugger"
    reading = read_turn("how do I get past ERR_1100 on the online deployment?", True, state.family)
    own = result(("quota", 95.0), reasons=[{"type": "code", "value": "ERR_1100"}])
    assert resolve(reading, state, own, KNOWLEDGE).turn is TurnKind.NEW_TOPIC


def test_the_next_step_of_a_walk_through_is_the_related_how_to_its_few_shared_words_point_at():
    ENTRIES["debug-image"] = {"id": "debug-image", "family": "docker-aci-aks", "kind": "how-to",
                              "content": {"en": {"title": "Download the debug image"}}, "related": ["run-attach"],
                              "commands": []}
    ENTRIES["run-attach"] = {"id": "run-attach", "family": "docker-aci-aks", "kind": "how-to",
                             "content": {"en": {"title": "Run the image and attach the debugger"}}, "related": [],
                             "commands": []}
    try:
        state = shown("debug-image", "how do I download the debug image?", KNOWLEDGE)
        reading = read_turn("and then how do I start it and hook the debugger in?", True, state.family)
        resolution = resolve(reading, state, result(("run-attach", 13.0), ("aks-schedule", 12.0)), KNOWLEDGE)
        assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "run-attach"
    finally:
        del ENTRIES["debug-image"], ENTRIES["run-attach"]


NEIGHBOURS = {
    "pull-image": {"id": "pull-image", "family": "docker-aci-aks", "kind": "how-to", "content": {"en": {"title": "Pull the image"}},
             "related": ["start-attach"], "commands": []},
    "start-attach": {"id": "start-attach", "family": "docker-aci-aks", "kind": "how-to",
                   "content": {"en": {"title": "Run the image and attach a debugger"}}, "related": ["pull-image"],
                   "commands": []},
    "registry-auth": {"id": "registry-auth", "family": "managed-online-endpoints", "kind": "symptom",
                      "content": {"en": {"title": "Registry authorization failure"}}, "related": ["private-build"],
                      "commands": []},
    "private-build": {"id": "private-build", "family": "managed-online-endpoints", "kind": "symptom",
                      "content": {"en": {"title": "Image build compute not set in a private workspace"}}, "related": [],
                      "commands": []},
}
ENTRIES.update(NEIGHBOURS)


def showing(entry_id: str, text: str) -> State:
    return resolve(read_turn(text, in_conversation=False), State(), result((entry_id, 95.0)), KNOWLEDGE).state


def test_a_suspected_cause_nothing_matches_surely_is_answered_by_the_conversations_entry_its_words_guess():
    state = showing("registry-auth", "registry says unauthorized during the image build")
    reading = read_turn("the workspace only has a private endpoint, could that be the reason?", in_conversation=True)
    resolution = resolve(reading, state, result(("quota", 35.0), ("private-build", 25.0), ("registry-auth", 18.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "private-build"


def test_a_suspected_cause_that_guesses_nothing_of_the_conversation_keeps_the_card():
    state = showing("registry-auth", "registry says unauthorized during the image build")
    reading = read_turn("our storage account lives elsewhere, could that be why?", in_conversation=True)
    resolution = resolve(reading, state, result(("quota", 35.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "registry-auth"


def test_a_yes_no_question_whose_own_best_match_is_the_card_keeps_it():
    state = showing("registry-auth", "registry says unauthorized during the image build")
    reading = read_turn("so is it enough to grant the pull role on the registry?", in_conversation=True)
    resolution = resolve(reading, state, result(("registry-auth", 62.0), ("private-build", 50.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "registry-auth"


def test_after_a_how_to_a_question_nothing_matches_surely_goes_on_to_its_related_next_step():
    state = showing("pull-image", "how do I pull the debug image?")
    reading = read_turn("how do I start the container for VS Code afterwards?", in_conversation=True)
    resolution = resolve(reading, state, result(("aks-schedule", 20.0), ("start-attach", 12.0)), KNOWLEDGE)
    assert resolution.turn is TurnKind.FOLLOW_UP and resolution.matches[0].id == "start-attach"

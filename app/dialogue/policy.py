"""What to answer, given the reading of a message, the conversation state and the matcher's result.

Follow-ups are resolved within the conversation's neighbourhood: the entry shown, its related
entries, its product family; a named other family switches to the same problem there.
"That didn't help" never reaches outside the topic: the topic's other confident matches and the
related entries not yet shown, then, when none is left, the hand-off. Everything here is pure:
the service matches `context_query(...)` once (instead of the bare message) and passes the result.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from app.dialogue.cues import CUES, LOG_KINDS
from app.dialogue.state import State, added
from app.dialogue.turns import CLOSING_MAX_WORDS, CODE, Reading, TurnKind, without_quoted_code, word_count
from app.knowledge.model import CURRENT_GENERATIONS
from app.matching.extract import error_codes, http_statuses
from app.matching.languages import LANGUAGES, alternation
from app.matching.lexicon import FAMILY_CUES
from app.matching.matcher import Match, MatchResult
from app.matching.neighbours import Topic
from app.matching.normalize import normalize

FAMILY_PHRASES = {
    "managed-online-endpoints": "managed online endpoint",
    "batch-endpoints": "batch endpoint",
    "docker-aci-aks": "AKS web service",
}
"""Added to a follow-up about the logs or a local run (or naming another family) before matching, so the
matcher's own family cues favour that family; other follow-ups are matched in the user's words alone and the
conversation's family and related entries are favoured afterwards (`_neighbour`)."""
SAME_ENTRY_ASPECTS = ("command", "fix", "cause", "more")
"""Asking for the command, the fix, the cause of "that" or more of it is asking about the entry shown."""
RELATED_BONUS = 8.0
"""A follow-up's candidate that the entry shown lists as related wins a near tie; the user's own words,
matched as they are, decide anything clearer."""
SAME_FAMILY_BONUS = 15.0
SHOWN_PENALTY = 30.0
"""A follow-up asks for something beyond the card already shown: that card only when nothing else comes close."""
SHOWN_LEAD = 15.0
"""...unless the message's own words (not a canonical question about an aspect) match the card shown this far ahead of
any other entry: then they ask about it ("how do I pass the input to invoke, then?" after the card on unsupported input)."""
DETAIL_BONUS = 50.0
"""Asked for a detail (which setting, which role, the limit), the entry shown outranks a stranger whose words
happen to match a short question better; only a far better match of the conversation replaces it."""
DETAIL_NEIGHBOUR_MARGIN = 20.0
"""Among the conversation's own entries, a neighbour replaces the entry shown for a detail only when its words match
this much more again: a shared "role" or "setting" is not enough, a neighbour that names the detail outright is."""
ASPECT_QUERIES = {"build_logs": "where is the image build log", "write_logs": "how to log from the scoring script",
                  "log_structure": "which log file shows the error", "logs": "how do I get the logs",
                  "local": "debug locally", "build": "the image build fails"}
"""Asking for the logs or a local run asks how to do something in the product at hand: matched as
this canonical question plus the family, whatever language and words the user asked it in."""
HOW_TO_BONUS = 20.0
ASPECT_BONUS = 20.0
"""An entry whose title is about what was asked (the logs, a local run) outranks the product's other how-tos."""
ASPECT_TITLES = {"build_logs": re.compile(r"image ?build|image build fails"), "write_logs": re.compile(r"\blog from\b|\blogging\b"),
                 "log_structure": re.compile(r"\blog structure\b"), "logs": re.compile(r"\blogs?\b"),
                 "local": re.compile(r"\blocally\b|--local"), "build": re.compile(r"image ?build")}
"""What the (English) title of an entry about an aspect says: "Get container logs", "Debug locally"; the most
specific first (a family switch after a how-to asks for the same aspect there)."""
PROBLEM_ASPECTS = ("build_logs", "build")
"""Aspects told in the entry about a problem (the build log in the entry about the failed build), not in a how-to."""
STAGES = ("build",)
"""Aspects that name where in the deployment a problem happens: after the card about that stage, they add nothing."""
SAME_KIND_BONUS = 20.0
"""The same problem in another family is most likely the same kind of entry (a how-to for a how-to)."""
LINKED_BACK_BONUS = 20.0
"""An entry of the other family that lists the one shown as related names it as its counterpart."""
FOLLOW_UP_FLOOR = 15.0
"""Below this (before context bonuses) a follow-up's candidate is noise: the entry shown is the answer."""
NEXT_STEP_FLOOR = 10.0
"""...except a how-to the entry shown lists as related, the next step of a walk-through ("and then how do I start it
and attach?" after the debug image): its few shared words are enough from this score."""
SHORT_FOLLOW_UP_WORDS = 6
"""A follow-up this short ("and then?") that matches nothing asks about the entry shown; a longer one says
something of its own, and when nothing answers it, it is not the card shown again."""
NEAR_TIE = 6.0
"""Scores this close say little on their own (the matcher's ambiguity margin): the conversation decides."""
ELSEWHERE_MARGIN = 25.0
"""A follow-up whose own answer outside the conversation scores this much above the best one inside it
asks about something else: a new topic (four times the matcher's ambiguity margin: beyond doubt)."""
TOGETHER_FLOOR = 30.0
"""An unanswered message read together with a follow-up that refers back to it ("where are the logs for that?"):
the best guess this sure names the problem (the two messages say more than either; below the matcher's threshold,
above its noise)."""
GUESS_FLOOR = 30.0
"""A follow-up nothing answers surely: its best guess of the family, unrelated to the card shown, answers it only from
this score (the matcher's noise lies below; "how to pull the image down?" names its how-to, "how do I check that?" none)."""
HOW_TO_KIND = "how-to"
FEW_WORDS = 10
"""A follow-up this short that names nothing of its own asks about the conversation ("is it per region?"); a longer
one says enough for its own best match to answer it."""
POLAR_UNANSWERED_WORDS = 16
"""A yes-or-no question up to this long that nothing matches, names no code and no neighbouring area ("is retrying
safe or do I have to delete the deployment first?") weighs something about the problem at hand: of the entry shown."""
FEEDBACK_SAYS_MORE_WORDS = 8
"""Feedback this long may describe a problem of its own: it is matched, to see whether it names another entry."""
TEARDOWN_TITLE = re.compile(r"\b(?:delete|stop|remove|clean ?up|tear down|shut down)\b")
"""What the (English) title of an entry about taking something down says ("Delete a deployed or local web service",
"Stop the debug container")."""
TEARDOWN_MARGIN = 15.0
"""How far behind the best guess an entry of the conversation about taking something down may be and still answer
"how do I delete it once done?": the question shares few words with it, many with the entry it was set up by."""
ALTERNATIVES_MAX = 3
CONTEXT_SCORE = 100.0
"""An entry the conversation names outright (the card shown, its counterpart): the reasons say
`context`, and the faces show it as picked from the conversation rather than as a confidence."""
WEAK_GUESS = 60.0
"""An entry a follow-up's words match under this (the matcher returns from 50) is guessed only barely: a yes or no
question about the problem at hand is the card's to answer rather than such a neighbour's."""
EVIDENCE_REASONS = ("code", "signature", "pattern", "status")
"""Matcher reasons that come from the message's own evidence: such a message starts a new topic."""
STATUS_KIND = "http-status"
"""The kind of entry about an HTTP status: while the conversation is about one, a bare number names a status."""
_UNITS = alternation([*(lang.count_words for lang in LANGUAGES),
                      r"%|(?:s|sec|days?|requests?|reqs?|rps|qps|calls?|users?|x|per)\b|명|шт|запрос|сек"])
"""What makes a number a count or a size: the matcher's count words of each language, and the rates and loads said
of a service ("400 requests", "50 rps", "3x", "200 users")."""
_BARE_STATUS = re.compile(rf"(?<![\w.])[1-5]\d\d(?![\d.]|[a-z])(?!\s*(?:{_UNITS}))", re.IGNORECASE)
"""A number alone, not a count or a size ("and 504?", not "500 rows", "400 requests", "200 ms", "300개")."""
_CLAUSE_ENDS = re.compile(r"[,;.!?，；。！？]\s*")
"""Where a clause of a message ends: what comes before the first one is told or asked on its own."""
_ERROR_STATUS = re.compile(rf"(?<![\w.])(?:4[0-5]\d|5[01]\d)(?![\d.]|[a-z])(?!\s*(?:{_UNITS}))", re.IGNORECASE)
"""An error status by its number alone, in any message ("408 뜸", "опять 503"): people name the error they get by
its number, and a count or a size says its unit ("500 rows", "413 MB")."""
_SENTENCE_ENDS = re.compile(r"[.!?。！？]+(?=\s|$)|[。！？]+")
"""Where a sentence ends, in the four languages (a full stop inside "v1.2" or "score.py" ends none)."""
_CODES_AND_STATUSES = re.compile(rf"{CODE.pattern}|\bhttp[ /]?\S* \d{{3}}\b|\b\d{{3}}\b", re.IGNORECASE)


class Knowledge(Protocol):
    def entry(self, entry_id: str) -> dict[str, Any] | None: ...

    def names_uncovered_subject(self, text: str) -> bool: ...


class Show:
    """What a reply shows; the faces render each (a card, a choice, a sentence)."""

    ANSWER = "answer"              # the best entry as a card (others as chips), or a choice when close
    NO_MATCH = "no_match"
    ALTERNATIVES = "alternatives"  # after "that didn't help": other entries of the topic to choose from
    NOTHING_LEFT = "nothing_left"  # ... none left: say so and offer the hand-off
    NO_CONTEXT = "no_context"      # feedback or a language request with nothing shown yet
    SMALL_TALK = "small_talk"


@dataclass(frozen=True)
class Resolution:
    turn: TurnKind
    show: str
    matches: list[Match] = field(default_factory=list)
    lang: str | None = None
    """The language to answer in; None: the message's own."""
    small_talk: str | None = None
    reject: str | None = None
    """The entry the user said did not help (to record as negative feedback)."""
    state: State = field(default_factory=State)


def in_conversation(state: State) -> bool:
    """Something to refer back to: an answer shown, or a first message nothing answered yet (`unanswered`)."""
    return referent(state) is not None or unanswered(state)


def _reads_with_unanswered(reading: Reading, state: State) -> bool:
    """A follow-up that refers back in a few words or asks about an aspect ("where are the logs for that?",
    "why?") after a message nothing answered is read with that message; a longer one says something of its own (after
    a message recognised as a neighbouring area's, also when it asks for an aspect: "how do I raise the 429 limit?")."""
    return unanswered(state) and not reading.tentative and (
        (reading.aspect is not None and state.out_of_scope is None) or word_count(reading.text) <= SHORT_FOLLOW_UP_WORDS)


def unanswered(state: State) -> bool:
    """The conversation so far is a message nothing answered ("my batch job failed: run failed"): a follow-up
    ("where are the logs for that?") is matched together with it."""
    return referent(state) is None and state.topic is None and bool(state.topic_text)


def referent(state: State, knowledge: Knowledge | None = None) -> str | None:
    """What "it" refers to: the entry shown; after "that didn't help", the first alternative offered of
    the topic's product (given `knowledge`), else the topic itself, still the problem being talked about."""
    if state.entry is not None:
        return state.entry
    if state.last_kind != Show.ALTERNATIVES:
        return state.topic
    offered = [entry_id for entry_id in state.last if entry_id not in state.rejected]
    same_family = [entry_id for entry_id in offered if knowledge is not None
                   and (knowledge.entry(entry_id) or {}).get("family") == state.family]
    if same_family:
        return same_family[0]
    return state.topic or (offered[0] if offered else None)


def _focused(state: State, knowledge: Knowledge) -> State:
    """The state with its referent as the entry, for reading a follow-up (the stored state keeps None,
    so that a further "that didn't help" still rejects the alternatives offered)."""
    entry_id = referent(state, knowledge)
    if state.entry is not None or entry_id is None or knowledge.entry(entry_id) is None:
        return state
    return state.with_(entry=entry_id, family=(knowledge.entry(entry_id) or {}).get("family"))


def _problem_focus(reading: Reading, state: State, knowledge: Knowledge) -> State:
    """The state focused on the topic when a follow-up names the problem itself in another family ("would the same
    crash look different on AKS?") while a how-to is shown (the logs, a local run): it asks for the problem there, not
    for that how-to there (a bare "what about AKS?" after the logs asks for the logs there)."""
    entry = knowledge.entry(state.entry) if state.entry else None
    topic = knowledge.entry(state.topic) if state.topic else None
    if entry is None or topic is None or entry.get("kind") != HOW_TO_KIND or topic.get("kind") == HOW_TO_KIND \
            or _family_switch(reading, state) is None or not CUES.problem.search(reading.text.casefold()):
        return state
    return state.with_(entry=topic["id"], family=topic.get("family"))


def context_query(text: str, reading: Reading, state: State, knowledge: Knowledge) -> str | None:
    """The text to match for this message: the message itself, the message with a canonical question and the
    conversation's family (the logs, a local run), the entry shown in words plus the family (another family), or None
    when no matching is needed (small talk, short feedback, language, the entry shown again).
    Feedback that says more ("ran fine but now the output says it already exists") is matched too:
    its own evidence elsewhere makes it a new problem (see `resolve`)."""
    if reading.kind is TurnKind.FEEDBACK and word_count(text) >= FEEDBACK_SAYS_MORE_WORDS:
        return without_quoted_code(text)  # the command it quotes is what was tried, not evidence of another problem
    if reading.kind in (TurnKind.SMALL_TALK, TurnKind.FEEDBACK, TurnKind.LANGUAGE):
        return None
    if reading.kind is TurnKind.FOLLOW_UP and _reads_with_unanswered(reading, state):
        asked = f" {ASPECT_QUERIES[reading.aspect]}" if reading.aspect in ASPECT_QUERIES else ""
        return f"{state.topic_text} {text}{asked}"  # read with the message nothing answered
    state = _problem_focus(reading, _focused(state, knowledge), knowledge)
    entry = knowledge.entry(state.entry) if state.entry is not None else None
    if reading.kind is TurnKind.NEW_TOPIC or entry is None:
        return _statuses_named(text, _ERROR_STATUS)
    about_status = STATUS_KIND in {entry.get("kind"), (knowledge.entry(state.topic or "") or {}).get("kind")}
    if reading.tentative:  # judged on its own match
        return _statuses_named(text) if about_status else _statuses_named(text, _ERROR_STATUS)
    switch = _family_switch(reading, state)
    aspect = _asked_aspect(reading, entry, switch)
    if aspect is not None:
        # The user's words say which of the product's how-tos ("what do 70_driver_log.txt and
        # job_progress_overview.txt mean?"); the canonical question keeps the product's main one in the candidates.
        return f"{text} {ASPECT_QUERIES[aspect]} {FAMILY_PHRASES[switch or entry['family']]}"
    if switch is not None and _names_its_error(text):
        # the problem there named by its own code or status ("on the managed endpoint that's the 429, right?")
        return f"{_statuses_named(text, _ERROR_STATUS)} {FAMILY_PHRASES[switch]}"
    if switch is not None:
        # The problem in the family asked for ("what about batch?" adds nothing but the family): in the
        # user's own words while the card is the topic's answer, else (the logs, say) the card's title.
        # Codes and the old family's words would hold the match in the old family.
        # A code or status the user named said what the problem is ("504 from AKS": a timeout), the rest of the message
        # only its circumstances ("when I post large images"): the codes are taken out below, the title says it instead.
        title = entry["content"]["en"]["title"]
        words = title if not (state.topic_text and state.entry == state.topic) \
            or _CODES_AND_STATUSES.search(state.topic_text) else state.topic_text
        problem = _CODES_AND_STATUSES.sub(" ", words).lower()
        for cue in (*FAMILY_CUES.values(), *CUES.families.values()):
            problem = cue.sub(" ", problem)
        return f"{problem} {FAMILY_PHRASES[switch]}"
    if reading.aspect in SAME_ENTRY_ASPECTS and not _names_a_suspect(reading) and not _asked_of_its_own(reading, entry):
        return None
    return _statuses_named(text) if about_status else text


def _names_a_suspect(reading: Reading) -> bool:
    """A question for the cause that offers one of its own ("our ACR is private behind a private endpoint, could that be
    the reason?"): matched, so that the conversation's entry about that circumstance can answer it (`_suspected_cause`);
    a bare "why?" or "is that the cause?" is the card's own cause."""
    return reading.aspect == "cause" and reading.question and not reading.strong \
        and word_count(reading.text) > SHORT_FOLLOW_UP_WORDS and bool(CUES.because.search(reading.text.casefold()))


def _statuses_named(text: str, numbers: re.Pattern[str] = _BARE_STATUS) -> str:
    """The message with its bare numbers read as HTTP statuses, for a conversation about one ("and 504?",
    "is 503 the same?"), and its error statuses in any message ("408 뜸"): said so briefly, the matcher would not take
    them for statuses."""
    if http_statuses(normalize(text)):
        return text
    return numbers.sub(lambda number: f"HTTP {number.group()}", text)


def resolve(reading: Reading, state: State, result: MatchResult | None, knowledge: Knowledge) -> Resolution:
    """The reply to a message read as `reading`; `result` is the match of `context_query` (None if none was run)."""
    kind = reading.kind
    if kind is TurnKind.NEW_TOPIC and _thanks_for_its_end(reading, state, knowledge):
        return Resolution(TurnKind.SMALL_TALK, Show.SMALL_TALK, small_talk="thanks", lang=reading.target_lang, state=state)
    if kind is TurnKind.FOLLOW_UP and unanswered(state):
        together = [m for m in (result.candidates or result.matches) if m.score >= TOGETHER_FLOOR] if result else []
        if not _reads_with_unanswered(reading, state) or not together:
            # says something of its own, or nothing answers it with the unanswered message either: a first message
            first = _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)
            asked_on = reading.question and not reading.strong and bool(first.matches) \
                and not _has_evidence(first.matches[0]) and state.out_of_scope is None
            # asked on without a problem of its own ("and how do I save my changes in the container?"): its own answer
            # continues the conversation (a question naming its own error, a statement, opens the topic); after a
            # question about a neighbouring area ("how do I set up MLflow tracking?"), one answered here opens a topic
            return replace(first, turn=TurnKind.FOLLOW_UP) if asked_on else first
        # the problem the two messages describe together is the topic; the follow-up is answered within it
        state = _showing(state, together[0].id, knowledge).with_(
            topic=together[0].id, candidates=tuple(m.id for m in together[1:]), last_kind=Show.ANSWER)
    told_so_far = state
    if kind is TurnKind.FOLLOW_UP:
        state = _problem_focus(reading, _focused(state, knowledge), knowledge)
    if (kind is TurnKind.NEW_TOPIC or reading.tentative) and reading.feedback_cue and result and result.matches \
            and (result.matches[0].id in {state.entry, state.topic} - {None} or _named_again(reading, state, knowledge)
                 or _still_the_shown(reading, state, result)):
        kind = TurnKind.FEEDBACK  # "still ERR_2200", a long report of the same failure: the answer did not help
    if kind is TurnKind.FEEDBACK and result is not None and _new_evidence(result, state, knowledge) \
            and not _same_again(reading) and not _still_the_shown(reading, state, result):
        kind = TurnKind.NEW_TOPIC  # "..., and before that it said output already exists": a problem of its own
    if kind is TurnKind.SMALL_TALK:
        return Resolution(kind, Show.SMALL_TALK, small_talk=reading.small_talk, lang=reading.target_lang,
                          state=state)
    if kind is TurnKind.LANGUAGE:
        return _language(reading, state, knowledge)
    if kind is TurnKind.FEEDBACK:
        return _feedback(state, knowledge)
    # a pick among the alternatives offered, or among the answers shown beside the card ("the second one")
    offered = state.last_kind == Show.ALTERNATIVES \
        or (state.last_kind == Show.ANSWER and len(state.last) > 1 and reading.aspect is None)  # not "test it locally first?"
    if kind is TurnKind.FOLLOW_UP and reading.choice is not None and offered and reading.choice <= len(state.last):
        return _picked(reading, state, state.last[reading.choice - 1], knowledge)
    if kind is TurnKind.FOLLOW_UP and result is not None and _asks_of_an_uncovered_subject(reading, result, knowledge):
        return _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)
    # the neighbouring area a follow-up names, read once for the rules below
    neighbour = _neighbouring(reading, result) if kind is TurnKind.FOLLOW_UP and result is not None else None
    if kind is TurnKind.FOLLOW_UP and result is not None and state.entry is not None \
            and (_suspects_a_cause(reading, result) or _points_back_unanswered(reading, result, neighbour)):
        return _suspected_cause(reading, state, result, knowledge)
    if kind is TurnKind.FOLLOW_UP and result is not None and reading.tentative:
        return _none_left(told_so_far, result, _past_the_alternatives(
            reading, state, result, _tentative(reading, state, result, knowledge, neighbour), knowledge))
    if kind is TurnKind.FOLLOW_UP and result is not None \
            and (_own_evidence(result, state, knowledge, reading)
                 or (reading.aspect not in ASPECT_QUERIES and not _detail_of_the_card(reading)
                     and _elsewhere(neighbour, result))):  # "what yaml setting controls that?": the card's detail
        kind = TurnKind.NEW_TOPIC
    if kind is TurnKind.FOLLOW_UP:
        return _none_left(told_so_far, result, _past_the_alternatives(
            reading, state, result, _follow_up(reading, state, result, knowledge), knowledge))
    return _new_topic(reading, state, result, knowledge)


def _asks_of_an_uncovered_subject(reading: Reading, result: MatchResult, knowledge: Knowledge) -> bool:
    """A question about a feature of deployments no entry names (the matcher's uncovered subjects: a price, Log Analytics,
    a custom domain), naming no code or status, that nothing matches surely ("how much does storing models in the
    registry cost?", "怎么把诊断日志发到 Log Analytics？"): a subject of its own, not a detail (how much) of the card shown
    nor its logs."""
    return reading.question and not reading.strong and not result.matches \
        and knowledge.names_uncovered_subject(reading.text)


def _none_left(told_so_far: State, result: MatchResult | None, answered: Resolution) -> Resolution:
    """Once everything offered was said not to help, a follow-up that would show one of those entries again only as
    what the conversation is about ("so what do I do now?"), not as its own best match ("does ERR_1200 also come from
    a wrong tag?"), is answered that nothing else fits, with the hand-off, not with the card already rejected."""
    first = answered.matches[0].id if answered.show == Show.ANSWER and answered.matches else None
    if told_so_far.entry is not None or first is None or first not in told_so_far.rejected \
            or (result is not None and result.matches and result.matches[0].id == first):
        return answered
    return Resolution(TurnKind.FOLLOW_UP, Show.NOTHING_LEFT, lang=answered.lang,
                      state=told_so_far.with_(lang=answered.state.lang))


def _thanks_for_its_end(reading: Reading, state: State, knowledge: Knowledge) -> bool:
    """Thanks with the news that the conversation's own code is gone ("thanks, ERR_1100 is gone now", "спасибо, 429
    больше нет"): a closing, not that code's card again (a code the conversation is not about opens a topic)."""
    text = reading.text.casefold()
    return reading.strong and not reading.feedback_cue and word_count(text) <= CLOSING_MAX_WORDS \
        and bool(CUES.small_talk["thanks"].search(text) and CUES.resolved.search(text)) \
        and _named_again(reading, state, knowledge)


def _past_the_alternatives(reading: Reading, state: State, result: MatchResult | None, answered: Resolution,
                           knowledge: Knowledge) -> Resolution:
    """After "that didn't help" and the alternatives offered, a question answered by its own sure best match that is
    none of what the conversation holds (the topic, its runners-up and related entries, the entries shown and offered,
    the one now referred to and its related entries), switching to no other product, not drawn from what was said
    ("then how do I ...?"): the thread was left, it asks about something else, a new topic ("and how do I get the logs
    of a batch scoring job at all?" after the alternatives to a missing endpoint). Otherwise the follow-up as
    `answered`."""
    first = answered.matches[0].id if answered.turn is TurnKind.FOLLOW_UP and answered.matches else None
    if first is None or result is None or not result.matches or result.matches[0].id != first \
            or state.last_kind != Show.ALTERNATIVES or not reading.question or _family_switch(reading, state) is not None \
            or CUES.asks_then.search(reading.text.casefold()):
        return answered
    held = {state.topic, state.entry, *state.candidates, *state.shown, *state.offered, *state.last}
    for entry_id in (state.topic, state.entry):
        held.update((knowledge.entry(entry_id) or {}).get("related", ()) if entry_id else ())
    return answered if first in held else _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)


def _still_the_shown(reading: Reading, state: State, result: MatchResult) -> bool:
    """Told, not asked, that it still fails after something was tried ("halved the batch size and reran, still the user
    program failure"), the card shown among the message's own sure matches: the same failure again, whichever neighbour
    the words of what was tried lead its match to (a smaller batch size names the batch timeout)."""
    return reading.feedback_cue and not reading.question and state.entry is not None \
        and reading.families <= {state.family} and any(match.id == state.entry for match in result.matches)


def _new_topic(reading: Reading, state: State, result: MatchResult | None, knowledge: Knowledge,
               reply_text: str | None = None) -> Resolution:
    """The message's own matches as a new topic (`reply_text`: the unanswered message it was read with)."""
    matches = list(result.matches) if result else []
    if not matches:
        # Nothing for it: the conversation's topic stays what later follow-ups and requests refer to; with no
        # topic yet, the message waits for a follow-up to be read with (`unanswered`), noting the neighbouring area
        # it was answered as, if any.
        waits = referent(state) is None and not state.topic
        waiting = (reply_text or reading.text) if waits else state.topic_text
        elsewhere = (result.out_of_scope.id if result is not None and result.out_of_scope is not None else None) \
            if waits else state.out_of_scope
        return Resolution(TurnKind.NEW_TOPIC, Show.NO_MATCH, lang=reading.target_lang,
                          state=state.with_(lang=reading.target_lang or state.lang, topic_text=waiting,
                                            out_of_scope=elsewhere))
    top = matches[0]
    new = _showing(State(lang=reading.target_lang or state.lang), top.id, knowledge).with_(
        topic=top.id, topic_text=reply_text or reading.text, candidates=tuple(m.id for m in matches[1:]), last=tuple(m.id for m in matches),
        last_kind=Show.ANSWER)
    return Resolution(TurnKind.NEW_TOPIC, Show.ANSWER, matches, lang=reading.target_lang, state=new)


def _picked(reading: Reading, state: State, entry_id: str, knowledge: Knowledge) -> Resolution:
    """One of the entries offered as a choice, picked by its position ("the second one")."""
    chosen = Match(entry_id, CONTEXT_SCORE, [_context_reason(state.topic or entry_id, "picked")])
    new = opened(state, entry_id, knowledge).with_(lang=reading.target_lang or state.lang)
    return Resolution(TurnKind.FOLLOW_UP, Show.ANSWER, [chosen], lang=reading.target_lang, state=new)


def _follow_up(reading: Reading, state: State, result: MatchResult | None, knowledge: Knowledge) -> Resolution:
    assert state.entry is not None
    current = knowledge.entry(state.entry)
    if current is None:
        return Resolution(TurnKind.FOLLOW_UP, Show.NO_MATCH, lang=reading.target_lang, state=State())
    switch = _family_switch(reading, state)
    aspect = _asked_aspect(reading, current, switch)
    named = _named(reading, current, state, result, knowledge) if reading.named else None
    chosen: Match | None
    if named is not None:
        chosen = named
    elif aspect is not None and result is not None:
        chosen = _neighbour(current, switch or current["family"], state, result, knowledge, aspect=aspect)
    elif switch is not None and (own := _named_there(reading, current, switch, result, knowledge)) is not None:
        chosen = own
    elif switch is not None:
        chosen = _counterpart(current, switch, state, result, knowledge)
    elif _asked_of_its_own(reading, current) and result is not None \
            and (other := _asked_of_another(reading, current, state, result, knowledge)) is not None:
        chosen = other
    elif reading.aspect == "detail" and result is not None \
            and (how_to := _how_to_asked(reading, current, state, result, knowledge)) is not None:
        chosen = how_to
    elif reading.aspect in SAME_ENTRY_ASPECTS or result is None or _confirms(reading, result, state) \
            or _same_where_shown(reading, state) or _detail_of_the_card(reading):
        chosen = _context_match(current, state.entry, "same_entry")
    else:
        detail = reading.aspect == "detail"
        chosen = _neighbour(current, current["family"], state, result, knowledge, detail=detail)
        held = 0.0 if chosen is None else \
            _words_score(result, chosen.id) + DETAIL_BONUS * (detail and chosen.id == state.entry)
        if (_answered_elsewhere(result, held, current, knowledge) and not _names_nothing(reading, result)
                and not _compared_in_its_words(reading, result)) \
                or (chosen is None and not result.matches and word_count(reading.text) > SHORT_FOLLOW_UP_WORDS
                    and not (reading.question and (reading.points_back or _checks_in_few_words(reading)))):
            # its own answer lies elsewhere, or a question of its own words nothing here answers ("and how do
            # I set up CI/CD?"): a new topic, not the card shown again
            return _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)
        if chosen is not None and _asks_of_its_own_subject(reading, chosen, state, result, knowledge):
            # a question of a subject of its own that nothing here covers: said so, not a guess under the threshold
            return _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)
        if chosen is not None and not result.matches and _faint(reading, chosen, current, result, knowledge):
            chosen = None  # nothing answers it surely ("how do I check that?"): a faint guess is no answer, the card is
        elif chosen is not None and _guessed_from_few_words(reading, chosen, current, state, knowledge, result):
            chosen = None  # "is it per region?": about the card, whatever other problem its few words match
    if chosen is None and (switch is None or reading.polar or _compares(reading)):
        # nothing about it in the family asked about: whether it is the same there is answered by the card
        chosen = _context_match(current, state.entry, "same_entry")
    if chosen is None:
        return Resolution(TurnKind.FOLLOW_UP, Show.NO_MATCH, lang=reading.target_lang, state=state)
    if result is not None and (settled := _settled(reading, chosen, current, state, result, knowledge)) is not None:
        chosen = _read_in_context(settled, state.entry)
    new = _showing(state, chosen.id, knowledge).with_(last=(chosen.id,), last_kind=Show.ANSWER,
                                                      lang=reading.target_lang or state.lang)
    return Resolution(TurnKind.FOLLOW_UP, Show.ANSWER, [chosen], lang=reading.target_lang, state=new)


def _checks_in_few_words(reading: Reading) -> bool:
    """A yes or no question in a few words that nothing matches ("is a gateway in front of the endpoint the usual
    way?"): it checks an idea against the answer shown, it does not open a subject of its own."""
    return reading.polar and not reading.strong and not reading.families and word_count(reading.text) <= FEW_WORDS


def _confirms(reading: Reading, result: MatchResult, state: State) -> bool:
    """A yes-or-no question whose own best match is the card shown ("so I return that header from score.py
    myself?"), or what one understood asked back that nothing matches surely ("so I'd need a small proxy in front of
    it?", whose few words guess other problems faintly): it checks something of the answer, it asks for nothing
    beyond it."""
    if reading.checks_back and not result.matches:
        return True
    return reading.polar and bool(result.matches) and result.matches[0].id == state.entry


def _compared_in_its_words(reading: Reading, result: MatchResult) -> bool:
    """Something described and measured against the problem at hand ("the predictions file is just empty, is that the
    same thing?"), naming no product, code or signature of its own: whether it is the same is the card's to answer,
    however well its words match another product's entry."""
    own = result.matches[0] if result.matches else None
    return _compares(reading) and not reading.strong and not reading.families \
        and not (own is not None and _has_evidence(own))


def _compares(reading: Reading) -> bool:
    """A question measuring something against the conversation ("does the same quota apply to batch?")."""
    return reading.question and bool(CUES.comparison.search(reading.text.casefold()))


def _asked_of_its_own(reading: Reading, entry: dict) -> bool:
    """The cause of something the message tells (`_cause_of_its_own`), or what to do about it while a how-to is shown
    ("I changed files inside the container, how do I keep them?" after how to attach a debugger): a how-to has no fix of
    its own, the message may name another step of the walk-through."""
    return _cause_of_its_own(reading) or (
        reading.aspect == "fix" and entry.get("kind") == HOW_TO_KIND and not reading.points_back and not reading.strong
        and word_count(reading.text) > SHORT_FOLLOW_UP_WORDS) or (
        reading.aspect == "cause" and not reading.points_back and _names_another_status(reading.text, entry))


def _names_another_status(text: str, entry: dict) -> bool:
    """An error status the message names by its number that the card shown is not about ("and where does the 502 come
    from?" after the 503 card): the cause asked is that status's, however few the words."""
    named = {int(number) for number in _ERROR_STATUS.findall(text)}
    return bool(named - set(entry.get("http_statuses") or ()))


def _cause_of_its_own(reading: Reading) -> bool:
    """Why something the message tells happens ("now it says get_model_path can't find the model, why?"), not pointing
    at the problem at hand ("is this my score.py or Azure?"): matched, as it may be another entry of the conversation.
    Asking for the command or the fix in many words is still about the card shown."""
    return reading.aspect == "cause" and not reading.points_back and not reading.strong \
        and word_count(reading.text) > SHORT_FOLLOW_UP_WORDS


def _asked_of_another(reading: Reading, current: dict, state: State, result: MatchResult,
                      knowledge: Knowledge) -> Match | None:
    """The cause asked of another entry of the conversation that the message names in its own words ("it says
    Model.get_model_path can't find the model, why?" after the crash): that entry, when its sure match leads the card
    shown by SHOWN_LEAD; otherwise the card shown is what is asked about. Asked on about a code of the product by its
    own evidence ("then what is this ResourceNotFound about?", `_asks_on_in_the_family`), that entry, in the conversation
    or not."""
    top = result.matches[0] if result.matches else None
    conversation = {*_neighbourhood(current, state, result, knowledge), *((state.topic,) if state.topic else ())}
    asked_on = top is not None and _has_evidence(top) \
        and _asks_on_in_the_family(reading, state, top, knowledge)
    if top is None or top.id == current["id"] or (top.id not in conversation and not asked_on) or top.id in state.rejected \
            or top.score - _words_score(result, current["id"]) < SHOWN_LEAD:
        return None
    return _read_in_context(top, current["id"])


def _how_to_asked(reading: Reading, current: dict, state: State, result: MatchResult,
                  knowledge: Knowledge) -> Match | None:
    """A question for a detail of doing something ("can I step through init() with a debugger to see which path it
    checks?", "how do I set up VS Code for it, which port?") whose own sure best match is a how-to of the conversation's
    family, leading the card shown by SHOWN_LEAD: it asks for that how-to (the port is its detail), not for the card's."""
    top = result.matches[0] if result.matches else None
    entry = knowledge.entry(top.id) if top is not None else None
    if top is None or entry is None or reading.strong or top.id == current["id"] or top.id in state.rejected \
            or entry.get("kind") != HOW_TO_KIND or entry.get("family") != current["family"] \
            or top.score - _words_score(result, current["id"]) < SHOWN_LEAD:
        return None
    return _read_in_context(top, current["id"])


def _detail_of_the_card(reading: Reading) -> bool:
    """A detail asked of the problem pointed at ("which role does the identity need for that?", "这个的上限是多少"),
    naming no code, status or product of its own: the card's detail, however well its words (a role, a registry) match
    a neighbour's."""
    return reading.aspect == "detail" and reading.points_back and not reading.strong and not reading.families


def _same_where_shown(reading: Reading, state: State) -> bool:
    """"Is it the same on AKS?" when the card shown is already about that family (an online endpoint's 504 answered
    by the AKS entry on 504): the comparison names where the card applies, so the card answers it, however well the
    product's words match its how-tos."""
    return not reading.strong and reading.families == {state.family} and _compares(reading)


def _conversation(current: dict, state: State) -> set[str]:
    """The entries the conversation has been about: shown, offered, the topic's runners-up, the related entries."""
    return {*state.shown, *state.offered, *state.candidates, *current.get("related", ())}


def _neighbourhood(current: dict, state: State, result: MatchResult, knowledge: Knowledge) -> set[str]:
    """What the conversation has been about, the topic's related entries, and the message's candidates that list the
    card shown as related: the entries a follow-up may turn to."""
    topic = knowledge.entry(state.topic) if state.topic else None
    return {*_conversation(current, state), *(topic or {}).get("related", ()), *_linking_back(current, result, knowledge)}


def _links_back(entry_id: str, current: dict, knowledge: Knowledge) -> bool:
    """Whether the entry lists the card shown as related: a relation holds both ways (the bandwidth limit lists the 429
    it leads to; asked about bandwidth after the 429, it is the conversation's neighbour)."""
    return current["id"] in (knowledge.entry(entry_id) or {}).get("related", ())


def _linking_back(current: dict, result: MatchResult | None, knowledge: Knowledge) -> set[str]:
    """The message's candidates that list the entry shown as related (`_links_back`)."""
    if result is None:
        return set()
    return {match.id for match in result.candidates or result.matches if _links_back(match.id, current, knowledge)}


def _names_nothing(reading: Reading, result: MatchResult) -> bool:
    """A fragment without a code, status, signature or product of its own ("and when scoring?", "构建镜像时呢"): it asks
    within the conversation's product, wherever else the same words would lead (a longer question may say where)."""
    own = result.matches[0] if result.matches else None
    return word_count(reading.text) <= SHORT_FOLLOW_UP_WORDS and not reading.strong and not reading.families \
        and not (own is not None and _has_evidence(own))


def _guessed_from_few_words(reading: Reading, chosen: Match, current: dict, state: State, knowledge: Knowledge,
                            result: MatchResult) -> bool:
    """A short yes-or-no question, an elliptical "and for the managed identity?", or a question for a detail ("which
    role?") that no other entry of the conversation answers, naming nothing of its own (no code, status, signature or
    product), asks about the problem at hand ("is it per region?", "can I raise it above 180s?"), however well its few
    words match another problem's alias. A how-to may answer it ("can I attach VS Code to it?"): a question can ask how
    to do something, it cannot describe another problem in a few words; nor can it ask whether another problem is the
    cause ("is it because of the quota?" names a cause of its own); a sure match that lists the card as related is no
    guess ("and is bandwidth limited too?" after a 429: the bandwidth limit names the 429 it leads to)."""
    elliptical = word_count(reading.text) <= SHORT_FOLLOW_UP_WORDS \
        and bool(CUES.family_switch.search(reading.text.casefold()))
    asks = reading.polar or elliptical or (reading.aspect == "detail" and chosen.id not in _conversation(current, state))
    return asks and chosen.id != current["id"] and word_count(reading.text) <= FEW_WORDS \
        and not reading.strong and not reading.families and not _has_evidence(chosen) \
        and (knowledge.entry(chosen.id) or {}).get("kind") not in (HOW_TO_KIND, None) \
        and not (_links_back(chosen.id, current, knowledge) and any(match.id == chosen.id for match in result.matches)) \
        and not _is_related_guess(chosen, current, result, knowledge) \
        and not CUES.because.search(reading.text.casefold())


def _is_related_guess(chosen: Match, current: dict, result: MatchResult, knowledge: Knowledge) -> bool:
    """The chosen entry is the message's best guess of all, sure or not, from FOLLOW_UP_FLOOR, matches its words better
    than the card and is related to the card (either way): the neighbour the question turns to ("can an oversized reply
    break this too?" after the request too large), not a stranger its few words happen to match."""
    pool = result.candidates or result.matches
    return bool(pool) and pool[0].id == chosen.id != current["id"] and chosen.score >= FOLLOW_UP_FLOOR \
        and chosen.score > _words_score(result, current["id"]) \
        and (chosen.id in current.get("related", ()) or _links_back(chosen.id, current, knowledge))


def _faint(reading: Reading, chosen: Match, current: dict, result: MatchResult, knowledge: Knowledge) -> bool:
    """A guess that does not beat the card shown: any, asked as "would it be the same there?" (what it compares is
    the card); below GUESS_FLOOR, one unrelated to the card or matching the message's words no better than the card,
    or another problem (a related how-to is the next step: "and stop it after?"; a related problem guessed from a
    few words, "and the yaml for that?", is no answer)."""
    if reading.question and CUES.comparison.search(reading.text.casefold()):
        return True
    return chosen.score < GUESS_FLOOR and (chosen.id not in current.get("related", ())
                                           or (knowledge.entry(chosen.id) or {}).get("kind") != HOW_TO_KIND
                                           or chosen.score <= _words_score(result, current["id"]))


def _says(entry: dict, name: str) -> bool:
    """Whether an entry's own text (titles, causes, steps, aliases, in every language) says `name`."""
    def texts(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from texts(item)
        elif isinstance(value, list):
            for item in value:
                yield from texts(item)
    return any(name in text.casefold() for text in texts([entry.get("content"), entry.get("aliases")]))


def _named(reading: Reading, current: dict, state: State, result: MatchResult | None,
           knowledge: Knowledge) -> Match | None:
    """The entry of the conversation a follow-up names by its words ("and the storage initializer one?"): its own sure
    best match when that says it and the card shown matches the words far less, else the entry shown when its text says
    it, else the best of its own matches, related entries and runners-up that does."""
    name = (reading.named or "").casefold()
    related = current.get("related", ())
    own = result.matches[0] if result and result.matches else None
    own_entry = knowledge.entry(own.id) if own is not None and own.id != current["id"] else None
    if own is not None and own_entry is not None and result is not None and own.id not in state.rejected \
            and (own_entry["family"] == current["family"] or own.id in related) and _says(own_entry, name) \
            and own.score - _words_score(result, current["id"]) > NEAR_TIE:
        return _context_match(current, own.id, "named")  # "and the 424 one?": the card shown only mentions it
    if _says(current, name):
        return _context_match(current, current["id"], "named")
    pool = [m.id for m in (result.candidates or result.matches)] if result else []
    for entry_id in dict.fromkeys([*pool, *related, *state.candidates, *state.offered]):
        entry = knowledge.entry(entry_id)
        if entry is None or entry_id in state.rejected or entry_id == current["id"]:
            continue
        if (entry["family"] == current["family"] or entry_id in related) and _says(entry, name):
            return _context_match(current, entry_id, "named")
    return None


def _words_score(result: MatchResult, entry_id: str) -> float:
    """How well the message's own words match an entry (0 when they do not at all)."""
    return next((match.score for match in result.candidates or result.matches if match.id == entry_id), 0.0)


def _answered_elsewhere(result: MatchResult, held: float, current: dict, knowledge: Knowledge) -> bool:
    """The message's own confident answer lies outside the conversation's family and related entries and
    beats what the conversation holds (`held`) by far ("and how do I set up CI/CD?"): it asks about something else."""
    own = result.matches[0] if result.matches else None
    if own is None or own.id in current.get("related", ()):
        return False
    entry = knowledge.entry(own.id) or {}
    return entry.get("family") != current["family"] and own.score - held >= ELSEWHERE_MARGIN


def _neighbour(current: dict, family: str, state: State, result: MatchResult, knowledge: Knowledge,
               aspect: str | None = None, detail: bool = False) -> Match | None:
    """The best candidate of `family` (or, in the entry's own family, one it lists as related), by its
    score plus what the conversation says: related, same family, a how-to about the aspect asked for
    (the logs: an entry whose title is about logs, not a related entry about something else). A detail
    of the problem ("which role?") is the entry shown's, whether or not its few words match it."""
    how_to = aspect is not None
    # the topic's related entries too: after a detour to another product ("the same on the old AKS?"), a question
    # about the problem the conversation opened with ("and if requests exceed limits?") is asked of its neighbours
    topic = knowledge.entry(state.topic) if state.topic and state.topic != current["id"] else None
    related = {*current.get("related", ()), *(topic or {}).get("related", ()), *_linking_back(current, result, knowledge)} \
        if family == current["family"] and not how_to else set()
    best: tuple[float, Match] | None = None
    if detail:  # however few of its words the question shares with it
        shown = _words_score(result, current["id"])
        best = (shown + DETAIL_BONUS + DETAIL_NEIGHBOUR_MARGIN + SAME_FAMILY_BONUS, Match(current["id"], shown, []))
    runner_up = max((m.score for m in result.candidates or result.matches if m.id != state.entry), default=0.0)
    for match in result.candidates or result.matches:
        entry = knowledge.entry(match.id)
        if entry is None or match.id in state.rejected or (detail and match.id == current["id"]):
            continue
        in_family = entry["family"] == family
        if match.id not in related and not in_family:
            continue  # never an entry from outside the conversation's neighbourhood
        is_about = _is_about(entry, aspect)
        score = match.score + RELATED_BONUS * (match.id in related) + SAME_FAMILY_BONUS * in_family \
            + HOW_TO_BONUS * (how_to and aspect not in PROBLEM_ASPECTS and entry["kind"] == "how-to") \
            + ASPECT_BONUS * is_about
        if match.id == state.entry and not (is_about and aspect in PROBLEM_ASPECTS) \
                and (how_to or match.score - runner_up < SHOWN_LEAD):
            score -= SHOWN_PENALTY  # a follow-up asks for something beyond the card already shown (unless it tells that)
        next_step = match.id in related and entry["kind"] == HOW_TO_KIND and match.score >= NEXT_STEP_FLOOR
        if (match.score >= FOLLOW_UP_FLOOR or next_step) and (best is None or score > best[0]):
            best = (score, match)
    if aspect in LOG_KINDS and not any(_is_about(knowledge.entry(match.id) or {}, aspect)
                                       for match in result.candidates or result.matches
                                       if (knowledge.entry(match.id) or {}).get("family") == family):
        # writing logs, say, where no entry of the family is about it ("and for an online endpoint?"): its logs
        return _neighbour(current, family, state, result, knowledge, aspect="logs")
    if best is None:
        return None
    match = best[1]
    if detail and match.id == current["id"]:
        return _context_match(current, current["id"], "same_entry")
    return _read_in_context(match, current["id"])


def _is_about(entry: dict, aspect: str | None) -> bool:
    """Whether an entry's title is about `aspect` (for the plain logs: not about a particular kind of log)."""
    about = ASPECT_TITLES.get(aspect) if aspect is not None else None
    title = entry["content"]["en"]["title"].lower()
    if about is None or not about.search(title):
        return False
    return aspect != "logs" or not any(ASPECT_TITLES[kind].search(title) for kind in LOG_KINDS)


def _counterpart(current: dict, family: str, state: State, result: MatchResult | None,
                 knowledge: Knowledge) -> Match | None:
    """The same problem in another family: a related entry there, else one of the same kind that a related entry
    lists there (a particular problem's general entry names the counterpart: a build timing out, through the failed
    image build, to the failed build on ACI), else the best match there that is a problem too (a how-to for a how-to)."""
    named = [*_related_in(current, family, state, knowledge), *_related_through(current, family, state, knowledge)]
    if named:
        return _context_match(current, named[0], "same_problem")
    best: tuple[float, Match] | None = None
    for match in (result.candidates if result else []):
        entry = knowledge.entry(match.id)
        if entry is None or entry["family"] != family or match.id in state.rejected or match.score < FOLLOW_UP_FLOOR \
                or (entry["kind"] == HOW_TO_KIND) != (current["kind"] == HOW_TO_KIND):
            continue  # noise, or a how-to for a problem: the family has nothing about it ("the same quota on batch?")
        score = match.score + SAME_KIND_BONUS * (entry["kind"] == current["kind"]) \
            + LINKED_BACK_BONUS * (current["id"] in entry.get("related", ()))
        if best is None or score > best[0]:
            best = (score, match)
    if best is None:
        return None
    return _read_in_context(best[1], current["id"])


def _names_its_error(text: str) -> bool:
    """Whether a message names an error by its code or its status number ("that's the 429, right?")."""
    return bool(_ERROR_STATUS.search(text) or CODE.search(text))


def _named_there(reading: Reading, current: dict, family: str, result: MatchResult | None,
                 knowledge: Knowledge) -> Match | None:
    """The entry of the family asked about that the message's own code or status names ("on the managed endpoint
    that's the 429, right?"): what the user takes for the counterpart, matched by that evidence."""
    if result is None or not result.matches or not _names_its_error(reading.text):
        return None
    top = result.matches[0]
    return _read_in_context(top, current["id"]) if _has_evidence(top) and (knowledge.entry(top.id) or {}).get("family") == family \
        else None


def _related_in(entry: dict, family: str, state: State, knowledge: Knowledge) -> list[str]:
    """The entries `entry` lists as related that belong to `family` and were not rejected."""
    return [entry_id for entry_id in entry.get("related", ()) if entry_id not in state.rejected
            and (knowledge.entry(entry_id) or {}).get("family") == family]


def _related_through(current: dict, family: str, state: State, knowledge: Knowledge) -> list[str]:
    """The entries of `family` of the same kind as `current` that its related entries list: its counterpart by way of
    the general entry."""
    return [entry_id for related in current.get("related", ()) for entry_id in
            _related_in(knowledge.entry(related) or {}, family, state, knowledge)
            if (knowledge.entry(entry_id) or {}).get("kind") == current.get("kind")]


def _feedback(state: State, knowledge: Knowledge) -> Resolution:
    """Record the entry shown as not helpful; offer the topic's next best and related entries not yet shown."""
    rejected_now = (state.entry,) if state.entry else tuple(e for e in state.last if state.last_kind != Show.ANSWER)
    if state.topic is None and not rejected_now:
        return Resolution(TurnKind.FEEDBACK, Show.NO_CONTEXT, state=state)
    rejected = added(state.rejected, *rejected_now)
    pool: list[str] = list(state.candidates)
    for source in (state.topic, *state.shown):
        entry = knowledge.entry(source) if source else None
        if entry is not None:
            pool.extend(entry.get("related", ()))
    excluded = set(rejected) | set(state.shown)
    choices = [entry_id for entry_id in dict.fromkeys(pool)
               if entry_id not in excluded and knowledge.entry(entry_id) is not None][:ALTERNATIVES_MAX]
    # With nothing left, the last answer stays what a language request re-renders.
    new = state.with_(entry=None, match_id=state.match_id, rejected=rejected,
                      offered=added(state.offered, *choices), last=tuple(choices) or state.last,
                      last_kind=Show.ALTERNATIVES if choices else state.last_kind)
    matches = [Match(entry_id, 0.0, [_context_reason(state.topic or "")]) for entry_id in choices]
    show = Show.ALTERNATIVES if choices else Show.NOTHING_LEFT
    return Resolution(TurnKind.FEEDBACK, show, matches, reject=state.entry, state=new)


def _language(reading: Reading, state: State, knowledge: Knowledge) -> Resolution:
    """The last answer again in the requested language; with nothing shown yet, a hint in it."""
    lang = reading.target_lang
    shown = [entry_id for entry_id in state.last if knowledge.entry(entry_id) is not None]
    new = state.with_(lang=lang, asked_lang=lang)
    if not shown and reading.question and not in_conversation(state):
        # "do you speak Russian?" with nothing to translate yet asks what the assistant can do: answered in that language
        return Resolution(TurnKind.SMALL_TALK, Show.SMALL_TALK, small_talk="meta", lang=lang, state=new)
    if reading.question and lang == state.lang and CUES.language_ability.search(reading.text.casefold()):
        # "do you even understand Russian?" asked while the answers are in Russian: about the assistant, nothing to switch
        return Resolution(TurnKind.SMALL_TALK, Show.SMALL_TALK, small_talk="meta", lang=lang, state=state)
    if not shown:
        return Resolution(TurnKind.LANGUAGE, Show.NO_CONTEXT, lang=lang, state=new)
    show = Show.ANSWER if state.last_kind == Show.ANSWER else Show.ALTERNATIVES
    matches = [Match(entry_id, 0.0, [_context_reason(entry_id)]) for entry_id in shown]
    return Resolution(TurnKind.LANGUAGE, show, matches, lang=lang, state=new)


def _asked_aspect(reading: Reading, entry: dict, switch: str | None) -> str | None:
    """What a follow-up asks how to do in the product (ASPECT_QUERIES): said outright ("its logs"), or, when
    it names another family while a how-to about it is shown ("what about batch?" after the logs), that again."""
    if reading.aspect in ASPECT_QUERIES and not (reading.aspect in STAGES and _is_about(entry, reading.aspect)):
        return reading.aspect  # a stage ("and at build time?") asks for another entry only if the card is not about it
    if switch is None or entry.get("kind") != "how-to":
        return None
    title = entry["content"]["en"]["title"].lower()
    return next((aspect for aspect, about in ASPECT_TITLES.items() if about.search(title)), None)


def _family_switch(reading: Reading, state: State) -> str | None:
    """The other family a follow-up names ("same on AKS", "what about batch?"), if it names exactly one; naming the
    conversation's own family too, it describes where things run ("the attached AKS of my online endpoint") unless
    it says it switches ("same on AKS as on online?")."""
    if state.family in reading.families and not CUES.family_switch.search(reading.text.casefold()):
        return None
    others = reading.families - {state.family}
    return next(iter(others)) if len(others) == 1 and len(reading.families) <= 2 else None


def _own_evidence(result: MatchResult, state: State, knowledge: Knowledge, reading: Reading) -> bool:
    """The message's own code or signature points outside the conversation (the entries the card shown and the topic
    list), or, said rather than asked, to another entry than the one shown ("and during the build also an ACR
    authorization failure"): a new topic after all."""
    if not result.matches:
        return False
    top = result.matches[0]
    if not any(reason["type"] in EVIDENCE_REASONS for reason in top.reasons):
        return False
    current = knowledge.entry(state.entry) if state.entry else None
    if current is None:
        return True
    told = not reading.question and not CUES.comparison.search(reading.text.casefold())
    switch = None if told else _family_switch(reading, state)
    if switch is not None and (knowledge.entry(top.id) or {}).get("family") == switch:
        return False  # the counterpart asked about by its code ("on the managed endpoint that's the 429, right?")
    # asked about, an entry the topic lists is as near as one the card shown lists ("is 504 the same?" after the logs)
    topic = knowledge.entry(state.topic) if state.topic else None
    near = {*current.get("related", ()), *(topic or {}).get("related", ()), *((state.topic,) if state.topic else ())}
    return top.id != current["id"] and (told or top.id not in near) and not _asks_on_in_the_family(reading, state, top, knowledge)


def _asks_on_in_the_family(reading: Reading, state: State, top: Match, knowledge: Knowledge) -> bool:
    """A question opened as the next one of the talk ("then what does ResourceNotFound mean?", "그럼 429는 언제 나요?",
    "а 200 OK значит ...?") about a code or status of the conversation's own product, naming no other: it asks on about
    that product, answered by its own match as a follow-up (told, or about another product, it opens a topic; "and this?
    QuotaExceeded ..." points at a paste of its own)."""
    return reading.question and not reading.points_back and not reading.families - {state.family} \
        and ((knowledge.entry(top.id) or {}).get("family") == state.family
             or (not reading.families and (knowledge.entry(top.id) or {}).get("kind") == STATUS_KIND)) \
        and bool(CUES.asks_on.search(reading.text.casefold())) and not CUES.new_topic.search(reading.text.casefold())


def _elsewhere(neighbour: Topic | None, result: MatchResult) -> bool:
    """The matcher recognised the message, in the user's own words (not a canonical question about the logs), as
    about a neighbouring product the knowledge does not cover (a compute instance, Azure OpenAI; `neighbour`, from
    `_neighbouring`) and nothing here answers it: a new topic, however it is worded ("and where do I set ...?")."""
    return neighbour is not None and not result.matches


def _neighbouring(reading: Reading, result: MatchResult) -> Topic | None:
    """The neighbouring area the matcher recognised a follow-up as about, when the message names it by one of the
    area's conclusive words ("compute instance", "AutoML"). Its other words (conda, a private endpoint, the az login)
    are said of deployments too: the matcher weighed them against the deployment words of the message alone, and a
    follow-up leaves those to the conversation ("would fewer conda packages help?")."""
    topic = result.out_of_scope
    return topic if topic is not None and topic.strong.search(normalize(reading.text)) else None


def _suspects_a_cause(reading: Reading, result: MatchResult) -> bool:
    """A circumstance offered as the possible cause, asked ("could it be because the registry is in another
    subscription?", "does that change anything?"), that nothing matches surely: it asks about the conversation's
    problem, whatever neighbouring area its circumstance names (a datastore, a private network). Asked as the cause of
    the problem pointed at ("we pull through a firewall in a peered network, could that be the reason?", `_names_a_suspect`), also when
    its words match surely: the entry of the conversation about that circumstance answers it, else the card shown."""
    return reading.question and not reading.strong and bool(CUES.because.search(reading.text.casefold())) \
        and (not result.matches or (not reading.tentative and reading.points_back and not reading.families
                                    and _names_a_suspect(reading)))


def _points_back_unanswered(reading: Reading, result: MatchResult, neighbour: Topic | None) -> bool:
    """A question too long to be read as referring back outright that points at the problem at hand ("will it keep
    happening when we scale out?", "그게 이 문제랑 상관 있어요?"), names no product, code or neighbouring area of its own
    and asks for no aspect (those have their own entries), that nothing matches surely: it asks about the
    conversation, not a new problem (`_follow_up` guesses within the family for the shorter ones)."""
    return reading.tentative and reading.question and reading.points_back and not reading.strong \
        and not reading.families and neighbour is None and reading.aspect not in ASPECT_QUERIES and not result.matches


def _suspected_cause(reading: Reading, state: State, result: MatchResult, knowledge: Knowledge) -> Resolution:
    """The answer to a suspected cause (`_suspects_a_cause`) or a question pointing back that nothing answers
    (`_points_back_unanswered`): the conversation's entry its words guess best (`_conversation_guess`)."""
    current = knowledge.entry(state.entry or "")
    if current is None:
        return _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)
    chosen = _conversation_guess(reading, current, state, result, knowledge)
    new = _showing(state, chosen.id, knowledge).with_(last=(chosen.id,), last_kind=Show.ANSWER,
                                                      lang=reading.target_lang or state.lang)
    return Resolution(TurnKind.FOLLOW_UP, Show.ANSWER, [chosen], lang=reading.target_lang, state=new)


def _conversation_guess(reading: Reading, current: dict, state: State, result: MatchResult, knowledge: Knowledge) -> Match:
    """For a suspected cause, the entry of the conversation (the card shown, its and the topic's related entries, the
    topic's runners-up, what was offered) its words match best, when they match it at all (the entry about a private
    network after a question about one), else the problem at hand (the topic, when a how-to is shown); for a question
    that only points back ("will it keep happening when we scale out?", whose many words share a few with any
    neighbour by chance), the card shown."""
    topic = knowledge.entry(state.topic) if state.topic else None
    conversation = {current["id"], *_neighbourhood(current, state, result, knowledge)} - set(state.rejected)
    suspects = bool(CUES.because.search(reading.text.casefold()))
    best = next((match for match in result.candidates if suspects and match.id in conversation
                 and match.score >= FOLLOW_UP_FLOOR), None)
    if best is not None:
        return _read_in_context(best, current["id"])
    step = _next_in_the_topic(current, state, result) if not suspects and _tells_then_asks(reading) else None
    if step is not None:
        return _read_in_context(step, current["id"])
    # a cause suspected while a how-to is shown (the logs) is a cause of the problem the conversation is about
    problem = topic if suspects and topic is not None and current.get("kind") == HOW_TO_KIND \
        and topic.get("kind") != HOW_TO_KIND and topic["id"] not in state.rejected else current
    return _context_match(current, problem["id"], "same_entry")


def _tells_then_asks(reading: Reading) -> bool:
    """Something told first, then a question about it ("the build now runs for an hour and dies, is there a limit on
    it?"): the news is what the question is about, not the card ("where are the logs for that? it is cut off")."""
    text = reading.text.strip()
    parts = [part for part in _CLAUSE_ENDS.split(text) if part.strip()]
    return len(parts) >= 2 and text.endswith(("?", "？")) and not CUES.question.search(parts[0].casefold())


def _next_in_the_topic(current: dict, state: State, result: MatchResult) -> Match | None:
    """For a question pointing back that nothing matches surely ("the build now runs for an hour and dies, is there a
    limit on it?"), the entry the problem moved on to: one the card lists as related that was also the topic's
    runner-up, guessed at GUESS_FLOOR or more and within NEAR_TIE of the best guess (None: no such entry). A chance
    share of words with some neighbour is not enough; both the card and the topic must point at it."""
    if not result.candidates:
        return None
    best = result.candidates[0].score
    return next((match for match in result.candidates if match.id != current["id"] and match.id in state.candidates
                 and match.id in current.get("related", ()) and match.id not in state.rejected
                 and match.score >= max(GUESS_FLOOR, best - NEAR_TIE)), None)


def _tentative(reading: Reading, state: State, result: MatchResult, knowledge: Knowledge,
               neighbour: Topic | None) -> Resolution:
    """A message that does not refer back: it continues the conversation when its own best match is the
    entry shown or one it lists as related, or when it asks a question its own sure matches answer without
    evidence of its own (a code, a signature), the conversation's family and related entries favoured among
    them: people ask on about the problem at hand in their own words.
    Anything else (a statement that matches elsewhere, evidence elsewhere, out of scope, no match) is a new topic.
    `neighbour`: the neighbouring area the message names (`_neighbouring`)."""
    current = knowledge.entry(state.entry) if state.entry else None
    # asked about, the topic's other confident matches are the conversation's too: a first answer may have been the
    # general entry ("HTTP 404") where the runner-up was the particular one the question asks about (a statement
    # that describes the runner-up's problem tells a new topic)
    asked = state.candidates if reading.question else ()
    neighbourhood = {current["id"], *current.get("related", ()), *asked} if current else set()
    # Its own matches, or when none is sure its best guesses: the conversation's entry wins a near tie.
    pool = [m for m in result.candidates or result.matches if m.score >= FOLLOW_UP_FLOOR]
    # named outright, a neighbouring area is the subject unless a question of it is answered in the conversation
    # ("do I set it with az ml workspace update?"); a statement about it ("the compute instance hangs") opens a topic
    # in a near tie, the card shown comes first, then the entries it lists, then the topic's runners-up. The question
    # of the area is answered in the conversation when it matches surely, points back, asks yes or no ("does the
    # cluster identity need a storage role?") or is said in a few words: a weak guess of the card shown does not keep
    # a long question of its own ("how would I turn a folder of parquet files into a reusable dataset?") in it
    near = [m for m in pool if m.score >= pool[0].score - NEAR_TIE and m.id in neighbourhood] \
        if pool and (neighbour is None or (reading.question and pool[0].id in neighbourhood and (
            bool(result.matches) or reading.points_back or reading.polar
            or word_count(reading.text) <= FEW_WORDS))) else []
    top = min(near, key=lambda m: (m.id != state.entry, m.id not in (current or {}).get("related", ())), default=None)
    own = result.matches[0] if result.matches else None
    if own is not None and _has_evidence(own) and own.id not in neighbourhood \
            and not CUES.comparison.search(reading.text.casefold()) and not _asks_on_in_the_family(reading, state, own, knowledge):
        top = None  # "and the 429 rate limiting error then?": a code of its own beyond the conversation opens a topic, as
        # does an error named by its own words ("again WorkspaceManagedNetworkNotReady, is the vnet not ready yet?"),
        # unless asked against it ("is the 503 on AKS the same problem?")
    elif reading.question and neighbour is None:
        # Asked about the problem at hand: its own sure answers, the conversation's family and related entries favoured.
        top = _favoured([*([top] if top else []), *result.matches], current, neighbourhood, knowledge)
        if current is not None and top is not None and _strays(reading, top, current, neighbourhood, knowledge):
            top = _conversation_guess(reading, current, state, result, knowledge)
        if top is not None and _one_sentence(reading) and _asks_of_its_own_subject(reading, top, state, result, knowledge):
            top = None  # a subject of its own nothing covers ("how do I tag model versions in the registry?")
        if current is not None and top is not None and (
                _elsewhere_in_few_words(reading, top, current, neighbourhood, knowledge)
                or _guessed_from_few_words(reading, top, current, state, knowledge, result)):
            top = _context_match(current, current["id"], "same_entry")  # "and the formula?": of the entry shown
    elif own is not None and _has_evidence(own) and own.id != state.entry:
        top = None  # "full error: ImageBuildFailure ...": its own evidence opens a topic, near or not
    if top is None and current is not None and reading.question and not reading.strong and neighbour is None \
            and not result.matches and current.get("kind") == HOW_TO_KIND:
        top = _next_step(current, result, knowledge)  # "once it is pulled, how do I run it?": the walk-through goes on
    if top is None and current is not None and _asks_on_in_few_words(reading, result, neighbour):
        top = _context_match(current, current["id"], "same_entry")  # "where do I request more?": of the entry shown
    if top is None:
        return _new_topic(replace(reading, kind=TurnKind.NEW_TOPIC), state, result, knowledge)
    top = _settled(reading, top, current, state, result, knowledge) or top
    chosen = _read_in_context(top, state.entry)
    new = _showing(state, top.id, knowledge).with_(last=(top.id,), last_kind=Show.ANSWER,
                                                   lang=reading.target_lang or state.lang)
    return Resolution(TurnKind.FOLLOW_UP, Show.ANSWER, [chosen], lang=reading.target_lang, state=new)


def _settled(reading: Reading, chosen: Match, current: dict | None, state: State, result: MatchResult,
             knowledge: Knowledge) -> Match | None:
    """What the conversation answers instead of a follow-up's chosen entry (None: the chosen one): for taking
    something down, the card's entry about that (`_taken_down`); for a yes or no question in a near tie, the card
    shown (`_card_in_a_near_tie`)."""
    down = _taken_down(reading, chosen, current, state, result, knowledge) if current is not None else None
    return down or _card_in_a_near_tie(reading, chosen, state, result) \
        or (_card_over_a_weak_guess(reading, chosen, current, state, result, knowledge) if current is not None else None)


def _card_over_a_weak_guess(reading: Reading, chosen: Match, current: dict, state: State, result: MatchResult,
                            knowledge: Knowledge) -> Match | None:
    """A yes or no question about the problem at hand ("does one of them have to be the default?", "is that because the
    node is too small?"), naming no code, aspect or product of its own, whose chosen answer is another problem its
    words match only barely (under WEAK_GUESS, no code or signature) and do not even lead with (it was favoured as
    the conversation's): whether it is so is the card's to answer (a problem too), not the neighbour's a few shared
    words point at (None: not such a question). A neighbour the words lead with answers it ("can an oversized reply
    break this too?"). A how-to guessed is
    the next step asked about, and a how-to shown has its problem asked about elsewhere."""
    if not reading.polar or reading.strong or chosen.id == current["id"] or reading.aspect is not None \
            or reading.families - {state.family} or _family_switch(reading, state) is not None \
            or CUES.comparison.search(reading.text.casefold()) or _has_evidence(chosen) or chosen.score >= WEAK_GUESS \
            or not result.candidates or result.candidates[0].id == chosen.id \
            or HOW_TO_KIND in {current.get("kind"), (knowledge.entry(chosen.id) or {}).get("kind")}:
        return None
    return _context_match(current, current["id"], "same_entry")


def _taken_down(reading: Reading, chosen: Match, current: dict, state: State, result: MatchResult,
                knowledge: Knowledge) -> Match | None:
    """A question how to stop or remove something once done with it ("how do I get rid of the local service after
    testing?") answered by an entry not about that: the entry about taking it down that the card shown lists as
    related (or the card itself, or the topic and what it lists: after a detour to another step, the local service
    the conversation opened with), guessed within TEARDOWN_MARGIN of the best guess, answers it instead (None: no such
    entry), the best guessed first. The question names what the card set up, so the card outscores the entry by its
    words. Asked in too few words for anything to match surely ("and how to stop it after?"), the one entry about
    taking something down that an entry shown lists as related answers it, however its few words guess."""
    if not CUES.teardown.search(reading.text.casefold()) or TEARDOWN_TITLE.search(_title(knowledge, chosen.id)):
        return None
    topic = knowledge.entry(state.topic) if state.topic else None
    related = {state.entry, *current.get("related", ()), state.topic, *(topic or {}).get("related", ())}
    floor = result.candidates[0].score - TEARDOWN_MARGIN if result.candidates else 0.0
    guessed = next((match for match in result.candidates if match.id in related and match.score >= floor
                    and TEARDOWN_TITLE.search(_title(knowledge, match.id))), None)
    if guessed is not None or result.matches:
        return guessed
    shown_related = {entry_id for shown in state.shown for entry_id in (knowledge.entry(shown) or {}).get("related", ())}
    teardowns = sorted(entry_id for entry_id in shown_related - set(state.rejected)
                       if TEARDOWN_TITLE.search(_title(knowledge, entry_id)))
    return _context_match(current, teardowns[0], "teardown") if len(teardowns) == 1 else None


def _title(knowledge: Knowledge, entry_id: str) -> str:
    """The English title of an entry, lower-cased ("" when unknown)."""
    return str(((knowledge.entry(entry_id) or {}).get("content") or {}).get("en", {}).get("title", "")).lower()


def _card_in_a_near_tie(reading: Reading, chosen: Match, state: State, result: MatchResult) -> Match | None:
    """A yes or no question about the problem at hand ("would a bigger SKU make this go away?",
    "can an exception in run() end in a 502?") whose own sure matches put the card shown within NEAR_TIE of the best:
    whether it is so is the card's to answer, not the neighbour's one point ahead (None: no such tie). Not when it
    names a product or switches to one ("same on AKS?": the counterpart there answers), compares, or asks for an
    aspect with entries of its own (the logs)."""
    if not reading.polar or chosen.id == state.entry or not result.matches or reading.families \
            or reading.aspect is not None or _family_switch(reading, state) is not None \
            or CUES.comparison.search(reading.text.casefold()):
        return None
    card = next((match for match in result.matches if match.id == state.entry), None)
    return card if card is not None and card.score >= result.matches[0].score - NEAR_TIE else None


def _asks_of_its_own_subject(reading: Reading, chosen: Match, state: State, result: MatchResult,
                             knowledge: Knowledge) -> bool:
    """A question long enough to say what it is about (more than FEW_WORDS words) that points at nothing of the
    conversation (no pronoun, aspect, named entry, code, product or suspected cause) and that nothing matches surely,
    whose best guess is a problem the card shown does not list ("is there a discount on reserved GPU capacity for a
    year?" after a 429 guesses the out-of-capacity entry by one word): a subject of its own the knowledge does not
    cover, said so rather than answered with a guess under the threshold. A guessed how-to may be the next step of
    a walk-through ("once it is built, how do I run the image on my machine?"): left to the rules for those."""
    shown = knowledge.entry(state.entry or "") or {}
    return reading.question and not reading.points_back and reading.aspect is None and reading.named is None \
        and not reading.strong and not reading.families and not result.matches \
        and word_count(reading.text) > FEW_WORDS and not CUES.because.search(reading.text.casefold()) \
        and chosen.id not in {state.entry, *shown.get("related", ())} \
        and (knowledge.entry(chosen.id) or {}).get("kind") != HOW_TO_KIND


def _one_sentence(reading: Reading) -> bool:
    """Said in one sentence: a message that first tells something and then asks may ask about what it told."""
    return sum(bool(part.strip()) for part in _SENTENCE_ENDS.split(reading.text)) <= 1


def _strays(reading: Reading, top: Match, current: dict, neighbourhood: set[str], knowledge: Knowledge) -> bool:
    """A question pointing at the problem at hand ("so this happens before any request reaches my script?") whose own
    answer lies in another product, unrelated to the conversation, naming no product, code or signature of its own:
    it still asks about the problem at hand (the same words are said of every product's scoring script). So does a
    cause suspected in a few words ("может, я не в той рабочей области?"): its words (a workspace) are said of every
    product's problems too."""
    offers_a_cause = reading.question and bool(CUES.because.search(reading.text.casefold()))
    return (reading.points_back or offers_a_cause) and not reading.families and not reading.strong \
        and top.id not in neighbourhood \
        and (knowledge.entry(top.id) or {}).get("family") != current["family"] and not _has_evidence(top)


def _next_step(current: dict, result: MatchResult, knowledge: Knowledge) -> Match | None:
    """The how-to the how-to shown lists as related that a question nothing matches surely guesses best, from
    NEXT_STEP_FLOOR: the next step of a walk-through shares few words with its question."""
    related = set(current.get("related", ()))
    return next((match for match in result.candidates if match.id in related and match.score >= NEXT_STEP_FLOOR
                 and (knowledge.entry(match.id) or {}).get("kind") == HOW_TO_KIND), None)


def _asks_on_in_few_words(reading: Reading, result: MatchResult, neighbour: Topic | None) -> bool:
    """A short question that nothing matches surely, nor out of scope (no `neighbour`: "where do I request more?",
    "and then?"), or a yes-or-no one of up to POLAR_UNANSWERED_WORDS ("is the key rotated automatically by any chance?"): too few
    words of its own to be a new problem, it asks on about the entry shown."""
    words = word_count(reading.text)
    return reading.question and not reading.strong and neighbour is None and not result.matches \
        and (words <= SHORT_FOLLOW_UP_WORDS or (reading.polar and words <= POLAR_UNANSWERED_WORDS))


def _elsewhere_in_few_words(reading: Reading, top: Match, current: dict, neighbourhood: set[str],
                            knowledge: Knowledge) -> bool:
    """A short question ("and the formula?", "which port?") whose only answer lies in another family, outside the
    conversation: too few words to leave the topic on, it asks about the entry shown."""
    family = (knowledge.entry(top.id) or {}).get("family")
    return word_count(reading.text) <= SHORT_FOLLOW_UP_WORDS and top.id not in neighbourhood \
        and family != current["family"] and not reading.families and not _has_evidence(top)


def _favoured(matches: list[Match], current: dict | None, neighbourhood: set[str], knowledge: Knowledge) -> Match | None:
    """The best of `matches` once the entries related to the conversation's and those of its family are favoured."""
    family = current["family"] if current else None

    def favoured(match: Match) -> float:
        in_family = (knowledge.entry(match.id) or {}).get("family") == family
        return match.score + RELATED_BONUS * (match.id in neighbourhood) + SAME_FAMILY_BONUS * in_family
    best = max(matches, key=favoured, default=None)
    if best is None or best.id in neighbourhood:
        return best
    # two steps of one walk-through the question matches alike, neither of them the conversation's ("how do I attach VS
    # Code to it?": the overview of debugging in the container and its step of running the debug image): the walk-through
    # is entered at the step that lists the most of the others, its overview
    best_entry = knowledge.entry(best.id) or {}

    def step_of_the_same(match: Match) -> bool:  # a how-to of the same family linked with the best one
        entry = knowledge.entry(match.id) or {}
        return entry.get("kind") == HOW_TO_KIND and entry.get("family") == best_entry.get("family") and (
            match.id == best.id or match.id in best_entry.get("related", ()) or best.id in entry.get("related", ()))
    tied = {match.id: match for match in matches if favoured(best) - favoured(match) <= NEAR_TIE
            and match.id not in neighbourhood and step_of_the_same(match)}
    if best.id not in tied or len(tied) < 2:
        return best
    return max(tied.values(), key=lambda match: (len(set((knowledge.entry(match.id) or {}).get("related", ())) & set(tied)),
                                                 len((knowledge.entry(match.id) or {}).get("related", ())), favoured(match)))


def _same_again(reading: Reading) -> bool:
    """Feedback that says the outcome is the same ("gave it Storage Blob Data Reader, same thing") or that it did
    as the answer said ("gave it AcrPull like you said, still can't pull"): the evidence it brings is what was
    tried, not a problem of its own."""
    text = reading.text.casefold()
    return not reading.question and bool(CUES.comparison.search(text) or CUES.advised.search(text))


def _conversation_codes(state: State, knowledge: Knowledge) -> set[str]:
    """The codes and statuses the conversation is about: those the topic opened with and those of the card shown and
    the topic's entry."""
    opened_with = state.topic_text or ""
    named = {*error_codes(normalize(opened_with)), *map(str, http_statuses(normalize(opened_with))),
             *_ERROR_STATUS.findall(opened_with)}
    for entry_id in {state.entry, state.topic} - {None}:
        entry = knowledge.entry(entry_id or "") or {}
        named.update(str(code) for code in (*entry.get("error_codes", ()), *entry.get("http_statuses", ())))
    return named


def _named_again(reading: Reading, state: State, knowledge: Knowledge) -> bool:
    """Told, not asked, every code and status the message names is one the conversation is about ("gzipped the
    response, still 424" after the card on a too large response): the same failure again, whichever entry its number
    alone would match best."""
    normal = normalize(reading.text)
    named = {*error_codes(normal), *map(str, http_statuses(normal))}
    return not reading.question and state.entry is not None and bool(named) \
        and named <= _conversation_codes(state, knowledge)


def _new_evidence(result: MatchResult, state: State, knowledge: Knowledge) -> bool:
    """The message's own code or signature (or a status the conversation is not about) names an entry the
    conversation has not been about: not the entries shown or offered, the topic's runners-up or their related entries."""
    own = result.matches[0] if result.matches else None
    about = _conversation_codes(state, knowledge)
    if own is None or not any(reason["type"] in EVIDENCE_REASONS and not (
            reason["type"] == "status" and str(reason.get("value")) in about) for reason in own.reasons):
        return False  # none, or only the status the conversation is about ("only the cloud one throws 424")
    known = {state.entry, state.topic, *state.shown, *state.offered, *state.candidates, *state.last}
    for entry_id in (state.entry, state.topic):
        known.update((knowledge.entry(entry_id) or {}).get("related", ()) if entry_id else ())
    return own.id not in known


def _has_evidence(match: Match) -> bool:
    return any(reason["type"] in EVIDENCE_REASONS for reason in match.reasons)


def _context_match(current: dict, entry_id: str, why: str) -> Match:
    """An entry chosen from the conversation rather than by score (the score says how sure the pick is)."""
    return Match(entry_id, CONTEXT_SCORE, [_context_reason(current["id"], why)])


def _context_reason(topic: str | None, why: str | None = None) -> dict[str, Any]:
    """The reason naming the conversation a match was read in (and, for a pick by the conversation, why)."""
    return {"type": "context", "value": topic} if why is None else {"type": "context", "value": topic, "why": why}


def _read_in_context(match: Match, topic: str | None) -> Match:
    """A match of the message's own words, its reasons led by the conversation it was read in."""
    return Match(match.id, match.score, [_context_reason(topic), *match.reasons])


def _showing(state: State, entry_id: str, knowledge: Knowledge) -> State:
    entry = knowledge.entry(entry_id) or {}
    commands = entry.get("commands", ())
    generation = next((c["generation"] for c in commands if c["generation"] in CURRENT_GENERATIONS),
                      commands[0]["generation"] if commands else None)
    return state.with_(entry=entry_id, family=entry.get("family"), generation=generation,
                       shown=added(state.shown, entry_id))


def opened(state: State, entry_id: str, knowledge: Knowledge) -> State:
    """The state after the user opened an entry themselves (a chip, a choice): it is the entry shown now."""
    return _showing(state, entry_id, knowledge).with_(last=(entry_id,), last_kind=Show.ANSWER)


def relanguaged(state: State, lang: str) -> State:
    """The state after the interface language was switched: later answers follow it."""
    return state.with_(lang=lang, asked_lang=lang)

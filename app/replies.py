"""Replies in a conversation, for the chat and for bots alike: read the message against the
conversation's state (app/dialogue), match what needs matching once, answer, remember.

The faces store the reply their own way (the chat as messages of the browser's conversation,
the API in the bot's conversation) and render it; this module decides it, records "that didn't
help" as feedback, writes the transcript for a ticket and deletes a conversation.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from dataclasses import dataclass

from sqlalchemy import update

from app.answers import answer
from app.conversations import store
from app.conversations.models import Conversation, ConversationMessage
from app.dialogue.policy import Resolution, Show, context_query, in_conversation, resolve
from app.dialogue.state import State
from app.dialogue.turns import TurnKind, read_turn
from app.extensions import db
from app.feedback.models import Feedback
from app.feedback.recorder import FeedbackExists, record_feedback
from app.i18n import t
from app.knowledge.localize import entry_url, localized
from app.matching.language import detect_language
from app.matching.matcher import MatchResult
from app.privacy import redact
from app.store.snapshot import current_matcher

CONTEXT_CANDIDATES = 20
"""Candidates a follow-up is chosen from: enough that each family's logs entry is among them."""
REJECTION_REASON = "related_but_not_helpful"
"""What "that didn't help" says about the entry shown, as a feedback reason."""
PAYLOAD_KINDS = {Show.ANSWER: "answer", Show.NO_MATCH: "answer", Show.ALTERNATIVES: "alternatives",
                 Show.NOTHING_LEFT: "nothing_left", Show.NO_CONTEXT: "no_context", Show.SMALL_TALK: "small_talk"}
"""What a reply shows, as the stored message's kind (an answer without matches renders as no match)."""
SCRIPT_LANGS = ("ko", "zh", "ru")
"""Languages recognised by their script alone, so even in a two-word message."""
FEEDBACK_COMMENT_CHARS = 500
"""The message that said so, kept with the feedback (redacted by the recorder): enough to read why."""
TRANSCRIPT_LANG = "en"
"""Tickets are read by the support desk in English; each answer links its entry in the user's language."""
TRANSCRIPT_LABELS = ("answer", "entry", "alternatives", "nothing_left", "small_talk", "no_context")
"""Chat payload kinds with a transcript label of their own (`transcript_<kind>` in app/i18n.py)."""
_BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True)
class Reply:
    resolution: Resolution
    result: dict
    """The contract of POST /api/v1/match for what the reply shows (answer() shaped and logged it)."""
    state: State

    @property
    def turn(self) -> str:
        return self.resolution.turn.value

    @property
    def show(self) -> str:
        return self.resolution.show

    @property
    def lang(self) -> str:
        return self.result["answer_lang"]


def converse(text: str, state: State, *, lang: str | None = None, fallback_lang: str = "en", limit: int = 5,
             channel: str = "api") -> Reply:
    """Read `text` in the conversation `state`, match once if needed, and answer.

    `lang` forces the answer's language (the API's `lang`); otherwise a language the user asked
    for, else the message's own, else the conversation's, else `fallback_lang`.
    """
    matcher = current_matcher()
    reading = read_turn(text, in_conversation(state), state.family)
    query = context_query(text, reading, state, matcher)
    started = time.perf_counter()
    result = matcher.match(query, limit=max(limit, CONTEXT_CANDIDATES)) if query is not None else None
    resolution = resolve(reading, state, result, matcher)
    latency_ms = (time.perf_counter() - started) * 1000.0
    query_lang = result.query_lang if result is not None and reading.kind is TurnKind.NEW_TOPIC \
        else detect_language(text)
    shown = MatchResult(
        matches=resolution.matches[:limit], query_lang=query_lang,
        codes=result.codes if result else [], http_statuses=result.http_statuses if result else [],
        ambiguous=bool(result and result.ambiguous and resolution.matches == result.matches[:len(resolution.matches)]),
        truncated=bool(result and result.truncated),
        out_of_scope=result.out_of_scope if result and not resolution.matches and resolution.show == Show.NO_MATCH
        else None)
    answer_lang = lang or resolution.lang or reply_lang(resolution.turn, query_lang, state) or fallback_lang
    shaped = answer(text, lang=answer_lang, limit=limit, channel=channel, matched=(shown, latency_ms))
    new_state = resolution.state
    if new_state.entry is not None and new_state.entry != state.entry:
        new_state = new_state.with_(match_id=shaped["match_id"])
    return Reply(resolution, shaped, dataclasses.replace(new_state, lang=answer_lang))


def store_reply(conversation: Conversation, text: str, reply: Reply,
                lifetime: dt.timedelta | None = None) -> tuple[ConversationMessage, ConversationMessage]:
    """Append the message (redacted, like the query log) and its reply, writing the new state with them.
    The caller commits, after reading what it needs of the rows (a commit expires them)."""
    question, answer_message = store.append(
        conversation, {"role": "user", "text": redact(text)},
        {"role": "assistant", "match_id": reply.result["match_id"], "payload": payload(reply)},
        state=reply.state.to_json(), lifetime=lifetime)
    return question, answer_message


def payload(reply: Reply) -> dict:
    """What an assistant message stores: what was decided (ids, scores, reasons, language), not its text,
    so it re-renders in another language and follows knowledge updates."""
    result = reply.result
    matches = [{"id": m["id"], "score": m["score"], "reasons": m["reasons"]} for m in result["matches"]]
    return {"kind": PAYLOAD_KINDS[reply.show], "turn": reply.turn, "lang": reply.lang, "matches": matches,
            "choices": close_count(matches, result), "detected": result["detected"],
            "truncated": result["truncated"], "out_of_scope": (result["out_of_scope"] or {}).get("topic"),
            "small_talk": reply.resolution.small_talk, "rejected": reply.resolution.reject}


def close_count(matches: list[dict], result: dict) -> int:
    """How many leading matches are too close to call (0 when the best one clearly wins)."""
    if not result["ambiguous"]:
        return 0
    margin = current_matcher().params.ambiguity_margin
    return sum(1 for m in matches if matches[0]["score"] - m["score"] < margin)


def reply_message(reply: Reply) -> str | None:
    """The sentence a reply says besides its matches, in the reply's language (None for a plain answer)."""
    lang, show = reply.lang, reply.show
    if show == Show.SMALL_TALK:
        return t(lang, f"small_talk_{reply.resolution.small_talk}")
    if show == Show.NO_CONTEXT:
        return t(lang, "no_context_language" if reply.turn == "language" else "no_context_feedback")
    if show == Show.ALTERNATIVES and reply.turn == "feedback":
        return t(lang, "alternatives_title" if reply.resolution.reject else "alternatives_more")
    if show == Show.NOTHING_LEFT:
        return t(lang, "nothing_left")
    return None


def reply_lang(turn: TurnKind, message_lang: str | None, state: State) -> str | None:
    """The language to reply in when the message did not ask for one.

    A new paste is answered in its own language (as the chat always did); small talk too, unless
    the user asked for a language before. Follow-ups and feedback keep the conversation's
    language unless written in a script that names its language (Hangul, Han, Cyrillic): a
    short Latin message ("same on AKS?") says little about the language its writer wants.
    """
    if turn is TurnKind.NEW_TOPIC:
        return message_lang or state.asked_lang or state.lang
    if turn is TurnKind.SMALL_TALK:
        return state.asked_lang or message_lang or state.lang
    script_lang = message_lang if message_lang in SCRIPT_LANGS else None
    return state.asked_lang or script_lang or state.lang or message_lang


def record_rejection(reply: Reply, previous: State, text: str, channel: str,
                     conversation: Conversation | None = None) -> None:
    """"That didn't help" as negative feedback on the entry shown, through the feedback recorder.

    In the chat it is tied to the message that showed the entry, as its feedback button would be;
    when that button was used already, the earlier feedback stands."""
    entry_id = reply.resolution.reject
    if entry_id is None:
        return
    message = store.answer_with_match(conversation, previous.match_id) \
        if conversation is not None and previous.match_id else None
    if message is not None and message.answer.get("feedback"):
        return
    try:
        record_feedback(helpful=False, match_id=previous.match_id, entry_id=entry_id, reason=REJECTION_REASON,
                        comment=text[:FEEDBACK_COMMENT_CHARS], channel=channel,
                        message_id=message.id if message is not None else None)
    except FeedbackExists:
        return
    if message is not None:
        store.update_payload(message, feedback={"entry_id": entry_id, "helpful": False})



def delete(conversation: Conversation) -> None:
    """Delete a conversation at its user's request; feedback on its messages stays, detached from them."""
    ids = store.message_ids(conversation)
    if ids:
        db.session.execute(update(Feedback).where(Feedback.message_id.in_(ids)).values(message_id=None))
    store.delete_conversation(conversation)
    db.session.commit()


def transcript(conversation: Conversation, base_url: str = "") -> str:
    """The conversation as Markdown for a support ticket: each paste (redacted) and each answer
    with its entry's title, link and confidence, in English so any engineer can read it."""
    lang = TRANSCRIPT_LANG
    lines = [f"# {t(lang, 'transcript_title')}", "",
             f"_{t(lang, 'transcript_meta', id=conversation.id, count=len(conversation.messages))}_", ""]
    for message in conversation.messages:
        if message.role == "user":
            lines += [f"**{t(lang, 'transcript_user')}:**", "", _quoted(redact(message.text or "")), ""]
        else:
            lines += [f"**{t(lang, 'transcript_assistant')}:** {_answer_line(message.answer, lang, base_url)}", ""]
    return "\n".join(lines).rstrip() + "\n"



def _quoted(text: str) -> str:
    """A paste as a fenced block whose fence no backtick run inside can close."""
    fence = "`" * max(3, max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    return f"{fence}text\n{text}\n{fence}"


def _answer_line(payload: dict, lang: str, base_url: str) -> str:
    matcher = current_matcher()
    kind = payload.get("kind")
    ids = [payload["entry_id"]] if kind == "entry" else [m["id"] for m in payload.get("matches", [])]
    links = []
    for number, entry_id in enumerate(ids):
        entry = matcher.entry(entry_id)
        if entry is None:
            continue
        title = localized(entry, lang)["title"]
        url = f"{base_url.rstrip('/')}{entry_url(entry_id, payload.get('lang') or lang)}"
        scores = payload.get("matches", [])
        score = scores[number]["score"] if kind != "entry" and number < len(scores) else None
        if kind == "alternatives":
            links.append(f"[{title}]({url})")
            continue
        confidence = t(lang, "transcript_score", score=round(score)) if score else t(lang, "transcript_opened")
        links.append(f"[{title}]({url}) ({confidence})")
    if kind == "answer" and not links:
        kind = "no_match"
    label = t(lang, f"transcript_{kind}" if kind in TRANSCRIPT_LABELS or kind == "no_match" else "transcript_answer")
    feedback = payload.get("feedback")
    verdict = f" — {t(lang, 'transcript_helpful' if feedback['helpful'] else 'transcript_not_helpful')}" \
        if feedback else ""
    return f"{label}{': ' if links else ''}{'; '.join(links)}{verdict}"

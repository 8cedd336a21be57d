"""Conversations of the web chat: store what was asked and answered, render it for the page.

An assistant message stores only what the matcher decided (entry ids, scores, reasons,
the language); its card is rebuilt from the knowledge each time it is shown, so history
follows knowledge updates and can be re-rendered in another language.
"""
from __future__ import annotations

from flask import current_app

from app import replies
from app.answers import out_of_scope
from app.conversations import store
from app.conversations.models import Conversation, ConversationMessage
from app.dialogue.policy import opened, relanguaged
from app.dialogue.state import State
from app.extensions import db
from app.feedback.models import REASONS
from app.feedback.recorder import FeedbackExists, record_feedback
from app.i18n import t
from app.knowledge.localize import localized
from app.knowledge.model import FAMILIES
from app.matching.neighbours import TOPICS
from app.replies import Reply, converse, record_rejection, store_reply
from app.store.snapshot import current_matcher, get_entry
from app.web.cards import entry_card, plain_text

TOPICS_BY_ID = {topic.id: topic for topic in TOPICS}
HIGH_CONFIDENCE = 85.0
MEDIUM_CONFIDENCE = 65.0
REASON_KEYS = {"code": "reason_code", "status": "reason_status", "signature": "reason_signature",
               "fuzzy_signature": "reason_fuzzy_signature", "pattern": "reason_pattern",
               "alias": "reason_phrase", "title": "reason_phrase", "context": "reason_context"}
"""Matcher reason types and the sentence that explains each; any other type reads as `reason_text`."""


class ChatError(Exception):
    """A request the chat cannot honour; `code` names it for the page, `status` for HTTP."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def history(conversation: Conversation | None) -> list[dict]:
    """Every message of the conversation, oldest first, ready for the page."""
    return [render_message(message) for message in conversation.messages] if conversation else []


def ask(conversation: Conversation | None, text: str, ui_lang: str) -> tuple[str, list[dict], Reply]:
    """Read a message in the conversation (app/replies.py) and store it with its reply. A new
    topic is answered in the paste's language, or the interface language when the paste has
    none (a bare code or number); a follow-up in the conversation's.

    The stored paste is redacted like the query log: tokens and keys in logs are not kept.
    """
    previous = State.from_json(conversation.state if conversation else None)
    reply = converse(text, previous, fallback_lang=ui_lang, channel="chat")
    if reply.resolution.reject:
        record_rejection(reply, previous, text, "chat", conversation)
    conversation = conversation or store.new_conversation()
    conversation_id = conversation.id
    question, answer_message = store_reply(conversation, text, reply)
    rendered = [render_message(question), render_message(answer_message)]
    db.session.commit()  # after rendering: committed rows expire, and reading them again costs a query each
    return conversation_id, rendered, reply


def open_entry(conversation: Conversation | None, entry_id: str, lang: str,
               from_message_id: int | None) -> tuple[str, dict]:
    """Show one entry as a new card, e.g. from a chip; feedback on it counts for the original query."""
    if get_entry(entry_id) is None:
        raise ChatError(404, "entry_not_found", f"No entry with id {entry_id!r}.")
    origin = _own_message(conversation, from_message_id) if from_message_id is not None else None
    state = opened(State.from_json(conversation.state if conversation else None), entry_id, current_matcher())
    if origin is not None and origin.match_id:
        state = state.with_(match_id=origin.match_id)
    conversation = conversation or store.new_conversation()
    conversation_id = conversation.id
    (reply,) = store.append(conversation, {"role": "assistant", "match_id": origin.match_id if origin else None,
                                           "payload": {"kind": "entry", "lang": lang, "entry_id": entry_id}},
                            state=state.to_json())
    rendered = render_message(reply)
    db.session.commit()
    return conversation_id, rendered


def change_language(conversation: Conversation | None, message_id: int, lang: str) -> dict:
    """Re-render an answer in another language and remember it, so a reload shows the same."""
    message = _own_message(conversation, message_id)
    store.update_payload(message, lang=lang)
    assert conversation is not None  # _own_message found a message of it
    store.save_state(conversation, relanguaged(State.from_json(conversation.state), lang).to_json())
    db.session.commit()
    return render_message(message)


def transcript(conversation: Conversation | None, base_url: str) -> str:
    """The conversation as Markdown for a ticket (empty conversation: just the heading)."""
    if conversation is None:
        raise ChatError(404, "conversation_not_found", "There is no conversation to copy yet.")
    return replies.transcript(conversation, base_url)


def delete(conversation: Conversation | None) -> None:
    """Delete this browser's conversation and its messages from the server."""
    if conversation is not None:
        replies.delete(conversation)


def give_feedback(conversation: Conversation | None, message_id: int, entry_id: str, helpful: bool,
                  reason: str | None, comment: str | None) -> dict:
    """Store feedback on the entry a card shows, through the same storage as the API's feedback."""
    message = _own_message(conversation, message_id)
    if entry_id not in _card_entry_ids(message.answer):
        raise ChatError(400, "invalid_entry", "Feedback must be about an entry this message shows.")
    if message.answer.get("feedback"):
        raise _feedback_exists()
    if reason is not None and reason not in REASONS:
        raise ChatError(400, "invalid_reason", f"'reason' must be one of {', '.join(REASONS)}.")
    if comment is not None and len(comment) > current_app.config["FEEDBACK_COMMENT_MAX"]:
        raise ChatError(400, "comment_too_long", "The comment is too long.")
    try:
        record_feedback(helpful=helpful, match_id=message.match_id, entry_id=entry_id,
                        reason=None if helpful else reason, comment=comment or None, channel="chat",
                        message_id=message.id)
    except FeedbackExists:
        # Another click on the same answer was stored first (the check above ran before it committed).
        raise _feedback_exists() from None
    store.update_payload(message, feedback={"entry_id": entry_id, "helpful": helpful})
    db.session.commit()
    return render_message(message)


def _feedback_exists() -> ChatError:
    return ChatError(409, "feedback_exists", "Feedback on this answer was already recorded.")


def _own_message(conversation: Conversation | None, message_id: int) -> ConversationMessage:
    try:
        return store.own_message(conversation, message_id)
    except store.MessageNotFound:
        raise ChatError(404, "message_not_found", "No such answer in this conversation.") from None


def render_message(message: ConversationMessage) -> dict:
    """A message as the page needs it; user text stays plain text for the page to show as text."""
    if message.role == "user":
        return {"id": message.id, "role": "user", "text": message.text}
    payload = message.answer
    lang = payload["lang"]
    rendered = {"id": message.id, "role": "assistant", "lang": lang, "feedback": payload.get("feedback")}
    kind = payload["kind"]
    if kind == "entry":
        entry = get_entry(payload["entry_id"])
        body = {"kind": "entry", "card": entry_card(entry, lang)} if entry else _no_match(lang, {})
        return {**rendered, **body}
    rendered["turn"] = payload.get("turn", "new_topic")
    if kind == "small_talk":
        return {**rendered, "kind": "text", "text": t(lang, f"small_talk_{payload['small_talk']}")}
    if kind == "no_context":
        key = "no_context_language" if rendered["turn"] == "language" else "no_context_feedback"
        return {**rendered, "kind": "text", "text": t(lang, key)}
    if kind == "nothing_left":
        return {**rendered, "kind": "handoff", "text": t(lang, "nothing_left")}
    if kind == "alternatives":
        found = [(m, entry) for m in payload["matches"] if (entry := get_entry(m["id"])) is not None]
        if not found:
            return {**rendered, "kind": "handoff", "text": t(lang, "nothing_left")}
        rejected_now = payload.get("rejected") or payload.get("turn") == "language"  # a re-render says it again
        title = t(lang, "alternatives_title" if rejected_now else "alternatives_more")
        return {**rendered, "kind": "alternatives", "title": title,
                "choices": [_summary(m, entry, lang) for m, entry in found]}
    return {**rendered, **_answer(payload, lang)}


def _answer(payload: dict, lang: str) -> dict:
    """The best match as a card and the rest as chips; or the close ones to choose from; or no match.
    Entries removed from the knowledge since are left out."""
    found = [(m, entry) for m in payload["matches"] if (entry := get_entry(m["id"])) is not None]
    if not found:
        return _no_match(lang, payload["detected"], payload.get("out_of_scope"))
    truncated = t(lang, "truncated") if payload["truncated"] else None
    close = payload["choices"]
    if close >= 2 and len(found) >= 2:
        return {"kind": "choice", "truncated": truncated,
                "choices": [_summary(m, entry, lang) for m, entry in found[:close]],
                "others": [_summary(m, entry, lang) for m, entry in found[close:]]}
    top, entry = found[0]
    others = [_summary(m, other, lang) for m, other in found[1:]]
    card = {**entry_card(entry, lang), **_confidence(top, lang), "reasons": _reasons(top["reasons"], lang)}
    card["related"] = [link for link in card["related"] if link["id"] not in {other["id"] for other in others}]
    return {"kind": "answer", "truncated": truncated, "card": card, "others": others}


def _no_match(lang: str, detected: dict, topic_id: str | None = None) -> dict:
    """No answer: the neighbouring topic it is about and where to read (when recognised), what was
    recognised (an unknown code or status), what to paste instead, where to browse."""
    items = [*detected.get("codes", []), *(f"HTTP {status}" for status in detected.get("http_status", []))]
    topic = TOPICS_BY_ID.get(topic_id) if topic_id else None
    return {"kind": "no_match", "out_of_scope": out_of_scope(topic, lang),
            "detected": t(lang, "no_match_detected", items=", ".join(items)) if items else None,
            "tips": [t(lang, key) for key in ("tip_code", "tip_status", "tip_logs")],
            "families": [{"id": family, "label": t(lang, f"family_{family}"),
                          "url": f"/entries?lang={lang}#{family}"} for family in FAMILIES]}


def _summary(match: dict, entry: dict, lang: str) -> dict:
    """A candidate as a chip or a choice (a button, so plain text): enough to recognise it, not the whole card."""
    view = localized(entry, lang)
    return {"id": view["id"], "title": plain_text(view["title"]), "cause": plain_text(view["cause"]),
            "content_lang": view["lang"], "family_label": t(lang, f"family_{view['family']}"),
            **_confidence(match, lang)}


def _confidence(match: dict, lang: str) -> dict:
    """How sure the match is; an entry picked from the conversation (a follow-up, an alternative) says so instead."""
    score = match["score"]
    if match["reasons"] and match["reasons"][0]["type"] == "context":
        return {"score": round(score, 1), "confidence": "context", "confidence_label": t(lang, "context_pick")}
    level = "high" if score >= HIGH_CONFIDENCE else "medium" if score >= MEDIUM_CONFIDENCE else "low"
    return {"score": round(score, 1), "confidence": level, "confidence_label": t(lang, f"confidence_{level}")}


def _reasons(reasons: list[dict], lang: str) -> list[str]:
    """Why the entry matched, as sentences, strongest evidence first, each said once."""
    sentences: list[str] = []
    for reason in reasons:
        value = reason.get("value", "")
        if reason["type"] == "context":
            entry = get_entry(value) if value else None
            if entry is None:
                continue
            value = plain_text(localized(entry, lang)["title"])
        sentence = t(lang, REASON_KEYS.get(reason["type"], "reason_text"), value=value)
        if sentence not in sentences:
            sentences.append(sentence)
    return sentences


def _card_entry_ids(payload: dict) -> set[str]:
    """The entry a message shows as a card (a choice between entries, or a reply with no card, shows none)."""
    if payload["kind"] == "entry":
        return {payload["entry_id"]}
    if payload["kind"] != "answer" or payload["choices"] >= 2:
        return set()
    return {m["id"] for m in payload["matches"][:1]}



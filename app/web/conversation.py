"""Conversations of the web chat: store what was asked and answered, render it for the page.

An assistant message stores only what the matcher decided (entry ids, scores, reasons,
the language); its card is rebuilt from the knowledge each time it is shown, so history
follows knowledge updates and can be re-rendered in another language.
"""
from __future__ import annotations

from flask import current_app

from app.answers import answer, out_of_scope
from app.conversations import store
from app.conversations.models import Conversation, ConversationMessage
from app.extensions import db
from app.feedback.models import REASONS
from app.feedback.recorder import FeedbackExists, record_feedback
from app.i18n import t
from app.knowledge.localize import localized
from app.knowledge.model import FAMILIES
from app.matching.neighbours import TOPICS
from app.privacy import redact
from app.store.snapshot import current_matcher, get_entry
from app.web.cards import entry_card, plain_text

TOPICS_BY_ID = {topic.id: topic for topic in TOPICS}
HIGH_CONFIDENCE = 85.0
MEDIUM_CONFIDENCE = 65.0
REASON_KEYS = {"code": "reason_code", "status": "reason_status", "signature": "reason_signature",
               "fuzzy_signature": "reason_fuzzy_signature", "pattern": "reason_pattern",
               "alias": "reason_phrase", "title": "reason_phrase"}
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


def ask(conversation: Conversation | None, text: str, ui_lang: str) -> tuple[Conversation, list[dict]]:
    """Match a paste and store it with its answer; the answer is in the paste's language,
    or the interface language when the paste has none (a bare code or number).

    The stored paste is redacted like the query log: tokens and keys in logs are not kept.
    """
    result = answer(text, channel="chat")
    lang = result["query_lang"] or ui_lang
    matches = [{"id": m["id"], "score": m["score"], "reasons": m["reasons"]} for m in result["matches"]]
    payload = {"kind": "answer", "lang": lang, "matches": matches, "choices": _close_count(matches, result),
               "detected": result["detected"], "truncated": result["truncated"],
               "out_of_scope": (result["out_of_scope"] or {}).get("topic")}
    conversation = conversation or store.new_conversation()
    question, reply = store.append(conversation, {"role": "user", "text": redact(text)},
                                   {"role": "assistant", "match_id": result["match_id"], "payload": payload})
    db.session.commit()
    return conversation, [render_message(question), render_message(reply)]


def open_entry(conversation: Conversation | None, entry_id: str, lang: str,
               from_message_id: int | None) -> tuple[Conversation, dict]:
    """Show one entry as a new card, e.g. from a chip; feedback on it counts for the original query."""
    if get_entry(entry_id) is None:
        raise ChatError(404, "entry_not_found", f"No entry with id {entry_id!r}.")
    origin = _own_message(conversation, from_message_id) if from_message_id is not None else None
    conversation = conversation or store.new_conversation()
    (reply,) = store.append(conversation, {"role": "assistant", "match_id": origin.match_id if origin else None,
                                           "payload": {"kind": "entry", "lang": lang, "entry_id": entry_id}})
    db.session.commit()
    return conversation, render_message(reply)


def change_language(conversation: Conversation | None, message_id: int, lang: str) -> dict:
    """Re-render an answer in another language and remember it, so a reload shows the same."""
    message = _own_message(conversation, message_id)
    store.update_payload(message, lang=lang)
    db.session.commit()
    return render_message(message)


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
    if payload["kind"] == "entry":
        entry = get_entry(payload["entry_id"])
        body = {"kind": "entry", "card": entry_card(entry, lang)} if entry else _no_match(lang, {})
        return {**rendered, **body}
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
    card = {**entry_card(entry, lang), **_confidence(top["score"], lang), "reasons": _reasons(top["reasons"], lang)}
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
            **_confidence(match["score"], lang)}


def _confidence(score: float, lang: str) -> dict:
    level = "high" if score >= HIGH_CONFIDENCE else "medium" if score >= MEDIUM_CONFIDENCE else "low"
    return {"score": round(score, 1), "confidence": level, "confidence_label": t(lang, f"confidence_{level}")}


def _reasons(reasons: list[dict], lang: str) -> list[str]:
    """Why the entry matched, as sentences, strongest evidence first, each said once."""
    sentences: list[str] = []
    for reason in reasons:
        sentence = t(lang, REASON_KEYS.get(reason["type"], "reason_text"), value=reason.get("value", ""))
        if sentence not in sentences:
            sentences.append(sentence)
    return sentences


def _close_count(matches: list[dict], result: dict) -> int:
    """How many leading matches are too close to call (0 when the best one clearly wins)."""
    if not result["ambiguous"]:
        return 0
    margin = current_matcher().params.ambiguity_margin
    return sum(1 for m in matches if matches[0]["score"] - m["score"] < margin)


def _card_entry_ids(payload: dict) -> set[str]:
    """The entry a message shows as a card (a choice between entries shows none)."""
    if payload["kind"] == "entry":
        return {payload["entry_id"]}
    if payload["choices"] >= 2:
        return set()
    return {m["id"] for m in payload["matches"][:1]}



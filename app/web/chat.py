"""The chat page at `/` and the JSON endpoints under `/chat/` that it calls.

Views only parse requests and keep the conversation id in the signed session cookie;
app/web/conversation.py does the rest. Every POST needs the CSRF token (header X-CSRFToken).
"""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, generate_csrf
from werkzeug.exceptions import HTTPException

from app.conversations import store
from app.conversations.models import Conversation
from app.feedback.models import REASONS
from app.i18n import STRINGS
from app.knowledge.model import FAMILIES, LANGS
from app.web import conversation as service
from app.web.pages import page_headers, template_globals, ui_lang

page_bp = Blueprint("chat", __name__)
conversation_bp = Blueprint("conversation", __name__, url_prefix="/chat")

page_bp.app_context_processor(template_globals)
page_bp.after_request(page_headers)


@page_bp.get("/")
def index():
    """The chat page; strings for every language ride along so the switcher needs no reload.
    A `?lang=` link sets the interface language as the switcher would."""
    if request.args.get("lang") in LANGS:
        session["ui_lang"] = request.args["lang"]
    config = {"ui_lang": ui_lang(), "strings": STRINGS, "families": FAMILIES, "feedback_reasons": REASONS,
              "feedback_comment_max": current_app.config["FEEDBACK_COMMENT_MAX"],
              "urls": {view: url_for(f"conversation.{view}") for view in (
                  "history", "send_message", "open_entry", "change_language", "feedback", "new_conversation")}}
    return render_template("chat/index.html", chat_config=config)


@conversation_bp.get("/history")
def history():
    """The conversation so far, plus a fresh CSRF token for a page that was left open a long time."""
    messages = service.history(_conversation())
    return jsonify(messages=messages, ui_lang=ui_lang(), csrf_token=generate_csrf())


@conversation_bp.post("/messages")
def send_message():
    text = _json().get("text")
    if not isinstance(text, str) or not text.strip():
        raise service.ChatError(400, "empty_text", "'text' must be a non-empty string.")
    if "\x00" in text:
        raise service.ChatError(400, "invalid_text", "'text' must be readable text, not binary data.")
    conversation, messages = service.ask(_conversation(), text, ui_lang())
    _remember(conversation)
    return jsonify(messages=messages)


@conversation_bp.post("/open")
def open_entry():
    """Add an entry's card to the conversation (a chip or a choice was clicked)."""
    data = _json()
    entry_id = data.get("entry_id")
    if not isinstance(entry_id, str):
        raise service.ChatError(400, "invalid_entry", "'entry_id' must be a string.")
    lang = _lang(data.get("lang", ui_lang()))
    conversation, message = service.open_entry(_conversation(), entry_id, lang,
                                               _message_id(data.get("from_message_id"), optional=True))
    _remember(conversation)
    return jsonify(message=message)


@conversation_bp.post("/language")
def change_language():
    """Switch the interface language and, given a message, re-render that answer in it."""
    data = _json()
    lang = _lang(data.get("lang"))
    session["ui_lang"] = lang
    message_id = _message_id(data.get("message_id"), optional=True)
    message = service.change_language(_conversation(), message_id, lang) if message_id is not None else None
    return jsonify(ui_lang=lang, message=message)


@conversation_bp.post("/feedback")
def feedback():
    data = _json()
    helpful = data.get("helpful")
    if not isinstance(helpful, bool):
        raise service.ChatError(400, "invalid_helpful", "'helpful' must be true or false.")
    reason, comment = data.get("reason") or None, data.get("comment") or None
    if not all(value is None or isinstance(value, str) for value in (reason, comment, data.get("entry_id"))):
        raise service.ChatError(400, "invalid_feedback", "'entry_id', 'reason' and 'comment' must be strings.")
    message = service.give_feedback(_conversation(), _message_id(data.get("message_id")), data.get("entry_id"),
                                    helpful, reason, comment)
    return jsonify(message=message)


@conversation_bp.post("/new")
def new_conversation():
    """Start over; the old conversation stays stored but is no longer this browser's."""
    session.pop("conversation_id", None)
    return jsonify(messages=[])


@conversation_bp.errorhandler(service.ChatError)
def _chat_error(exc: service.ChatError):
    return _error(exc.status, exc.code, exc.message)


@conversation_bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    code = "csrf_failed" if isinstance(exc, CSRFError) else exc.name.lower().replace(" ", "_")
    return _error(exc.code or 500, code, exc.description or exc.name)


@conversation_bp.errorhandler(Exception)
def _unexpected_error(exc: Exception):
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return _error(500, "internal_error", "The server hit an unexpected error; it has been logged.")


def _error(status: int, code: str, message: str):
    return jsonify(error={"code": code, "message": message}), status


def _json() -> dict:
    if request.mimetype != "application/json":
        raise service.ChatError(415, "unsupported_media_type", "Send JSON with Content-Type: application/json.")
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise service.ChatError(400, "invalid_json", "The body must be a JSON object.")
    return data


def _lang(value: object) -> str:
    if value not in LANGS:
        raise service.ChatError(400, "invalid_lang", f"'lang' must be one of {', '.join(LANGS)}.")
    return value


def _message_id(value: object, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise service.ChatError(400, "invalid_message_id", "'message_id' must be an integer.")
    return value


def _conversation() -> Conversation | None:
    return store.find_conversation(session.get("conversation_id"))


def _remember(conversation: Conversation) -> None:
    """Keep the conversation id in the signed cookie, for a month rather than until the browser closes."""
    session["conversation_id"] = conversation.id
    session.permanent = True

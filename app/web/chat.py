"""The chat page at `/` and the JSON endpoints under `/chat/` that it calls.

Views only parse requests and keep the conversation id in the signed session cookie;
app/web/conversation.py does the rest. Every POST needs the CSRF token (header X-CSRFToken).

Requests are checked by the API's rules, so a paste the API refuses with a 400 is refused
here too, never a 500: the body is JSON in UTF-8 (415 for another content type; 400
`invalid_json` for bad UTF-8, bad JSON, NaN/Infinity, nesting too deep to parse, or a body
that is not an object); texts are readable pastes and comments clean text
(app/input_text.py, shared with the API); ids are integers from 1 to 2**63 - 1.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, generate_csrf
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from app.conversations import store
from app.conversations.models import Conversation
from app.dialogue.turns import TurnKind
from app.extensions import db
from app.feedback.models import REASONS
from app.i18n import STRINGS
from app.input_text import is_clean_text, is_readable_paste
from app.knowledge.model import FAMILIES, ID_RE, LANGS
from app.request_body import BodyError, json_object
from app.web import conversation as service
from app.web.pages import page_headers, template_globals, ui_lang

page_bp = Blueprint("chat", __name__)
conversation_bp = Blueprint("conversation", __name__, url_prefix="/chat")
ENTRY_ID_MAX_CHARS = 120

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
                  "history", "send_message", "open_entry", "change_language", "feedback", "new_conversation",
                  "transcript", "delete_conversation")}}
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
    if not is_readable_paste(text):
        raise service.ChatError(400, "invalid_text", "'text' must be readable text, not binary data.")
    conversation_id, messages, reply = service.ask(_conversation(), text, ui_lang())
    _remember(conversation_id)
    if reply.turn == TurnKind.LANGUAGE:
        session["ui_lang"] = reply.lang  # "in Korean please": the interface follows, as the switcher would
    return jsonify(messages=messages, turn=reply.turn, ui_lang=ui_lang())


@conversation_bp.post("/open")
def open_entry():
    """Add an entry's card to the conversation (a chip or a choice was clicked)."""
    data = _json()
    entry_id = data.get("entry_id")
    if not isinstance(entry_id, str):
        raise service.ChatError(400, "invalid_entry", "'entry_id' must be a string.")
    if not _is_entry_id(entry_id):
        raise service.ChatError(404, "entry_not_found", "No entry with that id.")
    lang = _lang(data.get("lang", ui_lang()))
    conversation_id, message = service.open_entry(_conversation(), entry_id, lang,
                                                  _message_id(data.get("from_message_id"), optional=True))
    _remember(conversation_id)
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
    reason, comment, entry_id = data.get("reason"), data.get("comment"), data.get("entry_id")
    if not all(value is None or isinstance(value, str) for value in (reason, comment, entry_id)):
        raise service.ChatError(400, "invalid_feedback", "'entry_id', 'reason' and 'comment' must be strings.")
    message_id = _message_id(data.get("message_id"))
    message = service.give_feedback(_conversation(), message_id, entry_id, helpful, _reason(reason),
                                    _comment(comment))
    return jsonify(message=message)


@conversation_bp.post("/new")
def new_conversation():
    """Start over; the old conversation stays stored but is no longer this browser's."""
    session.pop("conversation_id", None)
    return jsonify(messages=[])


@conversation_bp.get("/transcript")
def transcript():
    """The conversation as Markdown for a support ticket ("Copy for a ticket")."""
    text = service.transcript(_conversation(), request.host_url)
    return Response(text, mimetype="text/markdown")


@conversation_bp.post("/delete")
def delete_conversation():
    """Delete this browser's conversation from the server (the page asks for confirmation first)."""
    service.delete(_conversation())
    session.pop("conversation_id", None)
    return jsonify(messages=[], deleted=True)


@conversation_bp.errorhandler(service.ChatError)
def _chat_error(exc: service.ChatError):
    return _error(exc.status, exc.code, exc.message)


@conversation_bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    code = "csrf_failed" if isinstance(exc, CSRFError) else exc.name.lower().replace(" ", "_")
    return _error(exc.code or 500, code, exc.description or exc.name)


@conversation_bp.errorhandler(OperationalError)
@conversation_bp.errorhandler(PoolTimeout)
def _database_unavailable(exc: OperationalError | PoolTimeout):
    """As app/errors.py answers elsewhere: the database unreachable, or no free connection in time,
    is a 503 to retry, not a 500."""
    db.session.rollback()
    current_app.logger.error("database unavailable on %s %s: %s", request.method, request.path,
                             getattr(exc, "orig", None) or exc)
    response, status = _error(503, "database_unavailable", "The database is unavailable; try again shortly.")
    response.headers["Retry-After"] = "5"
    return response, status


@conversation_bp.errorhandler(Exception)
def _unexpected_error(exc: Exception):
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    return _error(500, "internal_error", "The server hit an unexpected error; it has been logged.")


def _error(status: int, code: str, message: str):
    return jsonify(error={"code": code, "message": message}), status


def _json() -> dict:
    """The request's JSON object, by the same rules as the API's (app/request_body.py)."""
    try:
        return json_object()
    except BodyError as exc:
        raise service.ChatError(exc.status, exc.code, exc.message) from None


def _lang(value: Any) -> str:
    if not isinstance(value, str) or value not in LANGS:
        raise service.ChatError(400, "invalid_lang", f"'lang' must be one of {', '.join(LANGS)}.")
    return value


def _message_id(value: Any, optional: bool = False) -> int | None:
    """A message id: a JSON integer the id column can hold (SQLite overflows above 2**63 - 1)."""
    if value is None and optional:
        return None
    if type(value) is not int or not 1 <= value <= store.SQL_INTEGER_MAX:
        raise service.ChatError(400, "invalid_message_id",
                                f"'message_id' must be an integer from 1 to {store.SQL_INTEGER_MAX}.")
    return value


def _reason(value: str | None) -> str | None:
    """No reason (absent, null or the form's empty choice), or one of REASONS."""
    if not value:
        return None
    if value not in REASONS:
        raise service.ChatError(400, "invalid_reason", f"'reason' must be one of {', '.join(REASONS)}.")
    return value


def _comment(value: str | None) -> str | None:
    """Plain text (no NUL, no lone surrogate) of at most FEEDBACK_COMMENT_MAX characters; blank is none."""
    if value is None:
        return None
    limit = current_app.config["FEEDBACK_COMMENT_MAX"]
    if not is_clean_text(value) or len(value) > limit:
        raise service.ChatError(400, "invalid_comment", f"'comment' must be plain text of at most {limit} characters.")
    return value.strip() or None


def _is_entry_id(value: str) -> bool:
    """Whether `value` can be an entry id at all (anything else is not found without a query)."""
    return len(value) <= ENTRY_ID_MAX_CHARS and ID_RE.fullmatch(value) is not None


def _conversation() -> Conversation | None:
    return store.find_conversation(session.get("conversation_id"))


def _remember(conversation_id: str) -> None:
    """Keep the conversation id in the signed cookie, for a month rather than until the browser closes."""
    session["conversation_id"] = conversation_id
    session.permanent = True

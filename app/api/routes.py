"""API v1 views: thin wrappers that parse, call the knowledge service or matcher, serialise."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import cast

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from app.answers import answer
from app.api.access import add_cors_headers, reject_unknown_api_key
from app.api.fast_json import OrjsonProvider
from app.api.markdown_format import conversation_markdown, entry_markdown, lookup_markdown, match_markdown
from app.api.models import (
    UUID_PATTERN,
    ConversationCreated,
    EntriesQuery,
    EntrySummary,
    FeedbackCreated,
    FeedbackRequest,
    FormatQuery,
    MatchRequest,
    ViewQuery,
    is_entry_id,
    json_body,
    lookup_param,
    parse,
    parse_query,
    response_format,
)
from app.api.openapi import openapi_document
from app.conversations import store
from app.conversations.models import Conversation
from app.dialogue.policy import Show
from app.dialogue.state import State
from app.errors import ApiError
from app.extensions import db, limiter
from app.feedback.recorder import entry_exists, match_exists, record_feedback
from app.knowledge.localize import localized
from app.knowledge.render import markdown_to_html
from app.ratelimit import api_key_name, current_limit, is_preflight
from app.replies import converse, delete, record_rejection, reply_message, store_reply, transcript
from app.store.snapshot import EntryFilter, Snapshot, current_snapshot, entries_answering, get_entry, list_entries

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# One budget per caller across the whole API (not per endpoint); it replaces the app-wide default.
limiter.shared_limit(current_limit, scope="api", exempt_when=is_preflight)(bp)
bp.before_request(reject_unknown_api_key)
bp.after_app_request(add_cors_headers)

DOCS_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"


def _reply(data: dict, fmt: str, to_markdown: Callable[[dict, str], str]) -> Response:
    """JSON, or the same content as a Markdown message with absolute links for chat bots."""
    if fmt == "markdown":
        return Response(to_markdown(data, request.host_url), mimetype="text/markdown")
    return jsonify(data)


@bp.post("/match")
def match():
    fmt = response_format(parse_query(FormatQuery).format)
    parsed = parse(MatchRequest, json_body())
    if parsed.conversation_id is None:
        snapshot = current_snapshot()
        result = answer(parsed.query, lang=parsed.lang, limit=parsed.limit, channel="api", snapshot=snapshot)
        response = _answer_reply(snapshot, result, parsed.lang, fmt)
    else:
        result = _match_in_conversation(parsed)
        response = _reply(result, fmt, conversation_markdown)
    response.headers["X-Match-Id"] = result["match_id"]
    return response


def _answer_reply(snapshot: Snapshot, result: dict, lang: str | None, fmt: str) -> Response:
    """`_reply` for an answer; its JSON is written from the entries' parts encoded beforehand
    (`OrjsonProvider.answer_body`), the same bytes `jsonify` writes, unless only the standard
    encoder can write it."""
    if fmt == "json":
        provider = cast(OrjsonProvider, current_app.json)
        body = provider.answer_body(snapshot, result, lang)
        if body is not None:
            return current_app.response_class(body, mimetype=provider.mimetype)
    return _reply(result, fmt, match_markdown)


def _match_in_conversation(parsed: MatchRequest) -> dict:
    """The message read in the bot's conversation: matched, resolved, stored with the new state."""
    assert parsed.conversation_id is not None
    conversation = _api_conversation(parsed.conversation_id)
    conversation_id = conversation.id
    previous = State.from_json(conversation.state)
    reply = converse(parsed.query, previous, lang=parsed.lang, limit=parsed.limit, channel="api")
    record_rejection(reply, previous, parsed.query, "api")
    store_reply(conversation, parsed.query, reply, lifetime=_lifetime())
    db.session.commit()
    kind = Show.NO_MATCH if reply.show == Show.ANSWER and not reply.result["matches"] else reply.show
    handoff = reply.show == Show.NOTHING_LEFT
    return {**reply.result, "conversation_id": conversation_id, "turn": reply.turn,
            "reply": {"kind": kind, "message": reply_message(reply), "rejected_entry": reply.resolution.reject,
                      "transcript_url": _transcript_url(conversation_id) if handoff else None}}


@bp.post("/conversations")
def create_conversation():
    """A conversation for one chat thread of a bot; it belongs to the caller's API key."""
    conversation = store.new_conversation(channel="api", owner=api_key_name(), lifetime=_lifetime())
    db.session.commit()
    assert conversation.expires_at is not None
    created = ConversationCreated(conversation_id=conversation.id,
                                  expires_at=conversation.expires_at.isoformat(timespec="seconds") + "Z",
                                  ttl_seconds=current_app.config["CONVERSATION_TTL_SECONDS"])
    return jsonify(created.model_dump()), 201


@bp.get("/conversations/<conversation_id>/transcript")
def conversation_transcript(conversation_id: str):
    """The conversation as Markdown for a support ticket: pastes (redacted), answers with links and confidence."""
    conversation = _api_conversation(conversation_id)
    return Response(transcript(conversation, request.host_url), mimetype="text/markdown")


@bp.delete("/conversations/<conversation_id>")
def delete_conversation(conversation_id: str):
    delete(_api_conversation(conversation_id))
    return Response(status=204)


def _api_conversation(conversation_id: str) -> Conversation:
    found = store.find_api_conversation(conversation_id, api_key_name()) \
        if re.fullmatch(UUID_PATTERN, conversation_id) else None
    if found is None:
        raise ApiError(404, "conversation_not_found",
                       "No such conversation: it never existed, belongs to another API key, was deleted, or expired "
                       "after CONVERSATION_TTL_SECONDS unused. Start one with POST /api/v1/conversations.")
    return found


def _lifetime() -> dt.timedelta:
    return dt.timedelta(seconds=current_app.config["CONVERSATION_TTL_SECONDS"])


def _transcript_url(conversation_id: str) -> str:
    return url_for("api.conversation_transcript", conversation_id=conversation_id, _external=True)


@bp.get("/entries")
def entries():
    query = parse_query(EntriesQuery)
    filters = EntryFilter(family=query.family, code=query.code, status=query.status, lang=query.lang, q=query.q)
    items, total = list_entries(filters, (query.page - 1) * query.per_page, query.per_page)
    return jsonify({"items": [_summary(entry, query.lang) for entry in items], "total": total,
                    "page": query.page, "per_page": query.per_page,
                    "pages": (total + query.per_page - 1) // query.per_page})


@bp.get("/entries/<entry_id>")
def entry(entry_id: str):
    view = parse_query(ViewQuery)
    lang, fmt = view.lang, response_format(view.format)
    found = get_entry(entry_id) if is_entry_id(entry_id) else None
    if found is None:
        raise ApiError(404, "entry_not_found", f"No entry with id '{entry_id[:120]}'.")
    return _reply(localized(found, lang), fmt, entry_markdown)


@bp.get("/lookup/<code>")
def lookup(code: str):
    view = parse_query(ViewQuery)
    lang, fmt = view.lang, response_format(view.format)
    error_code, status = lookup_param(code)
    found = entries_answering(code=error_code, status=status)
    if not found:
        raise ApiError(404, "unknown_code", f"No entry answers {error_code or f'HTTP {status}'}; "
                                            "search with POST /api/v1/match instead.")
    result = {"query": code, "code": error_code, "http_status": status,
              "entries": [localized(entry, lang) for entry in found]}
    return _reply(result, fmt, lookup_markdown)


@bp.post("/feedback")
def feedback():
    parsed = parse(FeedbackRequest, json_body())
    if parsed.match_id and not match_exists(parsed.match_id):
        raise ApiError(404, "match_not_found", f"No match with id '{parsed.match_id}'.")
    if parsed.entry_id and not entry_exists(parsed.entry_id):
        raise ApiError(404, "entry_not_found", f"No entry with id '{parsed.entry_id}'.")
    row = record_feedback(helpful=parsed.helpful, match_id=parsed.match_id, entry_id=parsed.entry_id,
                          reason=parsed.reason, comment=parsed.comment, channel="api")
    created = FeedbackCreated(id=row.id, match_id=row.match_id, entry_id=row.entry_id, helpful=row.helpful,
                              reason=row.reason)
    return jsonify(created.model_dump()), 201


def _summary(entry: dict, lang: str | None) -> dict:
    view = localized(entry, lang)
    return {key: view[key] for key in EntrySummary.model_fields}


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@bp.get("/docs")
def docs():
    """The OpenAPI document as a page rendered on the server: no CDN, no script."""
    response = Response(render_template("api/docs.html", doc=openapi_document(), markdown=markdown_to_html))
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response

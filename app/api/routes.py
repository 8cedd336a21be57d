"""API v1 views: thin wrappers that parse, call the knowledge service or matcher, serialise."""
from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, jsonify, render_template, request

from app.answers import answer
from app.api.access import add_cors_headers, reject_unknown_api_key
from app.api.markdown_format import entry_markdown, lookup_markdown, match_markdown
from app.api.openapi import openapi_document
from app.api.schemas import (
    PAGE_MAX,
    PER_PAGE_DEFAULT,
    code_param,
    entry_page,
    family_param,
    feedback_created,
    feedback_request,
    is_entry_id,
    json_body,
    lang_param,
    lookup_param,
    lookup_result,
    match_request,
    page_size_max,
    query_int,
    response_format,
    search_param,
)
from app.errors import ApiError
from app.extensions import limiter
from app.feedback.recorder import entry_exists, match_exists, record_feedback
from app.knowledge.localize import localized
from app.knowledge.render import markdown_to_html
from app.ratelimit import current_limit, is_preflight
from app.store.snapshot import EntryFilter, entries_answering, get_entry, list_entries

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
    fmt = response_format()
    parsed = match_request(json_body())
    result = answer(parsed.query, lang=parsed.lang, limit=parsed.limit, channel="api")
    response = _reply(result, fmt, match_markdown)
    response.headers["X-Match-Id"] = result["match_id"]
    return response


@bp.get("/entries")
def entries():
    args = request.args
    lang = lang_param(args.get("lang"))
    filters = EntryFilter(family=family_param(args.get("family")), code=code_param(args.get("code")),
                          status=query_int("status", 100, 599, None), lang=lang, q=search_param(args.get("q")))
    page = query_int("page", 1, PAGE_MAX, 1)
    per_page = query_int("per_page", 1, page_size_max(), PER_PAGE_DEFAULT)
    items, total = list_entries(filters, (page - 1) * per_page, per_page)
    return jsonify(entry_page(items, total, page, per_page, lang))


@bp.get("/entries/<entry_id>")
def entry(entry_id: str):
    lang, fmt = lang_param(request.args.get("lang")), response_format()
    found = get_entry(entry_id) if is_entry_id(entry_id) else None
    if found is None:
        raise ApiError(404, "entry_not_found", f"No entry with id '{entry_id[:120]}'.")
    return _reply(localized(found, lang), fmt, entry_markdown)


@bp.get("/lookup/<code>")
def lookup(code: str):
    lang, fmt = lang_param(request.args.get("lang")), response_format()
    error_code, status = lookup_param(code)
    found = entries_answering(code=error_code, status=status)
    if not found:
        raise ApiError(404, "unknown_code", f"No entry answers {error_code or f'HTTP {status}'}; "
                                            "search with POST /api/v1/match instead.")
    return _reply(lookup_result(code, error_code, status, found, lang), fmt, lookup_markdown)


@bp.post("/feedback")
def feedback():
    parsed = feedback_request(json_body())
    if parsed.match_id and not match_exists(parsed.match_id):
        raise ApiError(404, "match_not_found", f"No match with id '{parsed.match_id}'.")
    if parsed.entry_id and not entry_exists(parsed.entry_id):
        raise ApiError(404, "entry_not_found", f"No entry with id '{parsed.entry_id}'.")
    row = record_feedback(helpful=parsed.helpful, match_id=parsed.match_id, entry_id=parsed.entry_id,
                          reason=parsed.reason, comment=parsed.comment, channel="api")
    return jsonify(feedback_created(row)), 201


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@bp.get("/docs")
def docs():
    """The OpenAPI document as a page rendered on the server: no CDN, no script."""
    response = Response(render_template("api/docs.html", doc=openapi_document(), markdown=markdown_to_html))
    response.headers["Content-Security-Policy"] = DOCS_CSP
    return response

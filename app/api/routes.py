"""API v1 views: thin wrappers that parse, call the knowledge service or matcher, serialise."""
from __future__ import annotations

from flask import jsonify, request

from app.api import bp
from app.api.schemas import (code_param, entry_detail, entry_summary, family_param, int_param,
                             json_body, lang_param, page_size_max)
from app.errors import ApiError
from app.knowledge.service import EntryFilter, get_entry, list_entries
from app.matching.service import answer


@bp.get("/entries")
def entries():
    args = request.args
    lang = lang_param(args.get("lang"))
    filters = EntryFilter(family=family_param(args.get("family")), code=code_param(args.get("code")),
                          status=int_param(args.get("status"), "status", 100, 599, None)
                          if args.get("status") else None,
                          lang=lang, q=(args.get("q") or "").strip() or None)
    page = int_param(args.get("page"), "page", 1, 1_000_000, 1)
    per_page = int_param(args.get("per_page"), "per_page", 1, page_size_max(), 20)
    items, total = list_entries(filters, (page - 1) * per_page, per_page)
    return jsonify(items=[entry_summary(entry, lang) for entry in items], total=total,
                   page=page, per_page=per_page, pages=(total + per_page - 1) // per_page)


@bp.get("/entries/<entry_id>")
def entry(entry_id: str):
    found = get_entry(entry_id)
    if found is None:
        raise ApiError(404, "entry_not_found", f"No entry with id '{entry_id}'.")
    return jsonify(entry_detail(found, lang_param(request.args.get("lang"))))


@bp.post("/match")
def match():
    data = json_body()
    query = data.get("query")
    if not isinstance(query, str) or not query.strip():
        raise ApiError(400, "missing_query", "'query' must be a non-empty string.")
    if "\x00" in query or not any(ch.isprintable() and not ch.isspace() for ch in query):
        raise ApiError(400, "invalid_query", "'query' must be readable text, not binary data.")
    lang = lang_param(data.get("lang"))
    limit = int_param(data.get("limit"), "limit", 1, 20, 5)
    return jsonify(answer(query, lang=lang, limit=limit, channel="api"))

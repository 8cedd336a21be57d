"""Read-only HTML pages for the knowledge base: the entry list and one permalink per entry and language.

The support desk links to these pages; an entry page shows the same card as the chat.
"""
from __future__ import annotations

import unicodedata

from flask import Blueprint, abort, render_template, request

from app.i18n import t
from app.knowledge.localize import localized
from app.knowledge.model import FAMILIES
from app.store.snapshot import EntryFilter, get_entry, list_entries
from app.web.cards import entry_card, plain_text
from app.web.pages import page_headers, ui_lang

bp = Blueprint("knowledge", __name__)
bp.after_request(page_headers)


@bp.get("/entries")
def entry_list():
    """Every entry by family; `q` hides those that do not match (the filter box does the same live)."""
    lang = ui_lang()
    query = request.args.get("q", "").strip()
    terms = _search_terms(query)
    entries, _ = list_entries(EntryFilter(), 0, 10_000)
    by_family: dict[str, list[dict]] = {family: [] for family in FAMILIES}
    for entry in entries:
        view = localized(entry, lang)
        search = _search_text(entry)
        by_family[entry["family"]].append({
            "id": entry["id"], "title": plain_text(view["title"]), "content_lang": view["lang"],
            "error_codes": view["error_codes"], "http_statuses": view["http_statuses"],
            "available_langs": view["available_langs"], "search": search,
            "shown": all(term in search for term in terms)})
    families = [{"id": family, "label": t(lang, f"family_{family}"), "entries": items,
                 "shown": sum(item["shown"] for item in items)} for family, items in by_family.items()]
    return render_template("knowledge/list.html", families=families, lang=lang, query=query,
                           shown=sum(family["shown"] for family in families))


@bp.get("/entries/<entry_id>")
def entry_page(entry_id: str):
    entry = get_entry(entry_id)
    if entry is None:
        abort(404, description=f"No entry with id {entry_id!r}.")
    return render_template("knowledge/entry.html", card=entry_card(entry, ui_lang()))


def _search_terms(query: str) -> list[str]:
    return _fold(query).split()


def _search_text(entry: dict) -> str:
    """What the filter looks in: id, codes, statuses, and titles and aliases in every language."""
    parts = [entry["id"], *entry.get("error_codes", [])]
    parts += [f"http {status} {status}" for status in entry.get("http_statuses", [])]
    parts += [text["title"] for text in entry["content"].values()]
    parts += [alias for aliases in entry["aliases"].values() for alias in aliases]
    return _fold(" | ".join(parts))


def _fold(text: str) -> str:
    """Compatibility forms and case folded away, as static/js/browse.js does with normalize('NFKC')."""
    return unicodedata.normalize("NFKC", text).lower()

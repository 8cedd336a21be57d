"""Read-only HTML pages for the knowledge base: the entry list and one permalink per entry."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from app.knowledge.localize import localized
from app.knowledge.render import markdown_to_html
from app.knowledge.schema import FAMILIES, LANGS
from app.knowledge.service import EntryFilter, get_entry, list_entries

bp = Blueprint("knowledge", __name__)


def _lang_arg() -> str | None:
    lang = request.args.get("lang")
    return lang if lang in LANGS else None


@bp.get("/entries")
def entry_list():
    lang = _lang_arg()
    entries, _ = list_entries(EntryFilter(), 0, 10_000)
    by_family = {family: [] for family in FAMILIES}
    for entry in entries:
        by_family[entry["family"]].append(localized(entry, lang))
    return render_template("knowledge/list.html", by_family=by_family, lang=lang or "en")


@bp.get("/entries/<entry_id>")
def entry_page(entry_id: str):
    entry = get_entry(entry_id)
    if entry is None:
        abort(404, description=f"No entry with id {entry_id!r}.")
    view = localized(entry, _lang_arg())
    return render_template("knowledge/entry.html", entry=view,
                           steps_html=markdown_to_html(view["steps"]), langs=LANGS)

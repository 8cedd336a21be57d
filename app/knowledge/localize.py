"""Choosing the language an entry is shown in: requested, else English, else the source language."""
from __future__ import annotations

from typing import Any, cast

from app.knowledge.model import CURRENT_GENERATIONS, LANGS


def pick_language(entry: dict[str, Any], requested: str | None) -> tuple[str, bool]:
    """Return (language shown, whether it is a fallback from the requested one)."""
    available = entry["content"]
    if requested in available:
        # A key of the content mapping: a language code, never None in a valid entry.
        return cast(str, requested), False
    if "en" in available:
        return "en", requested is not None
    for source in entry.get("sources", []):
        if source["lang"] in available:
            return source["lang"], True
    return next(lang for lang in LANGS if lang in available), True


def entry_url(entry_id: str, lang: str) -> str:
    """The entry's permalink page in one language."""
    return f"/entries/{entry_id}?lang={lang}"


def localized(entry: dict[str, Any], requested: str | None) -> dict[str, Any]:
    """An entry's texts and commands in one language, with the language actually used."""
    lang, fallback = pick_language(entry, requested)
    text = entry["content"][lang]
    commands = [{"tool": c["tool"], "command": c["command"],
                 "description": _in(c["description"], lang), "generation": c["generation"],
                 "current": c["generation"] in CURRENT_GENERATIONS, "source": c.get("source")}
                for c in entry.get("commands", [])]
    commands.sort(key=lambda command: not command["current"])
    return {
        "id": entry["id"],
        "family": entry["family"],
        "kind": entry["kind"],
        "lang": lang,
        "fallback": fallback,
        "available_langs": [code for code in LANGS if code in entry["content"]],
        "title": text["title"],
        "cause": text["cause"],
        "steps": text["steps"],
        "history": text.get("history"),
        "commands": commands,
        "error_codes": list(entry.get("error_codes", [])),
        "http_statuses": list(entry.get("http_statuses", [])),
        "sources": [_source(s, lang) for s in entry.get("sources", [])],
        "related": list(entry.get("related", [])),
        "url": entry_url(entry["id"], lang),
    }


def _in(texts: dict[str, str], lang: str) -> str:
    """A per-language text in `lang`, else English (always present)."""
    return texts.get(lang) or texts["en"]


def _source(source: dict[str, Any], lang: str) -> dict[str, Any]:
    """A source with its note in `lang`; `doc` (an article file) or `url` and `title` (a web page)."""
    return {"doc": source.get("doc"), "url": source.get("url"), "title": source.get("title"),
            "anchor": source["anchor"], "lang": source["lang"], "date": source["date"],
            "note": _in(source["note"], lang) if source.get("note") else None}

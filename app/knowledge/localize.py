"""Choosing the language an entry is shown in: requested, else English, else the source language."""
from __future__ import annotations

from typing import Any, cast

from app.knowledge.model import LANGS


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
                 "description": c["description"].get(lang) or c["description"]["en"]}
                for c in entry.get("commands", [])]
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
        "commands": commands,
        "error_codes": list(entry.get("error_codes", [])),
        "http_statuses": list(entry.get("http_statuses", [])),
        "sources": [dict(s) for s in entry.get("sources", [])],
        "related": list(entry.get("related", [])),
        "url": entry_url(entry["id"], lang),
    }

"""An entry as an answer card: the one shape the chat (as JSON) and the entry pages (as HTML) show.

Labels are in the requested language; the entry's own text may be in another one when
the entry has no content in the requested language, and then the card says so.
"""
from __future__ import annotations

import html

import nh3

from app.i18n import LANGUAGE_NAMES, t
from app.knowledge.localize import entry_url, localized
from app.knowledge.notices import FAMILY_NOTICES
from app.knowledge.render import markdown_to_html
from app.store.snapshot import current_snapshot, get_entry


def entry_card(entry: dict, lang: str) -> dict:
    """Everything a card shows for `entry`, in `lang` or the closest language the entry has."""
    view = localized(entry, lang)
    return {
        "id": view["id"],
        "lang": lang,
        "content_lang": view["lang"],
        "fallback_note": t(lang, "fallback", requested=LANGUAGE_NAMES[lang], shown=LANGUAGE_NAMES[view["lang"]])
        if view["lang"] != lang else None,
        "title": plain_text(view["title"]),
        "cause_html": _inline_html(view["cause"]),
        "steps_html": markdown_to_html(view["steps"]),
        "history_html": markdown_to_html(view["history"]) if view["history"] else None,
        "commands": [_command(command, lang) for command in view["commands"] if command["current"]],
        "older_commands": [_command(command, lang) for command in view["commands"] if not command["current"]],
        "sources": [_describe_source(source) for source in view["sources"]],
        "notice": _notice(view["family"], lang),
        "family": view["family"],
        "family_label": t(lang, f"family_{view['family']}"),
        "error_codes": view["error_codes"],
        "http_statuses": view["http_statuses"],
        "url": entry_url(view["id"], lang),
        "related": _entry_links(view["related"], lang),
    }


def _entry_links(entry_ids: list[str], lang: str) -> list[dict]:
    """Id and localised title of each entry that exists, for chips and links."""
    links = []
    for entry_id in entry_ids:
        entry = get_entry(entry_id)
        if entry is not None:
            links.append({"id": entry_id, "title": plain_text(localized(entry, lang)["title"])})
    return links


def _inline_html(text: str) -> str:
    """A Markdown cause as sanitised HTML; one paragraph loses its <p> so it reads as a line of text."""
    rendered = markdown_to_html(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def plain_text(text: str) -> str:
    """Markdown as plain text, `code` and *emphasis* marks dropped: for titles, buttons and announcements."""
    return html.unescape(nh3.clean(markdown_to_html(text), tags=set())).strip()


def _command(command: dict, lang: str) -> dict:
    """A command with the name of its tool generation in `lang` (none for other tools: `general`)."""
    general = command["generation"] == "general"
    return {**command, "generation_label": None if general else t(lang, f"generation_{command['generation']}")}


def _notice(family: str, lang: str) -> dict | None:
    """The family's notice (e.g. SDK v1 end of support) with its sources, or None."""
    sources = FAMILY_NOTICES.get(family)
    if sources is None:
        return None
    return {"text": t(lang, f"notice_{family}"), "sources": [_describe_source(dict(source)) for source in sources]}


def _describe_source(source: dict) -> dict:
    """A source as people read it: the article's title and the section's heading, not file names.
    A table row has no heading of its own; its anchor is shown instead. A web page is its title, linked."""
    described = {"lang": source["lang"], "language": LANGUAGE_NAMES[source["lang"]], "date": source["date"],
                 "note": source.get("note"), "url": source.get("url")}
    if source.get("url"):
        return {**described, "article": source["title"], "section": f"#{source['anchor']}"}
    article_title, headings = current_snapshot().source_titles.get(source["doc"], (source["doc"], {}))
    return {**described, "article": article_title, "section": headings.get(source["anchor"], f"#{source['anchor']}")}

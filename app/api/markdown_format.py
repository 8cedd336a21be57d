"""Ready-to-post Markdown for chat bots: title, cause, numbered steps, fenced commands, source.

Plain functions over the API's JSON shapes, so a bot gets exactly what the JSON says,
laid out for Teams, Slack or a GitHub comment. Labels follow the answer's language.
"""
from __future__ import annotations

import re

from app.i18n import STRINGS, t
from app.knowledge.notices import FAMILY_NOTICES

_FENCE_LANGUAGE = {"az": "bash", "docker": "bash", "kubectl": "bash", "python": "python"}
_ORDERED_ITEM = re.compile(r"^\d+[.)]\s")
_BACKTICK_RUN = re.compile(r"`+")


BOT_LABELS = ("details", "others", "no_match", "ambiguous", "truncated", "fallback")
CARD_LABELS = ("cause", "steps", "commands", "source", "history", "older_commands", "older_commands_hint")


def _labels(lang: str | None) -> dict[str, str]:
    """Bot-message labels (`bot_*` in the string table) and the card labels shared with the web pages."""
    lang = lang if lang in STRINGS else "en"
    return {**{key: t(lang, f"bot_{key}") for key in BOT_LABELS}, **{key: t(lang, key) for key in CARD_LABELS}}


def _absolute(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}" if base_url else path


def numbered_steps(steps: str) -> str:
    """The steps as an ordered list: kept as written when they are one, numbered line by line if not."""
    lines = [line.rstrip() for line in steps.strip().splitlines()]
    if any(_ORDERED_ITEM.match(line) for line in lines):
        return "\n".join(lines)
    items = [line.strip() for line in lines if line.strip()]
    return "\n".join(f"{number}. {item}" for number, item in enumerate(items, start=1))


def fenced(code: str, language: str) -> str:
    """A fenced block whose fence is longer than any run of backticks inside the code."""
    longest = max((len(run) for run in _BACKTICK_RUN.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code}\n{fence}"


def _source_line(source: dict) -> str:
    where = f"[{source['title']}]({source['url']})" if source.get("url") else f"`{source['doc']}`"
    line = f"{where} § {source['anchor']} ({source['lang']}, {source['date']})"
    return f"{line}: {source['note']}" if source.get("note") else line


def _command_blocks(commands: list[dict], lang: str) -> str:
    blocks = []
    for command in commands:
        label = "" if command["generation"] == "general" else f"`{t(lang, 'generation_' + command['generation'])}` "
        fence = fenced(command["command"], _FENCE_LANGUAGE.get(command["tool"], ""))
        blocks.append(f"{label}{command['description']}\n\n{fence}")
    return "\n\n".join(blocks)


def entry_markdown(entry: dict, base_url: str = "", heading: str = "###") -> str:
    """One entry (the API's entry or match shape) as a message: everything a user needs to act."""
    lang = entry["lang"]
    labels = _labels(lang)
    parts = [f"{heading} {entry['title']}"]
    if entry.get("fallback"):
        parts.append(f"_{labels['fallback']}_")
    parts.append(f"**{labels['cause']}:** {entry['cause']}")
    parts.append(f"**{labels['steps']}**\n\n{numbered_steps(entry['steps'])}")
    if entry.get("history"):
        parts.append(f"_{labels['history']}:_\n\n{entry['history'].strip()}")
    current = [command for command in entry["commands"] if command["current"]]
    older = [command for command in entry["commands"] if not command["current"]]
    if current:
        parts.append(f"**{labels['commands']}**\n\n{_command_blocks(current, lang)}")
    if older:
        parts.append(f"**{labels['older_commands']}**\n\n_{labels['older_commands_hint']}_\n\n"
                     f"{_command_blocks(older, lang)}")
    if entry["family"] in FAMILY_NOTICES:
        links = ", ".join(f"[{source['title']}]({source['url']})" for source in FAMILY_NOTICES[entry["family"]])
        parts.insert(1, f"> {t(lang, 'notice_' + entry['family'])} ({links})")
    references = [f"{labels['source']}: {_source_line(source)}" for source in entry["sources"]]
    references.append(f"{labels['details']}: {_absolute(base_url, entry['url'])}")
    parts.append("\n".join(f"_{line}_  " for line in references).rstrip())
    return "\n\n".join(parts) + "\n"


def match_markdown(result: dict, base_url: str = "") -> str:
    """The answer to a paste: the best entry in full, the runners-up by title, and any caveat."""
    labels = _labels(result.get("answer_lang"))
    notes = []
    if result.get("truncated"):
        notes.append(f"> {labels['truncated']}")
    matches = result["matches"]
    if not matches and result.get("out_of_scope"):
        scope = result["out_of_scope"]
        docs = scope["docs"]
        return "\n\n".join(notes + [scope["message"], f"{t(result.get('answer_lang') or 'en', 'out_of_scope_docs')}: "
                                              f"[{docs['title']}]({docs['url']})"]) + "\n"
    if not matches:
        return "\n\n".join(notes + [labels["no_match"]]) + "\n"
    if result.get("ambiguous"):
        notes.append(f"> {labels['ambiguous']}")
    parts = notes + [entry_markdown(matches[0], base_url).rstrip()]
    if len(matches) > 1:
        others = "\n".join(f"- {match['title']} (`{match['id']}`, {round(match['score'])}) "
                           f"{_absolute(base_url, match['url'])}" for match in matches[1:])
        parts.append(f"**{labels['others']}**\n\n{others}")
    return "\n\n".join(parts) + "\n"


def lookup_markdown(lookup: dict, base_url: str = "") -> str:
    """Every entry that answers a code, one after another."""
    return "\n---\n\n".join(entry_markdown(entry, base_url) for entry in lookup["entries"])


def conversation_markdown(result: dict, base_url: str = "") -> str:
    """A reply in a bot's conversation: its sentence (small talk, "that didn't help"), then the answer,
    the alternatives as a list to pick from, or the link to the transcript to hand over."""
    reply = result["reply"]
    kind = reply["kind"]
    if kind in ("answer", "no_match"):
        return match_markdown(result, base_url)
    parts = [reply["message"]] if reply["message"] else []
    if kind == "alternatives":
        parts.append("\n".join(f"- {match['title']} (`{match['id']}`) {_absolute(base_url, match['url'])}"
                               for match in result["matches"]))
    if reply.get("transcript_url"):
        parts.append(f"{t(result['answer_lang'], 'copy_transcript')}: {reply['transcript_url']}")
    return "\n\n".join(parts) + "\n"

"""Reading a docs-style article: front matter, then sections with their prose, code blocks and tables.

The knowledge cites these articles as sources (cards show their titles and headings); the
curation importer drafts entries from the same parse.
"""
from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
_ANCHOR_TAG = re.compile(r"""<a\s+(name|id)\s*=\s*["']([^"']+)["']\s*>\s*</a>""", re.I)
_STANDALONE_ANCHORS = re.compile(r"""^\s*(?:<a\s+(?:name|id)\s*=\s*["'][^"']+["']\s*>\s*</a>\s*)+$""", re.I)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([^\s`]*)")
_TABLE_LINE = re.compile(r"^\s*\|")
_TABLE_SEPARATOR = re.compile(r"^[\s|:-]+$")
_SKIPPED_PROSE = re.compile(r"^\s*(?:>\s*)*(?:\[!\w+|:::|!\[)")
_ITEM_START = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s*)+")
_LINK = re.compile(r"\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
@dataclass(frozen=True)
class CodeBlock:
    """A fenced block; `intro` is the prose just before it, which usually says what it does."""

    language: str
    code: str
    intro: str


@dataclass(frozen=True)
class Table:
    """A Markdown table: header cells and data rows, separator row dropped."""

    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    """A heading and the content up to the next heading.

    `anchor` names the section: an `<a id>` on the heading line wins over `<a name>`,
    because it is the hand-set target the article's own links use and survives
    heading rewrites (002 and 004 share `dockerlog`, not the `<a name>`).
    `aliases` are the other anchors that lead to it, for resolving links.
    """

    anchor: str
    level: int
    title: str
    aliases: tuple[str, ...] = ()
    prose: list[str] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    has_children: bool = False


@dataclass
class Article:
    """A parsed article: what drafts need from the front matter, plus its sections in order."""

    filename: str
    title: str
    date: str
    language: str
    sections: list[Section]


def parse_article(text: str, filename: str) -> Article:
    """Parse one article; `filename` is kept because drafts cite it as their source doc."""
    meta, body = _split_front_matter(text)
    sections = _parse_sections(body.splitlines())
    heading_title = next((s.title for s in sections if s.level == 1), "")
    return Article(
        filename=filename,
        title=str(meta.get("title") or heading_title),
        date=_iso_date(meta.get("ms.date")),
        language=_language(meta.get("ms.contentlocale")),
        sections=sections,
    )


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Separate the YAML front matter (empty if absent) from the Markdown body."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, text[match.end():]


def _iso_date(value: Any) -> str:
    """Normalize ms.date (docs write MM/DD/YYYY) to ISO, the form entries cite."""
    if isinstance(value, date):
        return value.isoformat()
    for pattern in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(str(value).strip(), pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unreadable ms.date {value!r}")


def _language(locale: Any) -> str:
    """Reduce ms.contentlocale ("ko-KR") to the entry language; English originals carry none."""
    if not locale:
        return "en"
    return str(locale).split("-")[0].lower()


def _parse_sections(lines: list[str]) -> list[Section]:
    """Split the body at headings, sorting each section's lines into prose, code and tables.

    A fence or table also ends the prose paragraph before it (an empty prose line),
    so text either side of a block never merges into one step.
    """
    sections: list[Section] = []
    pending_aliases: list[str] = []
    fence: tuple[str, str, list[str]] | None = None
    in_table = False
    for line in lines:
        current = sections[-1] if sections else None
        if fence:
            fence = _continue_fence(fence, line, current)
            continue
        opened = _FENCE.match(line)
        is_table = bool(_TABLE_LINE.match(line))
        if opened:
            fence = (opened.group(1), opened.group(2).lower(), [])
        elif _STANDALONE_ANCHORS.match(line):
            pending_aliases.extend(value for _, value in _ANCHOR_TAG.findall(line))
        elif heading := _HEADING.match(line):
            sections.append(_section(heading, pending_aliases))
            pending_aliases = []
        elif current and is_table:
            _add_table_line(current, line, continues=in_table)
        elif current:
            current.prose.append(line)
        if current and (opened or is_table):
            current.prose.append("")
        in_table = is_table
    _mark_parents(sections)
    return sections


def _continue_fence(
    fence: tuple[str, str, list[str]], line: str, section: Section | None
) -> tuple[str, str, list[str]] | None:
    """Collect a line of an open fence; on the closing fence store the block and return None."""
    marker, language, code = fence
    stripped = line.strip()
    if not (stripped.startswith(marker[0] * len(marker)) and not stripped.strip(marker[0])):
        code.append(line)
        return fence
    if section:
        intro = prose_items(section.prose)[-1:] or [""]
        section.code_blocks.append(CodeBlock(language, textwrap.dedent("\n".join(code)).strip("\n"), intro[0]))
    return None


def _section(heading: re.Match[str], pending_aliases: list[str]) -> Section:
    """Build a section from a heading line, naming it by its anchors (see `Section`)."""
    text = heading.group(2)
    anchors = {kind.lower(): value for kind, value in _ANCHOR_TAG.findall(text)}
    title = clean_inline(_ANCHOR_TAG.sub("", text))
    anchor = anchors.get("id") or anchors.get("name") or slugify(title)
    aliases = [value for value in (anchors.get("name"), *pending_aliases) if value and value != anchor]
    return Section(anchor=anchor, level=len(heading.group(1)), title=title, aliases=tuple(aliases))


def _add_table_line(section: Section, line: str, continues: bool) -> None:
    """Add a table row, starting a new table when the previous line was not part of one."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if not continues:
        section.tables.append(Table(header=cells, rows=[]))
    elif not _TABLE_SEPARATOR.match(line):
        section.tables[-1].rows.append(cells)


def _mark_parents(sections: list[Section]) -> None:
    """Flag sections directly followed by a deeper heading: they may only introduce sub-sections."""
    for section, following in zip(sections, sections[1:]):
        section.has_children = following.level > section.level


def prose_items(lines: Iterable[str]) -> list[str]:
    """Group prose lines into paragraphs and list items, dropping admonition and media markers."""
    items: list[str] = []
    current: list[str] = []
    for line in lines:
        bare = _QUOTE.sub("", line).strip()
        starts_item = bool(_ITEM_START.match(line))
        if not bare or _SKIPPED_PROSE.match(line) or starts_item:
            _flush(current, items)
        if bare and not _SKIPPED_PROSE.match(line):
            current.append(clean_inline(_QUOTE.sub("", _ITEM_START.sub("", line))))
    _flush(current, items)
    return items


def _flush(current: list[str], items: list[str]) -> None:
    """Close the item being collected, if any."""
    if current:
        items.append(" ".join(current))
        current.clear()


def clean_inline(text: str) -> str:
    """Keep link text but drop links that would break outside the article (relative, #anchor)."""
    def replace(match: re.Match[str]) -> str:
        label, target = match.groups()
        return match.group(0) if target.startswith(("http://", "https://")) else label

    return " ".join(_LINK.sub(replace, text).split())


def slugify(text: str, max_length: int = 60) -> str:
    """Make an id-safe lowercase slug; non-Latin letters are kept so any language yields an id."""
    normalized = unicodedata.normalize("NFKC", text).lower()
    slug = re.sub(r"[^\w]+", "-", normalized).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug

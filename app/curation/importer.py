"""Turn Azure-docs-style troubleshooting articles into draft knowledge entries.

The drafts save a curator the mechanical part of writing an entry (ids, codes,
commands, sources, the article's own text to rewrite); they are not loadable
as-is: English content, aliases and command descriptions are left for people.
Works on any language version of an article, because everything it keys on
(anchors, ERR_ codes, status codes, fences, table shape) is language-neutral.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.knowledge.articles import Article, CodeBlock, Section, Table, clean_inline, prose_items, slugify
from app.knowledge.files import to_yaml
from app.knowledge.model import LANGS

PREAMBLE_ANCHORS = frozenset({"prerequisites", "next-steps"})
"""Sections that frame the article rather than describe a situation."""

FAMILY_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("managed-online-endpoints", ("managed online", "관리형 온라인", "托管联机", "управляем")),
    ("batch-endpoints", ("batch endpoint", "일괄 처리 엔드포인트", "批处理终结点", "пакетн")),
    ("docker-aci-aks", ("docker", "kubernetes", "container instances")),
)
"""Words in an article's title or file name that give away its family, checked in order."""

HTTP_REASON_PHRASES: dict[int, str] = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
    301: "Moved Permanently", 302: "Found", 304: "Not Modified",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
    410: "Gone", 413: "Payload Too Large", 415: "Unsupported Media Type",
    422: "Unprocessable Entity", 424: "Failed Dependency", 429: "Too Many Requests",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}
"""Standard reason phrases (RFC 7231 wording, fixed here so ids do not drift with Python's
`http.HTTPStatus`), used because translated articles localize the phrase column."""

KNOWN_REASON_PHRASES: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {
    424: (
        ("model-error", ("model error", "모델 오류", "模型错误", "ошибка модели")),
        ("response-payload-too-large",
         ("response payload", "응답 페이로드", "响应有效负载", "полезные данные ответа")),
    ),
    429: (
        ("rate-limiting", ("rate limit", "속도 제한", "速率限制", "ограничение скорости")),
        ("too-many-pending-requests",
         ("pending requests", "보류 중인 요청", "挂起的请求", "ожидающих запросов")),
    ),
}
"""Azure ML's non-standard reason phrases, by code: (id slug, keywords in en/ko/zh/ru).

Managed online endpoints return 424 and 429 for two different reasons each; the
articles tell them apart only by the (translated) phrase, so the phrase is matched
against these keywords to give each row its catalog id."""

CLI_TOOLS = ("az", "docker", "kubectl")
SHELL_FENCES = frozenset({"", "azurecli", "azurecli-interactive", "bash", "sh", "shell", "console"})
PYTHON_FENCES = frozenset({"python", "py"})

_ANCHOR_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")
_ERROR_CODE = re.compile(r"\bERR_\d{4}\b", re.I)
_STATUS = re.compile(r"(?<!\d)([1-5]\d\d)(?!\d)")
_INLINE_CODE = re.compile(r"`([^`]+)`")


def _sentences(text: str) -> list[str]:
    """Split text into sentences at ASCII and CJK full stops."""
    return [part.strip() for part in _SENTENCE_BREAK.split(text) if part and part.strip()]


def _cause_and_steps(items: list[str]) -> tuple[str, str]:
    """First sentence is the cause; the rest of the prose becomes a numbered Markdown list."""
    if not items:
        return "", ""
    first, *rest = _sentences(items[0]) or [""]
    steps = ([" ".join(rest)] if rest else []) + items[1:]
    return first, "".join(f"{number}. {step}\n" for number, step in enumerate(steps, 1))


def guess_family(article: Article) -> str | None:
    """Guess the entry family from the article's title and file name."""
    haystack = f"{article.title} {article.filename} " + " ".join(
        section.title for section in article.sections if section.level == 1
    )
    lowered = haystack.lower()
    for family, hints in FAMILY_HINTS:
        if any(hint in lowered for hint in hints):
            return family
    return None


@dataclass(frozen=True)
class _DraftContext:
    """What every draft of one article shares."""

    article: Article
    family: str
    row_ids: dict[str, str]
    link_targets: dict[str, str]


def draft_entries(
    article: Article,
    family: str | None = None,
    row_ids: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Draft one entry per troubleshooting section and per table row, in article order.

    `family` overrides the guess ("TODO" when neither gives one). `row_ids` maps a
    problem/solution row's problem text (as in the article, stripped) to the id a
    curator chose; unmapped rows get a slug of their text. Ids repeated within the
    article get "-2", "-3" in order of appearance.
    """
    context = _DraftContext(
        article=article,
        family=family or guess_family(article) or "TODO",
        row_ids=dict(row_ids or {}),
        link_targets=_link_targets(article),
    )
    drafts: list[dict[str, Any]] = []
    for section in article.sections:
        if section.anchor in PREAMBLE_ANCHORS:
            continue
        if _is_entry(section):
            drafts.append(_section_draft(section, context))
        drafts.extend(_table_drafts(section, context))
    return _number_duplicates(drafts)


def _is_entry(section: Section) -> bool:
    """A section is an entry unless it is the title, a preamble, empty, or only a container."""
    if section.level == 1 or section.anchor in PREAMBLE_ANCHORS:
        return False
    items = prose_items(section.prose)
    if not items and not section.code_blocks:
        return False
    introduces_only = (section.has_children or bool(section.tables)) and not section.code_blocks
    return not (introduces_only and len(items) <= 1)


def _link_targets(article: Article) -> dict[str, str]:
    """Map every anchor (and alias) of an entry section to that section's anchor."""
    targets = {}
    for section in article.sections:
        if _is_entry(section):
            for name in (section.anchor, *section.aliases):
                targets[name.lower()] = section.anchor.lower()
    return targets


def _section_draft(section: Section, context: _DraftContext) -> dict[str, Any]:
    """Draft the entry for a section from its heading, prose, code and links."""
    error_codes = sorted({code.upper() for code in _ERROR_CODE.findall(section.title)})
    statuses = _heading_statuses(section.title)
    cause, steps = _cause_and_steps(prose_items(section.prose))
    commands = [c for block in section.code_blocks for c in _block_commands(block, context.article.language)]
    commands += _inline_commands(section.prose, context.article.language)
    return _draft(
        context,
        entry_id=section.anchor.lower(),
        kind="error-code" if error_codes else "http-status" if _mentions_http(section.title) else "how-to",
        error_codes=error_codes,
        statuses=statuses,
        text={"title": section.title, "cause": cause, "steps": steps},
        commands=_unique_commands(commands),
        anchor=section.anchor,
        related=_related(section.prose, section.anchor.lower(), context.link_targets),
    )


def _mentions_http(title: str) -> bool:
    """HTTP headings keep the Latin "HTTP" in every translation."""
    return "http" in title.lower()


def _heading_statuses(title: str) -> list[int]:
    """Status codes named in an HTTP heading (other numbers in headings are not statuses)."""
    if not _mentions_http(title):
        return []
    return sorted({int(code) for code in _STATUS.findall(title)})


def _table_drafts(section: Section, context: _DraftContext) -> list[dict[str, Any]]:
    """Draft one entry per row of the section's status-code and problem/solution tables."""
    drafts = []
    for table in section.tables:
        if _is_status_table(table):
            drafts += [_status_row_draft(row, section, context) for row in table.rows]
        elif len(table.header) == 2:
            drafts += [_problem_row_draft(row, section, context) for row in table.rows if len(row) == 2]
    return drafts


def _is_status_table(table: Table) -> bool:
    """A table whose first column holds only three-digit codes lists HTTP statuses."""
    return bool(table.rows) and all(re.fullmatch(r"[1-5]\d\d", row[0]) for row in table.rows)


def _status_row_draft(row: list[str], section: Section, context: _DraftContext) -> dict[str, Any]:
    """Draft an http-status entry from a `| code | reason phrase | why |` row."""
    code = int(row[0])
    reason = row[1] if len(row) > 2 else ""
    cause, steps = _cause_and_steps(_sentences(clean_inline(row[-1])))
    return _draft(
        context,
        entry_id=f"http-{code}-{status_slug(code, reason)}".rstrip("-"),
        kind="http-status",
        error_codes=[],
        statuses=[code],
        text={"title": f"{code} {reason}".strip(), "cause": cause, "steps": steps},
        commands=_inline_commands(row, context.article.language),
        anchor=section.anchor,
        related=_related(row, "", context.link_targets),
    )


def status_slug(code: int, reason: str) -> str:
    """Name a status row: known Azure phrase, else the standard phrase, else the row's own text."""
    lowered = reason.lower()
    for slug, keywords in KNOWN_REASON_PHRASES.get(code, ()):
        if any(keyword in lowered for keyword in keywords):
            return slug
    if code in HTTP_REASON_PHRASES:
        return slugify(HTTP_REASON_PHRASES[code])
    return slugify(reason)


def _problem_row_draft(row: list[str], section: Section, context: _DraftContext) -> dict[str, Any]:
    """Draft a symptom entry from a `| problem | solution |` row."""
    problem, solution = row
    cause, steps = _cause_and_steps(_sentences(clean_inline(solution)))
    return _draft(
        context,
        entry_id=context.row_ids.get(problem) or slugify(problem),
        kind="symptom",
        error_codes=sorted({code.upper() for code in _ERROR_CODE.findall(problem)}),
        statuses=[],
        text={"title": clean_inline(problem), "cause": cause, "steps": steps},
        commands=_inline_commands(row, context.article.language),
        anchor=section.anchor,
        related=_related(row, "", context.link_targets),
    )


def _draft(
    context: _DraftContext,
    *,
    entry_id: str,
    kind: str,
    error_codes: list[str],
    statuses: list[int],
    text: dict[str, str],
    commands: list[dict[str, Any]],
    anchor: str,
    related: list[str],
) -> dict[str, Any]:
    """Lay a draft out in the schema's field order (see knowledge/README.md)."""
    article = context.article
    return {
        "id": entry_id,
        "family": context.family,
        "kind": kind,
        "error_codes": error_codes,
        "http_statuses": statuses,
        "signatures": list(error_codes),
        "content": {article.language: text},
        "aliases": {language: [] for language in LANGS},
        "commands": commands,
        "sources": [{"doc": article.filename, "anchor": anchor, "lang": article.language, "date": article.date}],
        "related": related,
    }


def _block_commands(block: CodeBlock, language: str) -> list[dict[str, Any]]:
    """Commands in a code block: one item per CLI line, or one item for a whole Python block.

    Python-fenced blocks that do not parse (pasted tracebacks, sample output) are not commands.
    """
    if block.language in PYTHON_FENCES:
        return [_command("python", block.code, block.intro, language)] if _is_python(block.code) else []
    if block.language not in SHELL_FENCES:
        return []
    commands = []
    for line in _shell_lines(block.code):
        tool = _cli_tool(line)
        if tool:
            commands.append(_command(tool, line, block.intro, language))
    return commands


def _inline_commands(lines: Iterable[str], language: str) -> list[dict[str, Any]]:
    """CLI commands quoted inline in prose (`az acr repository show-tags ...`)."""
    commands = []
    for item in prose_items(lines):
        for span in _INLINE_CODE.findall(item):
            tool = _cli_tool(span.strip())
            if tool and " " in span.strip():
                commands.append(_command(tool, span.strip(), item, language))
    return commands


def _is_python(code: str) -> bool:
    """True when the block is Python source rather than a transcript."""
    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return bool(code.strip())


def _shell_lines(code: str) -> list[str]:
    """Logical shell lines: continuations joined, prompts, comments and blanks dropped."""
    joined = re.sub(r"\s*\\\s*\n\s*", " ", code)
    lines = (re.sub(r"^\s*\$\s+", "", line).strip() for line in joined.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _cli_tool(command: str) -> str | None:
    """The tool a command line runs, if it is one the schema knows."""
    words = command.split()
    return words[0] if words and words[0] in CLI_TOOLS else None


def _command(tool: str, command: str, intro: str, language: str) -> dict[str, Any]:
    """A command item; the source sentence introducing it seeds the description to rewrite."""
    description = {"en": ""}
    if intro and language != "en":
        description[language] = intro
    elif intro:
        description["en"] = intro
    return {"tool": tool, "command": command, "description": description}


def _unique_commands(commands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop repeats of the same command, keeping the first (block commands come first)."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for command in commands:
        key = (command["tool"], command["command"])
        if key not in seen:
            seen.add(key)
            unique.append(command)
    return unique


def _related(lines: Iterable[str], own_id: str, link_targets: Mapping[str, str]) -> list[str]:
    """Ids of the article's other entry sections that these lines link to (#anchor)."""
    related: list[str] = []
    for line in lines:
        for anchor in _ANCHOR_LINK.findall(line):
            target = link_targets.get(anchor.lower())
            if target and target != own_id and target not in related:
                related.append(target)
    return related


def _number_duplicates(drafts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep ids unique within an article: later repeats get "-2", "-3", in article order."""
    counts: Counter[str] = Counter()
    numbered = []
    for draft in drafts:
        counts[draft["id"]] += 1
        seen = counts[draft["id"]]
        numbered.append(draft if seen == 1 else {**draft, "id": f"{draft['id']}-{seen}"})
    return numbered


def write_drafts(
    drafts: Iterable[Mapping[str, Any]], out_dir: str | Path, overwrite: bool = False
) -> list[Path]:
    """Write each draft to `<out_dir>/<id>.yaml`.

    Refuses (FileExistsError, nothing written) if any target exists and `overwrite` is
    False, so a re-run never clobbers a file a curator has already edited.
    """
    directory = Path(out_dir)
    planned = [(directory / f"{draft['id']}.yaml", draft) for draft in drafts]
    existing = [str(path) for path, _ in planned if path.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"drafts already exist: {', '.join(existing)}")
    directory.mkdir(parents=True, exist_ok=True)
    for path, draft in planned:
        path.write_text(to_yaml(dict(draft)), encoding="utf-8")
    return [path for path, _ in planned]

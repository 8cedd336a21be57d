"""Moving validated entries between plain dicts and the database.

No Flask here: the functions take a SQLAlchemy Session, so the CLI, the tests and
scripts all load knowledge the same way.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from app.knowledge.files import fingerprint, read_entry_files
from app.knowledge.model import SchemaError, canonical
from app.matching.neighbours import TOPIC_IDS
from app.store.models import (
    Entry,
    EntryAlias,
    EntryCommand,
    EntryErrorCode,
    EntryHttpStatus,
    EntrySource,
    EntryText,
    KnowledgeState,
    OutOfScopeDecision,
)

FINGERPRINT_KEY = "fingerprint"
OUT_OF_SCOPE_FILE = "out_of_scope.yaml"
"""Beside the family folders of an entry directory: the paste groups answered "not covered"."""
OUT_OF_SCOPE_HEADER = ("# Paste groups (the query log's fingerprint of the redacted paste) answered \"not covered\",\n"
                       "# with the neighbouring topic. Written by `flask kb export` from the desk's decisions;\n"
                       "# read by `flask kb load` (this file is the source of truth; no file means no decisions).\n")
_FINGERPRINT_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class LoadReport:
    """What a load changed, so `flask kb load` can say it and a second load can prove it did nothing."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    out_of_scope_changed: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.out_of_scope_changed)

    def __str__(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.removed)} removed, {self.unchanged} unchanged"
                + ("; out-of-scope decisions replaced" if self.out_of_scope_changed else ""))


def _entry_options():
    return (selectinload(Entry.texts), selectinload(Entry.aliases), selectinload(Entry.commands),
            selectinload(Entry.sources), selectinload(Entry.error_codes), selectinload(Entry.http_statuses))


def entry_to_dict(row: Entry) -> dict:
    """The database row in the entry-file shape every other layer speaks."""
    aliases: dict[str, list[str]] = {}
    for alias in sorted(row.aliases, key=lambda a: (a.lang, a.position)):
        aliases.setdefault(alias.lang, []).append(alias.text)
    return canonical({
        "id": row.id,
        "family": row.family,
        "kind": row.kind,
        "error_codes": [c.code for c in row.error_codes],
        "http_statuses": [s.status for s in row.http_statuses],
        "signatures": list(row.signatures or []),
        "patterns": list(row.patterns or []),
        "content": {t.lang: {"title": t.title, "cause": t.cause, "steps": t.steps, "history": t.history}
                    for t in row.texts},
        "aliases": aliases,
        "commands": [{"tool": c.tool, "command": c.command, "description": dict(c.description),
                      "generation": c.generation, "source": c.source} for c in row.commands],
        "sources": [{"doc": s.doc, "url": s.url, "title": s.title, "anchor": s.anchor, "lang": s.lang,
                     "date": s.date, "note": s.note} for s in row.sources],
        "related": list(row.related or []),
    })


def _fill(row: Entry, entry: dict) -> None:
    row.family = entry["family"]
    row.kind = entry["kind"]
    row.signatures = list(entry["signatures"])
    row.patterns = list(entry["patterns"])
    row.related = list(entry["related"])
    row.error_codes = [EntryErrorCode(code=code) for code in sorted(set(entry["error_codes"]))]
    row.http_statuses = [EntryHttpStatus(status=s) for s in sorted(set(entry["http_statuses"]))]
    row.texts = [EntryText(lang=lang, **text) for lang, text in entry["content"].items()]
    row.aliases = [EntryAlias(lang=lang, position=i, text=text)
                   for lang, phrases in entry["aliases"].items() for i, text in enumerate(phrases)]
    row.commands = [EntryCommand(position=i, tool=c["tool"], command=c["command"], description=c["description"],
                                 generation=c["generation"], source=c.get("source"))
                    for i, c in enumerate(entry["commands"])]
    row.sources = [EntrySource(position=i, **s) for i, s in enumerate(entry["sources"])]


def load_entries(session: Session, entries: list[dict], fingerprint: str,
                 out_of_scope: list[dict] | None = None) -> LoadReport:
    """Make the database hold exactly these entries (and, when given, these out-of-scope
    decisions), in one transaction: all or nothing."""
    report = LoadReport()
    wanted = {entry["id"]: canonical(entry) for entry in entries}
    with session.begin():
        existing = {row.id: row for row in session.scalars(select(Entry).options(*_entry_options()))}
        for entry_id, row in existing.items():
            if entry_id not in wanted:
                session.delete(row)
                report.removed.append(entry_id)
        session.flush()
        for entry_id, entry in wanted.items():
            found = existing.get(entry_id)
            if found is not None and entry_to_dict(found) == entry:
                report.unchanged += 1
                continue
            if found is None:
                row = Entry(id=entry_id)
                session.add(row)
                report.added.append(entry_id)
            else:
                row = found
                _clear_children(session, row)
                report.updated.append(entry_id)
            _fill(row, entry)
        if out_of_scope is not None:
            report.out_of_scope_changed = _replace_out_of_scope(session, out_of_scope)
        _set_state(session, FINGERPRINT_KEY, fingerprint)
    return report


def _clear_children(session: Session, row: Entry) -> None:
    """Drop an entry's parts and flush, so re-inserting the same keys cannot collide."""
    for collection in ("texts", "aliases", "commands", "sources", "error_codes", "http_statuses"):
        setattr(row, collection, [])
    session.flush()


def _set_state(session: Session, key: str, value: str) -> None:
    state = session.get(KnowledgeState, key)
    if state is None:
        session.add(KnowledgeState(key=key, value=value))
    elif state.value != value:
        state.value = value


def save_entry(session: Session, entry: dict) -> str:
    """Write one entry (new or changed) and give the knowledge a new fingerprint, so every
    worker's matcher reloads; the caller commits. Returns the new fingerprint.

    The support desk applies curators' proposals this way. The fingerprint is then a hash of
    the database's knowledge rather than of the files: `flask kb export` writes the change back
    to the files, and loading those files changes nothing."""
    entry = canonical(entry)
    row = session.scalars(select(Entry).options(*_entry_options())
                          .where(Entry.id == entry["id"]).with_for_update()).first()
    if row is None:
        row = Entry(id=entry["id"])
        session.add(row)
    else:
        _clear_children(session, row)
    _fill(row, entry)
    session.flush()
    return _new_fingerprint(session)


def _new_fingerprint(session: Session) -> str:
    """A hash of the database's knowledge (entries, and out-of-scope decisions when there are any),
    stored as the fingerprint so every worker rebuilds its snapshot."""
    knowledge: object = read_entries(session)
    decisions = read_out_of_scope(session)
    if decisions:
        knowledge = {"entries": knowledge, "out_of_scope": decisions}
    digest = hashlib.sha256(json.dumps(knowledge, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    _set_state(session, FINGERPRINT_KEY, digest)
    return digest


def read_out_of_scope(session: Session) -> list[dict]:
    """The applied out-of-scope decisions, in fingerprint order (the shape of out_of_scope.yaml)."""
    rows = session.scalars(select(OutOfScopeDecision).order_by(OutOfScopeDecision.fingerprint))
    return [{"fingerprint": row.fingerprint, "topic": row.topic, "example": row.example, "note": row.note}
            for row in rows]


def save_out_of_scope(session: Session, fingerprint: str, topic: str, example: str | None = None,
                      note: str | None = None) -> str:
    """Record (or replace) that a paste group is about a neighbouring topic and give the knowledge a
    new fingerprint, so every worker answers it "not covered"; the caller commits. Returns the new
    fingerprint. The desk applies curators' out-of-scope proposals this way."""
    row = session.get(OutOfScopeDecision, fingerprint, with_for_update=True)
    if row is None:
        session.add(OutOfScopeDecision(fingerprint=fingerprint, topic=topic, example=example, note=note))
    else:
        row.topic, row.example, row.note = topic, example, note
    session.flush()
    return _new_fingerprint(session)


def _replace_out_of_scope(session: Session, decisions: list[dict]) -> bool:
    """Make the database hold exactly these decisions; True when that changed anything."""
    if read_out_of_scope(session) == sorted(decisions, key=lambda d: d["fingerprint"]):
        return False
    session.execute(delete(OutOfScopeDecision))
    session.add_all(OutOfScopeDecision(**decision) for decision in decisions)
    session.flush()
    return True


def parse_out_of_scope(text: str, name: str = OUT_OF_SCOPE_FILE) -> tuple[list[dict], list[SchemaError]]:
    """The decisions of an out_of_scope.yaml, or every problem in it (named for the curator)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return [], [SchemaError(name, "-", f"not valid YAML: {exc}")]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [SchemaError(name, "-", "a list of decisions is expected")]
    decisions: list[dict] = []
    errors: list[SchemaError] = []
    seen: set[str] = set()
    for index, item in enumerate(data):
        where = f"[{index}]"
        if not isinstance(item, dict) or set(item) - {"fingerprint", "topic", "example", "note"}:
            errors.append(SchemaError(name, where, "keys are fingerprint, topic, example, note"))
            continue
        fingerprint, topic = str(item.get("fingerprint")), item.get("topic")
        problems = []
        if not _FINGERPRINT_RE.match(fingerprint):
            problems.append(SchemaError(name, f"{where}.fingerprint", "64 lower-case hex digits expected"))
        elif fingerprint in seen:
            problems.append(SchemaError(name, f"{where}.fingerprint", "listed twice"))
        if topic not in TOPIC_IDS:
            problems.append(SchemaError(name, f"{where}.topic", f"one of {', '.join(TOPIC_IDS)}"))
        extra = {key: item.get(key) for key in ("example", "note")}
        if any(value is not None and not isinstance(value, str) for value in extra.values()):
            problems.append(SchemaError(name, where, "example and note are text"))
        errors += problems
        if not problems:
            seen.add(fingerprint)
            decisions.append({"fingerprint": fingerprint, "topic": topic, **extra})
    return decisions, errors


def dump_out_of_scope(decisions: list[dict]) -> str:
    """out_of_scope.yaml as `flask kb export` writes it."""
    body = yaml.safe_dump([{key: value for key, value in decision.items() if value is not None}
                           for decision in decisions], allow_unicode=True, sort_keys=False, width=100)
    return OUT_OF_SCOPE_HEADER + body


def stored_fingerprint(session: Session) -> str | None:
    """The fingerprint of the files last loaded, or None when nothing was ever loaded."""
    state = session.get(KnowledgeState, FINGERPRINT_KEY)
    return state.value if state else None


def read_entries(session: Session) -> list[dict]:
    """Every entry in the database, as dicts in id order."""
    rows = session.scalars(select(Entry).options(*_entry_options()).order_by(Entry.id))
    return [entry_to_dict(row) for row in rows]


class InvalidKnowledge(Exception):
    """The entry files have problems; nothing was loaded."""

    def __init__(self, errors: list[SchemaError]):
        super().__init__(f"{len(errors)} problem(s) in the entry files")
        self.errors = errors


def load_directory(session: Session, directory, if_changed: bool = False) -> tuple[int, LoadReport] | None:
    """Validate and load every entry file of a folder; None when `if_changed` and nothing changed.

    Returns the number of entries read and what the load changed; raises InvalidKnowledge
    (and loads nothing) when any file has a problem.
    """
    digest = fingerprint(directory)
    decisions_path = Path(directory) / OUT_OF_SCOPE_FILE
    decisions_text = decisions_path.read_text(encoding="utf-8") if decisions_path.is_file() else None
    if decisions_text is not None:
        digest = hashlib.sha256(f"{digest}\0{decisions_text}".encode()).hexdigest()
    if if_changed:
        with session.begin():
            unchanged = stored_fingerprint(session) == digest
        if unchanged:
            return None
    entries, errors = read_entry_files(directory)
    decisions, decision_errors = parse_out_of_scope(decisions_text or "")
    if errors or decision_errors:
        raise InvalidKnowledge(errors + decision_errors)
    return len(entries), load_entries(session, entries, digest, decisions)

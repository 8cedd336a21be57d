"""Moving validated entries between plain dicts and the database.

No Flask here: the functions take a SQLAlchemy Session, so the CLI, the tests and
scripts all load knowledge the same way.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.knowledge.files import fingerprint, read_entry_files
from app.knowledge.model import SchemaError, canonical
from app.store.models import (
    Entry,
    EntryAlias,
    EntryCommand,
    EntryErrorCode,
    EntryHttpStatus,
    EntrySource,
    EntryText,
    KnowledgeState,
)

FINGERPRINT_KEY = "fingerprint"


@dataclass
class LoadReport:
    """What a load changed, so `flask kb load` can say it and a second load can prove it did nothing."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def __str__(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.removed)} removed, {self.unchanged} unchanged")


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


def load_entries(session: Session, entries: list[dict], fingerprint: str) -> LoadReport:
    """Make the database hold exactly these entries, in one transaction: all or nothing."""
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
    digest = hashlib.sha256(json.dumps(read_entries(session), sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    _set_state(session, FINGERPRINT_KEY, digest)
    return digest


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
    if if_changed:
        with session.begin():
            unchanged = stored_fingerprint(session) == digest
        if unchanged:
            return None
    entries, errors = read_entry_files(directory)
    if errors:
        raise InvalidKnowledge(errors)
    return len(entries), load_entries(session, entries, digest)

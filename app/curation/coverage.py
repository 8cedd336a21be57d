"""Coverage of the loaded knowledge against the catalog: what `flask kb check` reports."""
from __future__ import annotations

from pathlib import Path

from app.curation.catalog import load_catalog
from app.curation.importer import draft_entries
from app.knowledge.articles import parse_article


def _ids_with_source_commands(sources_dir: str | Path) -> set[str]:
    """Catalog ids whose source section holds at least one command (code block)."""
    ids: set[str] = set()
    for path in sorted(Path(sources_dir).glob("*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"), path.name)
        ids.update(draft["id"] for draft in draft_entries(article) if draft.get("commands"))
    return ids


def coverage_gaps(entries: list[dict], catalog_path: str | Path, sources_dir: str | Path) -> list[str]:
    """Every way the knowledge falls short of the catalog, one readable line each."""
    by_id = {entry["id"]: entry for entry in entries}
    gaps: list[str] = []
    with_commands = _ids_with_source_commands(sources_dir)
    catalog = load_catalog(catalog_path)
    for item in catalog:
        entry = by_id.get(item.id)
        if entry is None:
            gaps.append(f"{item.id}: missing (catalog: {item.situation})")
            continue
        if entry["family"] != item.family:
            gaps.append(f"{item.id}: family is {entry['family']}, catalog says {item.family}")
        missing = sorted((set(item.languages) | {"en"}) - set(entry["content"]))
        if missing:
            gaps.append(f"{item.id}: no content in {', '.join(missing)}")
        if item.id in with_commands and not entry.get("commands"):
            gaps.append(f"{item.id}: the source gives a command but the entry has none")
    known = {item.id for item in catalog}
    for entry_id in sorted(set(by_id) - known):
        if not all(source.get("url") for source in by_id[entry_id]["sources"]):
            gaps.append(f"{entry_id}: not in the catalog, and not sourced from today's documentation alone")
    for entry in entries:
        gaps.extend(currency_gaps(entry))
    return gaps


def currency_gaps(entry: dict) -> list[str]:
    """What keeps an entry from being right today: a retired command with no current one beside it,
    and a current command that does not say where it comes from."""
    gaps = []
    commands = entry.get("commands", [])
    if any(c["generation"] == "cli-v1-preview" for c in commands) and \
            not any(c["generation"] == "cli-v2" for c in commands):
        gaps.append(f"{entry['id']}: shows `az ml endpoint` (CLI v1 preview) commands without today's CLI v2 equivalent")
    for i, command in enumerate(commands):
        if command["generation"] in ("cli-v2", "sdk-v2") and command.get("source") is None:
            gaps.append(f"{entry['id']}: commands[{i}] ({command['generation']}) has no source")
    return gaps

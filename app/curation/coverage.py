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
    gaps.extend(f"{entry_id}: not in the catalog" for entry_id in sorted(set(by_id) - known))
    return gaps

"""Read `knowledge/catalog.md`, the list of entry ids the knowledge base must hold.

The catalog is a Markdown table written for people; this module turns it into
data so tools can check the entries (and importer drafts) against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FAMILY_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("managed online", "managed-online-endpoints"),
    ("batch", "batch-endpoints"),
    ("docker", "docker-aci-aks"),
)
"""Words in a bold family row's label, mapped to the family slug used in entries."""

_DOC_LANGUAGE = re.compile(r"(\d{3})\s*:\s*([a-z]{2})")
_DOC_PREFIX = re.compile(r"\d{3}")
_BOLD = re.compile(r"^\*\*(.+)\*\*$")


@dataclass(frozen=True)
class CatalogItem:
    """One catalog row: an id, its family, and which source docs (in which language) cover it."""

    id: str
    family: str
    situation: str
    sources: dict[str, str] = field(hash=False)

    @property
    def languages(self) -> set[str]:
        """Languages the sources are written in: the entry needs content in each of them."""
        return set(self.sources.values())


def load_catalog(path: str | Path) -> list[CatalogItem]:
    """Parse the catalog file; raise ValueError on rows the catalog rules do not allow."""
    return parse_catalog(Path(path).read_text(encoding="utf-8"))


def parse_catalog(text: str) -> list[CatalogItem]:
    """Parse catalog Markdown: family rows set the doc→language map for the item rows below them."""
    items: list[CatalogItem] = []
    family: str | None = None
    doc_languages: dict[str, str] = {}
    for cells in _table_rows(text):
        label = _BOLD.match(cells[0])
        if label:
            family = _family_slug(label.group(1))
            doc_languages = dict(_DOC_LANGUAGE.findall(cells[2]))
            continue
        if family is None:
            raise ValueError(f"catalog row {cells[0]!r} comes before any family row")
        items.append(_item(cells, family, doc_languages))
    return items


def _table_rows(text: str) -> list[list[str]]:
    """Return the data rows of the three-column table, without the header and separator rows."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] == "id" or set(cells[0]) <= {"-", ":"}:
            continue
        rows.append(cells)
    return rows


def _family_slug(label: str) -> str:
    """Map a human family label ("Batch endpoints") to its slug, failing loudly on new families."""
    lowered = label.lower()
    for keyword, slug in FAMILY_KEYWORDS:
        if keyword in lowered:
            return slug
    raise ValueError(f"unknown family row {label!r}")


def _item(cells: list[str], family: str, doc_languages: dict[str, str]) -> CatalogItem:
    """Build an item, resolving each listed doc prefix to the language its family row gives."""
    item_id, situation, docs = cells
    sources = {}
    for doc in _DOC_PREFIX.findall(docs):
        if doc not in doc_languages:
            raise ValueError(f"{item_id}: doc {doc} has no language in its family row")
        sources[doc] = doc_languages[doc]
    if not sources:
        raise ValueError(f"{item_id}: no source documents listed")
    return CatalogItem(id=item_id, family=family, situation=situation, sources=sources)

"""Tests for reading knowledge/catalog.md into CatalogItems."""

import dataclasses
from pathlib import Path

import pytest

from app.curation.catalog import CatalogItem, load_catalog

CATALOG = Path(__file__).resolve().parents[2] / "knowledge" / "catalog.md"

SMALL = """\
# Catalog

| id | situation | sources (doc: language) |
|---|---|---|
| **Managed online endpoints** | | 000: ko, 003: zh |
| err_1100-not-enough-quota | ERR_1100 not enough quota | 000, 003 |
| err_1102-no-more-role-assignments | ERR_1102 no more role assignments | 000 |
| **Docker deployment to ACI / AKS (SDK v1)** | | 002: ko (2019), 004: ru (2020) |
| http-status-code-504 | 504 request timeout | 004 |
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_item_rows_become_catalog_items(tmp_path):
    assert [item.id for item in load_catalog(write(tmp_path, SMALL))] == [
        "err_1100-not-enough-quota",
        "err_1102-no-more-role-assignments",
        "http-status-code-504",
    ]


def test_family_comes_from_the_bold_row_above(tmp_path):
    assert [item.family for item in load_catalog(write(tmp_path, SMALL))] == [
        "managed-online-endpoints",
        "managed-online-endpoints",
        "docker-aci-aks",
    ]


def test_sources_map_listed_docs_to_family_languages(tmp_path):
    assert load_catalog(write(tmp_path, SMALL))[0].sources == {"000": "ko", "003": "zh"}


def test_language_map_ignores_year_notes(tmp_path):
    assert load_catalog(write(tmp_path, SMALL))[2].sources == {"004": "ru"}


def test_situation_is_kept(tmp_path):
    assert load_catalog(write(tmp_path, SMALL))[1].situation == "ERR_1102 no more role assignments"


def test_languages_is_the_set_of_source_languages():
    item = CatalogItem(id="x", family="batch-endpoints", situation="", sources={"000": "ko", "003": "zh"})
    assert item.languages == {"ko", "zh"}


def test_items_are_frozen():
    item = CatalogItem(id="x", family="batch-endpoints", situation="", sources={"001": "ko"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.id = "y"  # type: ignore[misc]


def test_items_are_hashable_despite_sources_dict():
    item = CatalogItem(id="x", family="batch-endpoints", situation="", sources={"001": "ko"})
    assert item in {item}


def test_item_before_any_family_row_is_rejected(tmp_path):
    text = "| id | situation | sources |\n|---|---|---|\n| orphan | no family | 000 |\n"
    with pytest.raises(ValueError, match="orphan"):
        load_catalog(write(tmp_path, text))


def test_doc_missing_from_family_row_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="005"):
        load_catalog(write(tmp_path, SMALL + "| stray | stray doc | 005 |\n"))


def test_unknown_family_label_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="Serverless"):
        load_catalog(write(tmp_path, SMALL + "| **Serverless things** | | 005: en |\n"))


def test_real_catalog_ids_are_unique():
    ids = [item.id for item in load_catalog(CATALOG)]
    assert len(ids) == len(set(ids))


def test_real_catalog_has_every_family():
    assert {item.family for item in load_catalog(CATALOG)} == {
        "managed-online-endpoints",
        "batch-endpoints",
        "docker-aci-aks",
    }


def test_real_catalog_maps_docs_to_languages_consistently():
    pairs = {(doc, lang) for item in load_catalog(CATALOG) for doc, lang in item.sources.items()}
    assert pairs == {("000", "ko"), ("001", "ko"), ("002", "ko"), ("003", "zh"), ("004", "ru")}

"""Reading the entry folder: file-level problems, and the shipped knowledge itself."""
import shutil

import yaml

from app.knowledge.files import dump_entry, fingerprint, read_entry_files
from app.knowledge.model import LANGS
from tests.conftest import KNOWLEDGE_DIR, SHIPPED_COUNT


def copy_knowledge(tmp_path):
    target = tmp_path / "entries"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def test_shipped_knowledge_is_valid(shipped_entries):
    assert len(shipped_entries) == SHIPPED_COUNT >= 56


def test_every_shipped_entry_has_aliases_in_all_four_languages(shipped_entries):
    thin = [(e["id"], lang) for e in shipped_entries for lang in LANGS if len(e["aliases"].get(lang, [])) < 5]
    assert thin == []


def test_broken_yaml_names_the_file(tmp_path):
    folder = copy_knowledge(tmp_path)
    path = folder / "batch-endpoints" / "get-logs.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    _, errors = read_entry_files(folder)
    assert (str(path), "(file)") in [(e.file, e.field) for e in errors]


def test_id_must_match_file_name(tmp_path):
    folder = copy_knowledge(tmp_path)
    source = folder / "batch-endpoints" / "get-logs.yaml"
    source.rename(folder / "batch-endpoints" / "get-the-logs.yaml")
    _, errors = read_entry_files(folder)
    assert errors[0].field == "id" and "does not match the file name" in errors[0].message


def test_duplicate_id_is_reported(tmp_path):
    folder = copy_knowledge(tmp_path)
    data = yaml.safe_load((folder / "batch-endpoints" / "get-logs.yaml").read_text(encoding="utf-8"))
    data["family"] = "docker-aci-aks"
    (folder / "docker-aci-aks" / "get-logs.yaml").write_text(dump_entry(data), encoding="utf-8")
    _, errors = read_entry_files(folder)
    assert any("duplicate id 'get-logs'" in e.message for e in errors)


def test_unknown_related_id_is_reported(tmp_path):
    folder = copy_knowledge(tmp_path)
    path = folder / "batch-endpoints" / "get-logs.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["related"] = ["no-such-entry"]
    path.write_text(dump_entry(data), encoding="utf-8")
    _, errors = read_entry_files(folder)
    assert [(e.field, e.message) for e in errors] == [("related[0]", "unknown entry id 'no-such-entry'")]


def test_fingerprint_changes_when_a_file_changes(tmp_path):
    folder = copy_knowledge(tmp_path)
    before = fingerprint(folder)
    path = folder / "batch-endpoints" / "get-logs.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint(folder) != before

"""Each way an entry file can be wrong gives a message naming the file and the field."""
import copy

import pytest

from app.knowledge.model import validate_entry

VALID = {
    "id": "err_1100-not-enough-quota",
    "family": "managed-online-endpoints",
    "kind": "error-code",
    "error_codes": ["ERR_1100"],
    "http_statuses": [],
    "signatures": ["OutOfQuota"],
    "patterns": ["not enough quota"],
    "content": {"en": {"title": "ERR_1100", "cause": "Quota.", "steps": "1. Delete.\n"}},
    "aliases": {"en": ["quota"], "ko": ["할당량"]},
    "commands": [{"tool": "az", "command": "az ml endpoint list", "description": {"en": "List."},
                  "generation": "cli-v1-preview"}],
    "sources": [{"doc": "000.txt", "anchor": "err_1100", "lang": "ko", "date": "2021-05-13"}],
    "related": [],
}


def problems(mutate):
    data = copy.deepcopy(VALID)
    mutate(data)
    return [(e.field, e.message) for e in validate_entry(data, "x.yaml")]


def test_valid_entry_has_no_problems():
    assert validate_entry(VALID, "x.yaml") == []


@pytest.mark.parametrize("field", ["id", "family", "kind", "content", "aliases", "sources"])
def test_missing_required_field_is_named(field):
    assert (field, "missing required field") in problems(lambda d: d.pop(field))


def test_unknown_field_is_rejected():
    found = problems(lambda d: d.update(severity="high"))
    assert [f for f, _ in found] == ["severity"]


def test_wrong_type_is_reported():
    found = problems(lambda d: d.update(signatures="OutOfQuota"))
    assert found == [("signatures", "must be a list of strings")]


def test_unknown_language_code_is_reported():
    found = problems(lambda d: d["aliases"].update(jp=["x"]))
    assert found[0][0] == "aliases.jp"


def test_english_content_is_required():
    found = problems(lambda d: d["content"].update(ko=d["content"].pop("en")))
    assert ("content.en", "missing: every entry needs English content") in found


def test_fenced_code_in_steps_is_rejected():
    found = problems(lambda d: d["content"]["en"].update(steps="1. Run:\n```\naz ml endpoint list\n```\n"))
    assert found[0][0] == "content.en.steps"


def test_malformed_error_code_is_reported():
    found = problems(lambda d: d.update(error_codes=["ERR-1100"]))
    assert found[0][0] == "error_codes[0]"


def test_status_out_of_range_is_reported():
    found = problems(lambda d: d.update(http_statuses=[999]))
    assert found[0][0] == "http_statuses[0]"


def test_invalid_regex_is_reported():
    found = problems(lambda d: d.update(patterns=["(unclosed"]))
    assert found[0][0] == "patterns[0]"


def test_command_must_start_with_its_tool():
    found = problems(lambda d: d["commands"][0].update(command="kubectl get pods"))
    assert found == [("commands[0].command", "a az command must start with 'az'")]


def test_command_needs_english_description():
    found = problems(lambda d: d["commands"][0].update(description={"ko": "목록"}))
    assert found[0][0] == "commands[0].description"


def test_unknown_tool_is_reported():
    found = problems(lambda d: d["commands"][0].update(tool="bash"))
    assert found[0][0] == "commands[0].tool"


def test_source_date_must_be_iso():
    found = problems(lambda d: d["sources"][0].update(date="05/13/2021"))
    assert found[0][0] == "sources[0].date"


def test_a_command_needs_its_generation():
    assert ("commands[0].generation", "missing required field") in problems(
        lambda d: d["commands"][0].pop("generation"))


def test_an_unknown_generation_is_reported():
    found = problems(lambda d: d["commands"][0].update(generation="v3"))
    assert found[0][0] == "commands[0].generation" and "cli-v2" in found[0][1]


def test_a_command_cannot_cite_a_missing_source():
    found = problems(lambda d: d["commands"][0].update(source=3))
    assert found == [("(entry)", "command 'az ml endpoint list' cites sources[3], which does not exist")]


def test_a_web_source_needs_its_title():
    found = problems(lambda d: d["sources"].append(
        {"url": "https://learn.microsoft.com/x", "anchor": "a", "lang": "en", "date": "2026-01-01"}))
    assert found == [("sources[1]", "a `url` source needs the page's `title`")]


def test_a_source_names_a_file_or_a_page_not_both():
    found = problems(lambda d: d["sources"][0].update(url="https://learn.microsoft.com/x", title="T"))
    assert found[0][0] == "sources[0]"


def test_a_shell_command_may_start_with_any_program():
    assert problems(lambda d: d["commands"].append(
        {"tool": "shell", "command": "pip install debugpy", "description": {"en": "Install."},
         "generation": "general"})) == []

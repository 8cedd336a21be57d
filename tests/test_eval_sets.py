"""The labelled sets under benchmarks/eval stay well-formed: a renamed entry or a typo in a label
would otherwise count as a matcher miss, silently, in every figure the README reports."""
import json
from pathlib import Path

import pytest

EVAL_DIR = Path(__file__).resolve().parents[1] / "benchmarks" / "eval"
CASE_SETS = sorted(path for path in EVAL_DIR.glob("*.jsonl") if not path.name.startswith("dialogues_"))
DIALOGUE_SETS = sorted(EVAL_DIR.glob("dialogues_*.jsonl"))
CASE_KEYS = {"id", "query", "expect", "query_lang", "kind"}
TURN_KINDS = {"new_topic", "follow_up", "feedback", "language", "small_talk"}
LANGS = {"en", "ko", "zh", "ru"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def entry_ids(shipped_entries) -> set[str]:
    return {entry["id"] for entry in shipped_entries}


@pytest.mark.parametrize("path", CASE_SETS, ids=lambda path: path.name)
def test_every_case_is_complete_and_names_shipped_entries(path, entry_ids):
    cases = _lines(path)
    assert cases
    ids = [case["id"] for case in cases]
    assert len(ids) == len(set(ids)), f"{path.name}: repeated ids"
    incomplete = [case["id"] for case in cases if not case.keys() >= CASE_KEYS]
    assert not incomplete, f"{path.name}: cases without {sorted(CASE_KEYS)}: {incomplete}"
    unknown = {label for case in cases for label in case["expect"]} - entry_ids
    assert not unknown, f"{path.name}: labels that are no shipped entry: {sorted(unknown)}"
    unsourced = [case["id"] for case in cases if case["kind"] == "paste" and not case.get("source", "").startswith("http")]
    assert not unsourced, f"{path.name}: real pastes without their link: {unsourced}"


@pytest.mark.parametrize("path", DIALOGUE_SETS, ids=lambda path: path.name)
def test_every_dialogue_turn_is_labelled_with_a_kind_and_shipped_entries(path, entry_ids):
    dialogues = _lines(path)
    assert dialogues
    ids = [dialogue["id"] for dialogue in dialogues]
    assert len(ids) == len(set(ids)), f"{path.name}: repeated ids"
    turns = [(dialogue["id"], turn) for dialogue in dialogues for turn in dialogue["turns"]]
    assert not [name for name, turn in turns if turn["turn"] not in TURN_KINDS]
    labels = {label for _, turn in turns for label in turn["expect"] + turn.get("expect_not", [])}
    assert not labels - entry_ids, f"{path.name}: labels that are no shipped entry: {sorted(labels - entry_ids)}"
    asked = {turn["expect_lang"] for _, turn in turns if turn["turn"] == "language" and "expect_lang" in turn}
    assert asked <= LANGS

"""Language fallback: requested, else English, else the source language; flagged when used."""
from app.knowledge.localize import localized, pick_language

ENTRY = {"id": "x", "family": "batch-endpoints", "kind": "how-to",
         "content": {"en": {"title": "T", "cause": "C", "steps": "1. S"},
                     "ko": {"title": "제목", "cause": "원인", "steps": "1. 단계"}},
         "commands": [{"tool": "az", "command": "az ml endpoint get-logs -n <e> --type batch",
                       "description": {"en": "Old", "ko": "예전"}, "generation": "cli-v1-preview", "source": 0},
                      {"tool": "az", "command": "az ml job stream --name <job>",
                       "description": {"en": "Stream", "ko": "스트리밍"}, "generation": "cli-v2", "source": 1}],
         "sources": [{"doc": "001.txt", "anchor": "x", "lang": "ko", "date": "2021-05-05",
                      "note": {"en": "The article has a typo.", "ko": "문서에 오타가 있습니다."}},
                     {"url": "https://learn.microsoft.com/azure/machine-learning/x", "title": "Page",
                      "anchor": "y", "lang": "en", "date": "2026-10-01"}]}


def test_requested_language_is_used_when_present():
    assert pick_language(ENTRY, "ko") == ("ko", False)


def test_missing_language_falls_back_to_english_with_flag():
    assert pick_language(ENTRY, "zh") == ("en", True)


def test_no_requested_language_means_english_without_flag():
    assert pick_language(ENTRY, None) == ("en", False)


def test_without_english_the_source_language_is_used():
    entry = {**ENTRY, "content": {"ko": ENTRY["content"]["ko"]}}
    assert pick_language(entry, "ru") == ("ko", True)


def test_command_descriptions_follow_the_language():
    assert localized(ENTRY, "ko")["commands"][0]["description"] == "스트리밍"


def test_todays_commands_come_before_the_articles_older_ones():
    commands = localized(ENTRY, "en")["commands"]
    assert [(c["generation"], c["current"]) for c in commands] == [("cli-v2", True), ("cli-v1-preview", False)]


def test_a_source_note_follows_the_language():
    sources = localized(ENTRY, "ko")["sources"]
    assert sources[0]["note"] == "문서에 오타가 있습니다." and sources[1]["note"] is None

"""Language fallback: requested, else English, else the source language; flagged when used."""
from app.knowledge.localize import localized, pick_language

ENTRY = {"id": "x", "family": "batch-endpoints", "kind": "how-to",
         "content": {"en": {"title": "T", "cause": "C", "steps": "1. S"},
                     "ko": {"title": "제목", "cause": "원인", "steps": "1. 단계"}},
         "commands": [{"tool": "az", "command": "az ml job stream --name <job>",
                       "description": {"en": "Stream", "ko": "스트리밍"}}],
         "sources": [{"doc": "001.txt", "anchor": "x", "lang": "ko", "date": "2021-05-05"}]}


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

"""The Markdown a bot posts: built by plain functions from the API's JSON shapes."""
from __future__ import annotations

import pytest

from app.api.markdown_format import entry_markdown, fenced, lookup_markdown, match_markdown, numbered_steps


def _entry(**changes) -> dict:
    entry = {
        "id": "err_1100-not-enough-quota", "family": "managed-online-endpoints", "lang": "en", "fallback": False,
        "title": "ERR_1100 Not enough quota",
        "cause": "The deployment needs more cores than the quota left.",
        "steps": "1. Delete deployments you no longer use.\n2. Request more quota.",
        "commands": [{"tool": "az", "command": "az ml endpoint list", "description": "List endpoints (2021).",
                      "generation": "cli-v1-preview", "current": False, "source": 0},
                     {"tool": "az", "command": "az ml compute list-usage --location <region>",
                      "description": "Show Azure ML quota usage and limits per VM family.",
                      "generation": "cli-v2", "current": True, "source": None}],
        "sources": [{"doc": "000_597ea2a612412b07.txt", "anchor": "err_1100-not-enough-quota", "lang": "ko",
                     "date": "2021-05-13"}],
        "url": "/entries/err_1100-not-enough-quota?lang=en", "score": 96.0,
    }
    entry.update(changes)
    return entry


def _result(matches: list[dict], **changes) -> dict:
    return {"matches": matches, "answer_lang": "en", "ambiguous": False, "truncated": False, **changes}


def test_the_title_is_a_heading():
    assert entry_markdown(_entry()).startswith("### ERR_1100 Not enough quota\n")


def test_the_cause_is_labelled():
    assert "**Cause:** The deployment needs more cores" in entry_markdown(_entry())


def test_steps_already_numbered_are_kept():
    assert numbered_steps("1. One.\n   - detail\n2. Two.") == "1. One.\n   - detail\n2. Two."


def test_steps_written_as_lines_are_numbered():
    assert numbered_steps("Delete it.\n\nCreate it again.") == "1. Delete it.\n2. Create it again."


def test_commands_are_fenced_with_a_shell_language():
    assert "```bash\naz ml compute list-usage --location <region>\n```" in entry_markdown(_entry())


def test_python_commands_are_fenced_as_python():
    entry = _entry(commands=[{"tool": "python", "command": "print(model)", "description": "Print it.",
                              "generation": "general", "current": True, "source": None}])
    assert "```python\nprint(model)\n```" in entry_markdown(entry)


def test_a_fence_is_longer_than_backticks_in_the_command():
    assert fenced("echo ```", "bash") == "````bash\necho ```\n````"


def test_the_source_and_a_link_to_the_entry_are_referenced():
    text = entry_markdown(_entry(), base_url="https://kb.example/")
    assert ("`000_597ea2a612412b07.txt` § err_1100-not-enough-quota (ko, 2021-05-13)" in text,
            "https://kb.example/entries/err_1100-not-enough-quota?lang=en" in text) == (True, True)


def test_labels_follow_the_entry_language():
    assert "**원인:**" in entry_markdown(_entry(lang="ko"))


def test_a_fallback_to_english_is_said():
    assert "Not available in the requested language" in entry_markdown(_entry(fallback=True))


def test_no_match_gives_advice_in_the_answer_language():
    assert match_markdown(_result([], answer_lang="ru")).startswith("Ни одна статья")


def test_a_match_shows_the_best_entry_in_full():
    assert match_markdown(_result([_entry()])).startswith("### ERR_1100 Not enough quota")


def test_runners_up_are_listed_by_title():
    second = _entry(id="err_1101-out-of-capacity", title="ERR_1101 Out of capacity", score=61.4,
                    url="/entries/err_1101-out-of-capacity?lang=en")
    assert "- ERR_1101 Out of capacity (`err_1101-out-of-capacity`, 61)" in match_markdown(_result([_entry(), second]))


def test_an_ambiguous_answer_is_flagged():
    assert "Several entries fit about equally well" in match_markdown(_result([_entry(), _entry()], ambiguous=True))


def test_a_truncated_paste_is_flagged():
    assert match_markdown(_result([_entry()], truncated=True)).startswith("> The text was long")


@pytest.mark.parametrize("count", [1, 2])
def test_a_lookup_holds_one_section_per_entry(count):
    assert lookup_markdown({"entries": [_entry()] * count}).count("### ") == count


def test_todays_commands_come_first_and_the_articles_older_ones_after_a_label():
    text = entry_markdown(_entry())
    assert text.index("az ml compute list-usage") < text.index("**Older CLI and SDK commands") \
        < text.index("az ml endpoint list")
    assert "`CLI v1 preview (az ml endpoint; no longer exists)` List endpoints" in text


def test_a_web_source_is_a_link_and_its_note_is_kept():
    source = {"url": "https://learn.microsoft.com/azure/machine-learning/x", "title": "Troubleshoot",
              "doc": None, "anchor": "a", "lang": "en", "date": "2026-10-01", "note": "Renamed since."}
    assert "[Troubleshoot](https://learn.microsoft.com/azure/machine-learning/x) § a (en, 2026-10-01): Renamed since." \
        in entry_markdown(_entry(sources=[source]))


def test_an_sdk_v1_entry_says_its_support_ends():
    text = entry_markdown(_entry(family="docker-aci-aks", lang="ru"))
    assert "30 июня 2026" in text and "https://learn.microsoft.com/azure/machine-learning/concept-v2" in text

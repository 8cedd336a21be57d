"""The shipped knowledge is right for users deploying today, checked over every entry file."""
from __future__ import annotations

import pytest

from app.curation.coverage import currency_gaps
from app.knowledge.model import CURRENT_GENERATIONS


def test_no_retired_command_is_shown_without_todays_equivalent(shipped_entries):
    assert [gap for entry in shipped_entries for gap in currency_gaps(entry)] == []


def test_every_current_azure_ml_command_cites_todays_documentation(shipped_entries):
    uncited = [(entry["id"], command["command"]) for entry in shipped_entries for command in entry["commands"]
               if command["generation"] in ("cli-v2", "sdk-v2")
               and not entry["sources"][command["source"]].get("url")]
    assert uncited == []


@pytest.mark.parametrize("family", ["managed-online-endpoints", "batch-endpoints"])
def test_every_entry_with_commands_has_a_current_one(shipped_entries, family):
    lacking = [entry["id"] for entry in shipped_entries if entry["family"] == family and entry["commands"]
               and not any(command["generation"] in CURRENT_GENERATIONS for command in entry["commands"])]
    assert lacking == []

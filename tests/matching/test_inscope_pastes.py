"""Real pastes of covered problems: an error name the knowledge spells out in words is a known error."""
from app.matching.index import KnowledgeIndex


def discounts(match):
    return {reason["value"] for reason in match.reasons if reason["type"] == "discount"}


def spelled(title, aliases=(), signatures=()):
    """The built index of one entry: it answers which pasted error names the entry spells out in words."""
    return KnowledgeIndex([{"id": "e1", "family": "managed-online-endpoints", "kind": "symptom",
                            "content": {"en": {"title": title, "cause": "Something about it.", "steps": "1. Fix it."}},
                            "aliases": {"en": list(aliases)}, "signatures": list(signatures)}])


def test_names_joined_from_consecutive_words():
    index = spelled("Scoring image was not found", aliases=["the registry login has failed"])
    assert all(map(index.spells_error_name, ("imagewasnotfound", "wasnotfound", "loginhasfailed")))
    assert not index.spells_error_name("scoringnotfound")  # only consecutive words


def test_two_words_say_only_how_something_failed():
    index = spelled("the request was denied", aliases=["access denied by the registry"])
    assert not index.spells_error_name("accessdenied")
    assert index.spells_error_name("accessdeniedby")


def test_long_runs_of_words_are_not_joined_whole():
    index = spelled("one two three four five")
    assert index.spells_error_name("onetwothreefour")
    assert not index.spells_error_name("onetwothreefourfive")


def test_a_spelled_out_error_name_keeps_its_entries(matcher):
    paste = ("creating the batch deployment stopped:\n"
             "ERROR: (UserError) The specified resource was not found.\n"
             "Exception Details: (ModelNotFound) no model called churn-clf with version 7 in this workspace")
    for match in matcher.match(paste).candidates:
        assert "unknown_error_name" not in discounts(match)


def test_a_name_no_entry_describes_is_still_unknown(matcher):
    paste = ("creating the batch deployment stopped:\n"
             "ERROR: (UserError) The operation could not finish.\n"
             "Exception Details: (QuantumFluxOverload) the flux capacitor of the workspace is saturated")
    candidates = matcher.match(paste).candidates
    assert candidates
    assert all("unknown_error_name" in discounts(match) for match in candidates if
               not any(reason["type"] in ("code", "signature", "pattern") for reason in match.reasons))
